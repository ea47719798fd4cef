import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';

/**
 * A customer's balance changed (a sale or refund on account, an invoice, a credit note,
 * a payment): a new revision, so tills pull the customer again with the new balance
 * their credit check reads.
 */
export async function touchCustomers(db: DbOrTx, customerIds: readonly (string | null | undefined)[]): Promise<void> {
  const ids = [...new Set(customerIds.filter((id): id is string => !!id))].sort();
  if (ids.length === 0) return;
  await db.execute(sql`UPDATE customers SET revision = nextval('catalogue_revision')
                        WHERE id IN (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`);
}
