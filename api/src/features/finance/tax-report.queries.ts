import type { TaxReport } from '@shopbook/shared';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { rows } from '../../db/rows.ts';

/**
 * VAT per rate for [from, to], from the documents' lines, so that the totals equal the
 * movement of output VAT (222101) and input VAT (222102) in the same range:
 *
 * - Till sales and returns are dated by their journal entry, not by when they were rung
 *   up: a sale that syncs late into a closed month is booked (and so filed) on the first
 *   open day. Driving from `journal_entries` by date also uses its date index.
 * - Customer invoices count only when billed from shipments; an invoice for a till sale
 *   is the tax document of a sale already counted. Credit notes subtract. Both are
 *   dated by their invoice date, which is their entry's date.
 * - Supplier invoices count once posted, in base currency (what the entry books).
 * - Expense documents book input VAT without a rate (rent, electricity): their tax is
 *   one row with no rate, net = amount − tax, by document date.
 *
 * The `CASE` around `source_id::uuid` keeps the cast to the entries of that type.
 */
interface RateRow {
  rate: number | string | null;
  output_net: string | number;
  output_tax: string | number;
  input_net: string | number;
  input_tax: string | number;
}

function toMoney(v: string | number | null): number {
  const n = Number(v ?? 0);
  if (!Number.isSafeInteger(n)) throw new RangeError(`sum out of range: ${v}`);
  return n;
}

export async function taxReport(db: DbOrTx, range: { from: string; to: string }): Promise<TaxReport> {
  const result = await rows<RateRow>(
    db,
    sql`WITH entries AS (
          SELECT e.source_type, CASE WHEN e.source_type IN ('sale', 'sale_return') THEN e.source_id::uuid END AS doc_id
            FROM journal_entries e
           WHERE e.entry_date BETWEEN ${range.from} AND ${range.to} AND e.source_type IN ('sale', 'sale_return')
        ),
        output AS (
          SELECT l.tax_rate_bp AS rate, l.net, l.tax
            FROM entries e JOIN sale_lines l ON l.sale_id = e.doc_id
           WHERE e.source_type = 'sale'
          UNION ALL
          SELECT l.tax_rate_bp, -l.net, -l.tax
            FROM entries e JOIN sale_return_lines l ON l.return_id = e.doc_id
           WHERE e.source_type = 'sale_return'
          UNION ALL
          SELECT l.tax_rate_bp, CASE WHEN i.kind = 'credit_note' THEN -l.net ELSE l.net END, CASE WHEN i.kind = 'credit_note' THEN -l.tax ELSE l.tax END
            FROM customer_invoices i JOIN customer_invoice_lines l ON l.invoice_id = i.id
           WHERE i.source = 'shipments' AND i.invoice_date BETWEEN ${range.from} AND ${range.to}
        ),
        input AS (
          SELECT l.tax_rate_bp AS rate, l.base_net AS net, l.base_tax AS tax
            FROM supplier_invoices i JOIN supplier_invoice_lines l ON l.invoice_id = i.id
           WHERE i.status = 'posted' AND i.invoice_date BETWEEN ${range.from} AND ${range.to}
          UNION ALL
          SELECT NULL::int, d.amount - d.tax, d.tax
            FROM expense_documents d
           WHERE d.kind = 'expense' AND d.tax > 0 AND d.document_date BETWEEN ${range.from} AND ${range.to}
        )
        SELECT rate, sum(output_net) AS output_net, sum(output_tax) AS output_tax, sum(input_net) AS input_net, sum(input_tax) AS input_tax
          FROM (SELECT rate, net AS output_net, tax AS output_tax, 0 AS input_net, 0 AS input_tax FROM output
                UNION ALL
                SELECT rate, 0, 0, net, tax FROM input) x
         GROUP BY rate
         ORDER BY rate DESC NULLS LAST`,
  );
  const items = result.map((r) => ({
    taxRateBp: r.rate === null ? null : Number(r.rate), outputNet: toMoney(r.output_net), outputTax: toMoney(r.output_tax), inputNet: toMoney(r.input_net), inputTax: toMoney(r.input_tax),
  }));
  const sum = (k: 'outputNet' | 'outputTax' | 'inputNet' | 'inputTax') => items.reduce((s, r) => s + r[k], 0);
  const totals = { outputNet: sum('outputNet'), outputTax: sum('outputTax'), inputNet: sum('inputNet'), inputTax: sum('inputTax') };
  return { from: range.from, to: range.to, rows: items, totals, taxPayable: totals.outputTax - totals.inputTax };
}
