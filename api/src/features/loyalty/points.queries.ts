import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { rows } from '../../db/rows.ts';

/** Customers' points: the sum of their ledger entries (0 for a customer with none). */
export async function pointsOf(db: DbOrTx, customerIds: readonly string[]): Promise<Map<string, number>> {
  if (customerIds.length === 0) return new Map();
  const found = await rows<{ customer_id: string; points: string }>(
    db,
    sql`SELECT customer_id, sum(points)::text AS points FROM loyalty_entries
         WHERE customer_id IN (${sql.join(customerIds.map((id) => sql`${id}::uuid`), sql`, `)}) GROUP BY customer_id`,
  );
  return new Map(found.map((r) => [r.customer_id, Number(r.points)]));
}

/**
 * Takes the customer's row lock, then reads their points: two syncs spending the same
 * customer's points queue here, so the second sees what the first spent.
 */
export async function lockedPoints(db: DbOrTx, customerId: string): Promise<number> {
  const [row] = await rows<{ points: string | null }>(
    db,
    sql`WITH locked AS (SELECT id FROM customers WHERE id = ${customerId}::uuid FOR UPDATE)
        SELECT (SELECT sum(points) FROM loyalty_entries WHERE customer_id = ${customerId}::uuid)::text AS points FROM locked`,
  );
  return Number(row?.points ?? 0);
}
