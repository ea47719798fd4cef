import { monthRange } from '@shopbook/shared';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { rows } from '../../db/rows.ts';

export interface NetSalesRow {
  storeId: string;
  /** The till's cashier for till sales and refunds; the order's salesperson for invoices and credit notes (null: nobody). */
  personId: string | null;
  tillNet: number;
  invoicedNet: number;
}

/**
 * Net sales before tax in a month, per store and person: exactly what the journal credits
 * to revenue (6001) for the same documents. Till sales (`apply-sale`) less till refunds
 * (`apply-return`) by the time they happened; customer invoices for shipped orders less
 * their credit notes (`../receivables/`) by their date. An invoice for a till sale is only
 * its tax document (the sale is already counted) and is left out. Invoice lines are
 * attributed to the salesperson of the order their line came from (a credit note's line
 * through the invoice line it credits). Days are UTC, like the other date filters.
 */
export async function netSalesByStoreAndPerson(db: DbOrTx, month: string): Promise<NetSalesRow[]> {
  const { from, to } = monthRange(month);
  const start = `${from}T00:00:00Z`;
  const end = `${to}T00:00:00Z`;
  const found = await rows<{ store_id: string; person_id: string | null; till: string | number; invoiced: string | number }>(
    db,
    sql`SELECT store_id, person_id, sum(till)::bigint AS till, sum(invoiced)::bigint AS invoiced FROM (
          SELECT store_id, cashier_id AS person_id, net AS till, 0 AS invoiced
            FROM sales WHERE occurred_at >= ${start}::timestamptz AND occurred_at < ${end}::timestamptz
          UNION ALL
          SELECT store_id, cashier_id, -net, 0
            FROM sale_returns WHERE occurred_at >= ${start}::timestamptz AND occurred_at < ${end}::timestamptz
          UNION ALL
          SELECT i.store_id, o.salesperson_id, 0, CASE WHEN i.kind = 'invoice' THEN l.net ELSE -l.net END
            FROM customer_invoices i
            JOIN customer_invoice_lines l ON l.invoice_id = i.id
            LEFT JOIN customer_invoice_lines credited ON i.kind = 'credit_note' AND credited.id = l.source_line_id
            JOIN sales_order_lines ol ON ol.id = CASE WHEN i.kind = 'invoice' THEN l.source_line_id ELSE credited.source_line_id END
            JOIN sales_orders o ON o.id = ol.order_id
           WHERE i.source = 'shipments' AND i.invoice_date >= ${from}::date AND i.invoice_date < ${to}::date
        ) x
        GROUP BY store_id, person_id`,
  );
  return found.map((r) => ({ storeId: r.store_id, personId: r.person_id, tillNet: Number(r.till), invoicedNet: Number(r.invoiced) }));
}
