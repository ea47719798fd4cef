import {
  dueDate, formatQuantity, lineShare, newId, parseQuantity,
  type CustomerInvoice, type customerInvoiceInputSchema, type customerInvoiceQuerySchema, type CustomerInvoiceSummary, type saleInvoiceInputSchema, type SessionUser,
} from '@shopbook/shared';
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import { rows } from '../../db/rows.ts';
import {
  customerInvoiceLines, customerInvoices, customers, products, saleLines, salePayments, sales, salesOrderLines, salesOrders, stores,
} from '../../db/schema/index.ts';
import { DomainError } from '../../http/errors.ts';
import { recordAudit } from '../audit/record.ts';
import { ACCOUNTS } from '../finance/chart.ts';
import { postJournalEntry } from '../finance/post-entry.ts';
import { nextNumber } from '../inventory/numbering.ts';
import { touchCustomers } from '../customers/touch.ts';

type InvoiceInput = z.output<typeof customerInvoiceInputSchema>;
type SaleInvoiceInput = z.output<typeof saleInvoiceInputSchema>;
type InvoiceQuery = z.output<typeof customerInvoiceQuerySchema>;
type Row = typeof customerInvoices.$inferSelect;

export const openOf = (d: Pick<Row, 'gross' | 'settled'>) => d.gross - d.settled;

function summaryOf(d: Row, customerName: string): CustomerInvoiceSummary {
  return {
    id: d.id, number: d.number, kind: d.kind, source: d.source, customerId: d.customerId, customerName, storeId: d.storeId, creditOf: d.creditOf,
    invoiceDate: d.invoiceDate, dueDate: d.dueDate, buyerTitle: d.buyerTitle, buyerTaxNumber: d.buyerTaxNumber, net: d.net, tax: d.tax, gross: d.gross,
    settled: d.settled, open: openOf(d), note: d.note, createdAt: d.createdAt.toISOString(),
  };
}

export async function listInvoices(db: DbOrTx, q: InvoiceQuery): Promise<CustomerInvoiceSummary[]> {
  const where: SQL[] = [];
  if (q.customerId) where.push(eq(customerInvoices.customerId, q.customerId));
  if (q.open === 'true') where.push(sql`${customerInvoices.settled} < ${customerInvoices.gross}`);
  const list = await db
    .select({ d: customerInvoices, name: customers.name })
    .from(customerInvoices)
    .innerJoin(customers, eq(customers.id, customerInvoices.customerId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(customerInvoices.createdAt))
    .limit(500);
  return list.map((r) => summaryOf(r.d, r.name));
}

export async function getInvoice(db: DbOrTx, id: string): Promise<CustomerInvoice> {
  const [head] = await db
    .select({ d: customerInvoices, name: customers.name })
    .from(customerInvoices)
    .innerJoin(customers, eq(customers.id, customerInvoices.customerId))
    .where(eq(customerInvoices.id, id));
  if (!head) throw new DomainError('not_found', `no customer invoice ${id}`, 'id');
  const lines = await db
    .select({ l: customerInvoiceLines, sku: products.sku, name: products.name })
    .from(customerInvoiceLines)
    .innerJoin(products, eq(products.id, customerInvoiceLines.productId))
    .where(eq(customerInvoiceLines.invoiceId, id))
    .orderBy(asc(customerInvoiceLines.lineNo));
  const credited = await creditedQty(db, lines.map(({ l }) => l.id));
  const byRate = new Map<number, { net: number; tax: number }>();
  for (const { l } of lines) {
    const r = byRate.get(l.taxRateBp) ?? { net: 0, tax: 0 };
    byRate.set(l.taxRateBp, { net: r.net + l.net, tax: r.tax + l.tax });
  }
  return {
    ...summaryOf(head.d, head.name),
    lines: lines.map(({ l, sku, name }) => ({
      id: l.id, lineNo: l.lineNo, productId: l.productId, sku, name, sourceLineId: l.sourceLineId, qty: formatQuantity(parseQuantity(l.qty)), price: l.price,
      taxRateBp: l.taxRateBp, net: l.net, tax: l.tax, gross: l.gross, qtyCredited: formatQuantity(credited.get(l.id) ?? 0),
    })),
    byRate: [...byRate].sort((a, b) => a[0] - b[0]).map(([taxRateBp, r]) => ({ taxRateBp, ...r })),
  };
}

/** Per invoice line, what credit notes have credited of it (thousandths). */
export async function creditedQty(db: DbOrTx, lineIds: string[]): Promise<Map<string, number>> {
  if (lineIds.length === 0) return new Map();
  const found = await rows<{ source_line_id: string; qty: string }>(
    db,
    sql`SELECT l.source_line_id, sum(l.qty)::text AS qty FROM customer_invoice_lines l JOIN customer_invoices i ON i.id = l.invoice_id
         WHERE i.kind = 'credit_note' AND l.source_line_id IN (${sql.join(lineIds.map((x) => sql`${x}::uuid`), sql`, `)}) GROUP BY 1`,
  );
  return new Map(found.map((f) => [f.source_line_id, parseQuantity(f.qty)]));
}

/** A customer's shipped sales-order lines not yet invoiced. */
export async function invoiceableLines(db: DbOrTx, customerId: string) {
  const found = await rows<Record<string, string | number>>(
    db,
    sql`SELECT l.id, o.number, p.sku, p.name, (l.qty_shipped - l.qty_invoiced)::text AS open, l.price, l.tax_rate_bp
          FROM sales_order_lines l JOIN sales_orders o ON o.id = l.order_id JOIN products p ON p.id = l.product_id
         WHERE o.customer_id = ${customerId} AND l.qty_shipped > l.qty_invoiced
         ORDER BY o.number, l.line_no`,
  );
  return found.map((r) => ({
    orderLineId: String(r.id), orderNumber: String(r.number), sku: String(r.sku), name: String(r.name), qtyOpen: formatQuantity(parseQuantity(String(r.open))),
    price: Number(r.price), taxRateBp: Number(r.tax_rate_bp),
  }));
}

/** Numbered when issued, without gaps: the store's series counter moves in the same transaction. */
async function issueNumber(db: DbOrTx, storeId: string, kind: 'invoice' | 'credit_note', date: string): Promise<string> {
  const [store] = await db.select({ code: stores.code }).from(stores).where(eq(stores.id, storeId));
  if (!store) throw new DomainError('unprocessable', 'no such store', 'storeId');
  return nextNumber(db, `${kind === 'invoice' ? 'INV' : 'CN'}-${store.code}`, Number(date.slice(0, 4)));
}

async function customerOf(db: DbOrTx, id: string) {
  const [c] = await db.select().from(customers).where(eq(customers.id, id));
  if (!c) throw new DomainError('unprocessable', 'no such customer', 'customerId');
  return c;
}

/**
 * Invoices shipped lines of a customer's sales orders: each line's share of its order
 * line's amounts (cumulative rounding over partial invoices), Dr receivables, Cr revenue
 * and output tax. Billing more than was shipped and not yet billed is refused.
 */
export async function invoiceShipments(db: DbOrTx, input: InvoiceInput, user: SessionUser, now: Date): Promise<CustomerInvoice> {
  const customer = await customerOf(db, input.customerId);
  const ids = input.lines.map((l) => l.orderLineId);
  const found = await db
    .select({ l: salesOrderLines, customerId: salesOrders.customerId })
    .from(salesOrderLines)
    .innerJoin(salesOrders, eq(salesOrders.id, salesOrderLines.orderId))
    .where(inArray(salesOrderLines.id, ids))
    .orderBy(asc(salesOrderLines.id))
    .for('update', { of: salesOrderLines });
  const lines = input.lines.map((g, i) => {
    const hit = found.find((f) => f.l.id === g.orderLineId && f.customerId === customer.id);
    if (!hit) throw new DomainError('unprocessable', "no line of this customer's orders", `lines.${i}.orderLineId`);
    const l = hit.l;
    const qty = parseQuantity(g.qty);
    const done = parseQuantity(l.qtyInvoiced);
    const open = parseQuantity(l.qtyShipped) - done;
    if (qty > open) throw new DomainError('unprocessable', `only ${formatQuantity(open)} shipped of this line is left to invoice`, `lines.${i}.qty`);
    const total = parseQuantity(l.qty);
    const net = lineShare(l.net, done, qty, total);
    const tax = lineShare(l.tax, done, qty, total);
    return { line: l, qty: g.qty, net, tax, gross: net + tax };
  });
  const id = newId();
  const number = await issueNumber(db, input.storeId, 'invoice', input.invoiceDate);
  const totals = { net: lines.reduce((s, l) => s + l.net, 0), tax: lines.reduce((s, l) => s + l.tax, 0), gross: lines.reduce((s, l) => s + l.gross, 0) };
  await db.insert(customerInvoices).values({
    id, number, kind: 'invoice', source: 'shipments', customerId: customer.id, storeId: input.storeId, invoiceDate: input.invoiceDate,
    dueDate: dueDate(input.invoiceDate, customer.paymentTermsDays), buyerTitle: customer.invoiceTitle || customer.name, buyerTaxNumber: customer.taxNumber,
    ...totals, note: input.note, createdBy: user.id, createdAt: now,
  });
  await db.insert(customerInvoiceLines).values(
    lines.map((l, i) => ({
      id: newId(), invoiceId: id, lineNo: i + 1, productId: l.line.productId, sourceLineId: l.line.id, qty: l.qty, price: l.line.price, taxRateBp: l.line.taxRateBp,
      net: l.net, tax: l.tax, gross: l.gross,
    })),
  );
  for (const l of lines) {
    await db.update(salesOrderLines).set({ qtyInvoiced: sql`${salesOrderLines.qtyInvoiced} + ${l.qty}::numeric` }).where(eq(salesOrderLines.id, l.line.id));
  }
  await postJournalEntry(db, {
    date: input.invoiceDate, dateField: 'invoiceDate', sourceType: 'customer_invoice', sourceId: id, memo: `${number} ${customer.code}`, userId: user.id, postedAt: now,
    lines: [
      { accountCode: ACCOUNTS.receivables.code, debit: totals.gross, credit: 0 },
      ...(totals.net ? [{ accountCode: ACCOUNTS.revenue.code, debit: 0, credit: totals.net }] : []),
      ...(totals.tax ? [{ accountCode: ACCOUNTS.taxPayable.code, debit: 0, credit: totals.tax }] : []),
    ],
  });
  await touchCustomers(db, [customer.id]);
  await recordAudit(db, { user, action: 'issue', entity: 'customer_invoice', entityId: id, after: { number, ...input }, at: now });
  return getInvoice(db, id);
}

/**
 * An invoice for a till sale, asked for later (开票): the tax document of a sale already
 * in the books, so no journal entry; what was paid at the till is settled, what went on
 * account stays open on it. A sale is invoiced once.
 */
export async function invoiceSale(db: DbOrTx, input: SaleInvoiceInput, user: SessionUser, now: Date): Promise<CustomerInvoice> {
  const [sale] = await db.select().from(sales).where(eq(sales.id, input.saleId)).for('update');
  if (!sale) throw new DomainError('unprocessable', 'no such sale', 'saleId');
  const [already] = await db.select({ number: customerInvoices.number }).from(customerInvoices).where(and(eq(customerInvoices.saleId, sale.id), eq(customerInvoices.kind, 'invoice')));
  if (already) throw new DomainError('conflict', `this sale is already invoiced: ${already.number}`, 'saleId');
  const customerId = input.customerId ?? sale.customerId;
  if (!customerId) throw new DomainError('validation_failed', 'the sale has no customer: name one', 'customerId');
  const customer = await customerOf(db, customerId);
  const lines = await db.select().from(saleLines).where(eq(saleLines.saleId, sale.id)).orderBy(asc(saleLines.lineNo));
  const onAccount = (await db.select().from(salePayments).where(and(eq(salePayments.saleId, sale.id), eq(salePayments.tender, 'account')))).reduce((s, p) => s + p.amount, 0);
  const id = newId();
  const number = await issueNumber(db, sale.storeId, 'invoice', input.invoiceDate);
  await db.insert(customerInvoices).values({
    id, number, kind: 'invoice', source: 'till_sale', customerId: customer.id, storeId: sale.storeId, saleId: sale.id, invoiceDate: input.invoiceDate,
    dueDate: dueDate(input.invoiceDate, customer.paymentTermsDays), buyerTitle: customer.invoiceTitle || customer.name, buyerTaxNumber: customer.taxNumber,
    net: sale.net, tax: sale.tax, gross: sale.gross, settled: sale.gross - onAccount, note: sale.receiptNo, createdBy: user.id, createdAt: now,
  });
  await db.insert(customerInvoiceLines).values(
    lines.map((l, i) => ({
      id: newId(), invoiceId: id, lineNo: i + 1, productId: l.productId, sourceLineId: l.id, qty: l.qty, price: l.unitPrice, taxRateBp: l.taxRateBp,
      net: l.net, tax: l.tax, gross: l.gross,
    })),
  );
  await recordAudit(db, { user, action: 'issue', entity: 'customer_invoice', entityId: id, after: { number, saleId: sale.id, receiptNo: sale.receiptNo }, at: now });
  return getInvoice(db, id);
}
