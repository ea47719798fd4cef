import type { CustomerBalance } from '@shopbook/shared';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { rows } from '../../db/rows.ts';

/** What one customer owes on account, in parts; see `customerBalanceSchema`. */
export type BalanceParts = Pick<CustomerBalance, 'salesOnAccount' | 'refundsToAccount' | 'payments' | 'balance'>;

const ZERO: BalanceParts = { salesOnAccount: 0, refundsToAccount: 0, payments: 0, balance: 0 };

const idList = (ids: string[]) => sql`(${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`;

/**
 * What a customer owes on account. A till sale's account tender raises it, and so does
 * an invoice for goods shipped on a sales order (less its credit notes); a return
 * refunded to the account lowers it, and belongs to the customer of the sale it was
 * returned against (a return carries no customer of its own; one without a receipt
 * cannot go to an account); the customer's payments lower it. Refund rows are stored
 * negative. Every reader (the back office, the tills' pull) takes it from here.
 */
export async function customerBalances(db: DbOrTx, customerIds: string[]): Promise<Map<string, BalanceParts>> {
  const out = new Map<string, BalanceParts>();
  if (customerIds.length === 0) return out;
  const sold = await rows<{ customer_id: string; amount: string | number }>(
    db,
    sql`SELECT s.customer_id, sum(p.amount) AS amount
          FROM sale_payments p JOIN sales s ON s.id = p.sale_id
         WHERE p.kind = 'sale' AND p.tender = 'account' AND s.customer_id IN ${idList(customerIds)}
         GROUP BY s.customer_id`,
  );
  const refunded = await rows<{ customer_id: string; amount: string | number }>(
    db,
    sql`SELECT s.customer_id, -sum(p.amount) AS amount
          FROM sale_payments p
          JOIN sale_returns r ON r.id = p.sale_id
          JOIN sales s ON s.id = r.original_sale_id
         WHERE p.kind = 'return' AND p.tender = 'account' AND s.customer_id IN ${idList(customerIds)}
         GROUP BY s.customer_id`,
  );
  const invoiced = await rows<{ customer_id: string; amount: string | number }>(
    db,
    sql`SELECT customer_id, sum(CASE WHEN kind = 'invoice' THEN gross ELSE -gross END) AS amount
          FROM customer_invoices WHERE source = 'shipments' AND customer_id IN ${idList(customerIds)} GROUP BY customer_id`,
  );
  const paid = await rows<{ customer_id: string; amount: string | number }>(
    db,
    sql`SELECT customer_id, sum(amount) AS amount FROM customer_payments WHERE customer_id IN ${idList(customerIds)} GROUP BY customer_id`,
  );
  const part = (id: string) => out.get(id) ?? { ...ZERO };
  for (const r of sold) out.set(r.customer_id, { ...part(r.customer_id), salesOnAccount: Number(r.amount) });
  for (const r of invoiced) out.set(r.customer_id, { ...part(r.customer_id), salesOnAccount: part(r.customer_id).salesOnAccount + Number(r.amount) });
  for (const r of paid) out.set(r.customer_id, { ...part(r.customer_id), payments: Number(r.amount) });
  for (const r of refunded) out.set(r.customer_id, { ...part(r.customer_id), refundsToAccount: Number(r.amount) });
  for (const [id, p] of out) out.set(id, { ...p, balance: p.salesOnAccount - p.refundsToAccount - p.payments });
  return out;
}

export async function customerBalance(db: DbOrTx, customerId: string): Promise<BalanceParts> {
  return (await customerBalances(db, [customerId])).get(customerId) ?? { ...ZERO };
}
