import { count } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { accounts, company } from '../../db/schema/index.ts';
import { ACCOUNTS } from './chart.ts';

/** Adds system accounts introduced by a newer version to a company set up before it. */
export async function ensureChart(db: DbOrTx): Promise<void> {
  const [row] = await db.select({ n: count() }).from(company);
  if (!row?.n) return;
  await db.insert(accounts).values(Object.values(ACCOUNTS).map((a) => ({ ...a, system: true }))).onConflictDoNothing();
}
