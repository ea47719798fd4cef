import { agingBucket, type ReceivablesAgingRow, type StatementEntry } from '@shopbook/shared';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { rows } from '../../db/rows.ts';
import { DomainError } from '../../http/errors.ts';

/**
 * What each customer owes on `asOf`, by how late: invoices less payments and credit
 * notes applied to them up to that day; payments not allocated and credit not used are
 * the customer's credit, shown beside and taken off the total.
 */
export async function receivablesAging(db: DbOrTx, asOf: string): Promise<ReceivablesAgingRow[]> {
  const items = await rows<{ customer_id: string; code: string; name: string; kind: string; due_date: string; open: string | number }>(
    db,
    sql`SELECT i.customer_id, c.code, c.name, i.kind, i.due_date::text AS due_date,
               CASE WHEN i.kind = 'invoice'
                    THEN i.gross - coalesce((SELECT sum(a.amount) FROM customer_payment_allocations a JOIN customer_payments p ON p.id = a.payment_id
                                              WHERE a.invoice_id = i.id AND p.payment_date <= ${asOf}::date), 0)
                                 - coalesce((SELECT sum(n.settled) FROM customer_invoices n WHERE n.credit_of = i.id AND n.invoice_date <= ${asOf}::date), 0)
                                 - CASE WHEN i.source = 'till_sale' THEN (SELECT coalesce(sum(sp.amount), 0) FROM sale_payments sp WHERE sp.sale_id = i.sale_id AND sp.kind = 'sale' AND sp.tender <> 'account') ELSE 0 END
                    ELSE -(i.gross - i.settled) END AS open
          FROM customer_invoices i JOIN customers c ON c.id = i.customer_id
         WHERE i.invoice_date <= ${asOf}::date
        UNION ALL
        SELECT p.customer_id, c.code, c.name, 'payment', p.payment_date::text, -p.unallocated
          FROM customer_payments p JOIN customers c ON c.id = p.customer_id
         WHERE p.payment_date <= ${asOf}::date AND p.unallocated > 0`,
  );
  const by = new Map<string, ReceivablesAgingRow>();
  for (const it of items) {
    const amount = Number(it.open);
    if (amount === 0) continue;
    const row = by.get(it.customer_id) ?? {
      customerId: it.customer_id, customerCode: it.code, customerName: it.name, current: 0, d1_30: 0, d31_60: 0, d61_90: 0, d90_plus: 0, credit: 0, total: 0,
    };
    if (amount < 0) row.credit += -amount;
    else row[agingBucket(it.due_date, asOf)] += amount;
    row.total += amount;
    by.set(it.customer_id, row);
  }
  return [...by.values()].sort((a, b) => b.total - a.total || a.customerCode.localeCompare(b.customerCode));
}

/** A customer's statement: invoices, credit notes and payments in date order with the running balance. */
export async function customerStatement(db: DbOrTx, customerId: string): Promise<StatementEntry[]> {
  const [c] = await rows<{ id: string }>(db, sql`SELECT id FROM customers WHERE id = ${customerId}`);
  if (!c) throw new DomainError('not_found', `no customer ${customerId}`, 'id');
  const entries = await rows<{ date: string; kind: StatementEntry['kind']; id: string; number: string; amount: string | number; at: string }>(
    db,
    sql`SELECT i.invoice_date::text AS date, i.kind, i.id, i.number,
               CASE WHEN i.kind = 'invoice' THEN i.gross - CASE WHEN i.source = 'till_sale' THEN (SELECT coalesce(sum(sp.amount), 0) FROM sale_payments sp WHERE sp.sale_id = i.sale_id AND sp.kind = 'sale' AND sp.tender <> 'account') ELSE 0 END ELSE -i.gross END AS amount,
               i.created_at AS at
          FROM customer_invoices i WHERE i.customer_id = ${customerId}
        UNION ALL
        SELECT payment_date::text, 'payment', id, number, -amount, created_at FROM customer_payments WHERE customer_id = ${customerId}
        ORDER BY 1, 6, 4`,
  );
  let balance = 0;
  return entries.map((e) => {
    balance += Number(e.amount);
    return { date: e.date, kind: e.kind, id: e.id, number: e.number, amount: Number(e.amount), balance };
  });
}
