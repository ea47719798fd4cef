import { agingBucket, type AgingRow, type LedgerEntry } from '@shopbook/shared';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { rows } from '../../db/rows.ts';
import { DomainError } from '../../http/errors.ts';

interface OpenInvoice {
  id: string;
  supplier_id: string;
  supplier_code: string;
  supplier_name: string;
  due_date: string;
  open: string | number;
}

/**
 * What is owed to each supplier on `asOf`, by how late it is: posted invoices less the
 * payments allocated to them up to that day. The total equals the payables account.
 */
export async function aging(db: DbOrTx, asOf: string): Promise<AgingRow[]> {
  const open = await rows<OpenInvoice>(
    db,
    sql`SELECT i.id, i.supplier_id, s.code AS supplier_code, s.name AS supplier_name, i.due_date::text AS due_date,
               i.base_gross - coalesce((SELECT sum(a.amount) FROM supplier_payment_allocations a JOIN supplier_payments p ON p.id = a.payment_id
                                         WHERE a.invoice_id = i.id AND p.payment_date <= ${asOf}::date), 0) AS open
          FROM supplier_invoices i JOIN suppliers s ON s.id = i.supplier_id
         WHERE i.status = 'posted' AND i.invoice_date <= ${asOf}::date`,
  );
  const bySupplier = new Map<string, AgingRow>();
  for (const inv of open) {
    const amount = Number(inv.open);
    if (amount === 0) continue;
    const row = bySupplier.get(inv.supplier_id) ?? {
      supplierId: inv.supplier_id, supplierCode: inv.supplier_code, supplierName: inv.supplier_name, current: 0, d1_30: 0, d31_60: 0, d61_90: 0, d90_plus: 0, total: 0,
    };
    row[agingBucket(inv.due_date, asOf)] += amount;
    row.total += amount;
    bySupplier.set(inv.supplier_id, row);
  }
  return [...bySupplier.values()].sort((a, b) => b.total - a.total || a.supplierCode.localeCompare(b.supplierCode));
}

/** A supplier's account: invoices raise what is owed, payments lower it, oldest first, with the running balance. */
export async function supplierLedger(db: DbOrTx, supplierId: string): Promise<LedgerEntry[]> {
  const [exists] = await rows<{ id: string }>(db, sql`SELECT id FROM suppliers WHERE id = ${supplierId}`);
  if (!exists) throw new DomainError('not_found', `no supplier ${supplierId}`, 'id');
  const entries = await rows<{ date: string; kind: 'invoice' | 'payment'; id: string; number: string; reference: string; amount: string | number; at: string }>(
    db,
    sql`SELECT invoice_date::text AS date, 'invoice' AS kind, id, number, supplier_invoice_no AS reference, base_gross AS amount, posted_at AS at
          FROM supplier_invoices WHERE supplier_id = ${supplierId} AND status = 'posted'
        UNION ALL
        SELECT payment_date::text, 'payment', id, number, reference, -amount, created_at
          FROM supplier_payments WHERE supplier_id = ${supplierId}
        ORDER BY 1, 7, 4`,
  );
  let balance = 0;
  return entries.map((e) => {
    balance += Number(e.amount);
    return { date: e.date, kind: e.kind, id: e.id, number: e.number, reference: e.reference, amount: Number(e.amount), balance };
  });
}
