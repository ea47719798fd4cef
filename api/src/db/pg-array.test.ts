import { expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeEachDriver } from '../../test/databases.ts';
import { useApp } from '../../test/harness.ts';
import { pgArray } from './pg-array.ts';
import { rows } from './rows.ts';

describeEachDriver('array literals for many rows in one parameter', (driver) => {
  const t = useApp(driver);

  it('round-trips any text, numbers and nulls through unnest', async () => {
    const texts = ['plain', 'with "quotes"', 'back\\slash', 'comma, {brace}', 'NULL', '', '收银 ✓', null];
    const numbers = [0, -12, 9_007_199_254_740_991, null, 42, 1, 2, 3];
    const out = await rows<{ t: string | null; n: string | number | null; o: number }>(
      t.database.db,
      sql`SELECT u.t, u.n, u.o::int AS o FROM unnest(${pgArray(texts)}::text[], ${pgArray(numbers)}::bigint[]) WITH ORDINALITY AS u(t, n, o) ORDER BY o`,
    );
    expect(out.map((r) => r.t)).toEqual(texts);
    expect(out.map((r) => (r.n === null ? null : Number(r.n)))).toEqual(numbers);
  });
});
