import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { rows } from '../../db/rows.ts';

/**
 * Next number of a series, e.g. `ADJ-2026-000042`. The upsert holds the series row's
 * lock until the document's transaction ends, so numbers are unique and gapless.
 */
export async function nextNumber(db: DbOrTx, prefix: string, year: number): Promise<string> {
  const key = `${prefix}-${year}`;
  const [row] = await rows<{ last_value: string | number }>(
    db,
    sql`INSERT INTO number_series (key, last_value) VALUES (${key}, 1)
        ON CONFLICT (key) DO UPDATE SET last_value = number_series.last_value + 1
        RETURNING last_value`,
  );
  return `${key}-${String(row!.last_value).padStart(6, '0')}`;
}
