import { count } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { company } from '../../db/schema/index.ts';

/**
 * Setup only ever goes from not done to done, so once seen done the answer is kept;
 * until then every check asks the database (another process may have finished it).
 */
export function setupState() {
  let done = false;
  return {
    async isDone(db: DbOrTx): Promise<boolean> {
      if (done) return true;
      const [row] = await db.select({ n: count() }).from(company);
      done = (row?.n ?? 0) > 0;
      return done;
    },
  };
}
export type SetupState = ReturnType<typeof setupState>;
