import {
  dueDate, formatExchangeRate, formatQuantity, grniCleared, invoiceLineAmounts, invoiceTotals, newId, parseExchangeRate, parseQuantity, parseUnitCost4,
  type InvoiceableLine, type SessionUser, type SupplierInvoice, type SupplierInvoiceSummary, type supplierInvoiceInputSchema, type supplierInvoiceQuerySchema,
} from '@shopbook/shared';
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import { rows } from '../../db/rows.ts';
import {
  products, purchaseOrderLines, purchaseOrders, purchaseReceiptLines, purchaseReceipts, supplierInvoiceLines, supplierInvoices, suppliers,
} from '../../db/schema/index.ts';
import { DomainError } from '../../http/errors.ts';
import { recordAudit } from '../audit/record.ts';
import { ACCOUNTS } from '../finance/chart.ts';
import { postJournalEntry } from '../finance/post-entry.ts';
import { nextNumber } from '../inventory/numbering.ts';
import { baseCurrency, fxOf } from '../purchasing/orders.queries.ts';

type InvoiceInput = z.output<typeof supplierInvoiceInputSchema>;
type InvoiceQuery = z.output<typeof supplierInvoiceQuerySchema>;
const qtyText = (q: string) => formatQuantity(parseQuantity(q));

function summaryOf(d: typeof supplierInvoices.$inferSelect, supplierName: string): SupplierInvoiceSummary {
  return {
    id: d.id, number: d.number, supplierId: d.supplierId, supplierName, supplierInvoiceNo: d.supplierInvoiceNo, invoiceDate: d.invoiceDate,
    dueDate: d.dueDate, currency: d.currency, exchangeRate: formatExchangeRate(parseExchangeRate(String(Number(d.exchangeRate)))), status: d.status,
    net: d.net, tax: d.tax, gross: d.gross, baseNet: d.baseNet, baseTax: d.baseTax, baseGross: d.baseGross, paid: d.paid,
    open: d.status === 'posted' ? d.baseGross - d.paid : 0, needsApproval: d.needsApproval, approvedBy: d.approvedBy, note: d.note,
    createdAt: d.createdAt.toISOString(), postedAt: d.postedAt?.toISOString() ?? null,
  };
}

export async function listInvoices(db: DbOrTx, q: InvoiceQuery): Promise<SupplierInvoiceSummary[]> {
  const where: SQL[] = [];
  if (q.supplierId) where.push(eq(supplierInvoices.supplierId, q.supplierId));
  if (q.status) where.push(eq(supplierInvoices.status, q.status));
  if (q.open === 'true') where.push(sql`${supplierInvoices.status} = 'posted' AND ${supplierInvoices.paid} < ${supplierInvoices.baseGross}`);
  const list = await db
    .select({ d: supplierInvoices, supplierName: suppliers.name })
    .from(supplierInvoices)
    .innerJoin(suppliers, eq(suppliers.id, supplierInvoices.supplierId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(q.open === 'true' ? asc(supplierInvoices.dueDate) : desc(supplierInvoices.createdAt))
    .limit(500);
  return list.map((r) => summaryOf(r.d, r.supplierName));
}

export async function getInvoice(db: DbOrTx, id: string): Promise<SupplierInvoice> {
  const [head] = await db
    .select({ d: supplierInvoices, supplierName: suppliers.name })
    .from(supplierInvoices)
    .innerJoin(suppliers, eq(suppliers.id, supplierInvoices.supplierId))
    .where(eq(supplierInvoices.id, id));
  if (!head) throw new DomainError('not_found', `no supplier invoice ${id}`, 'id');
  const lines = await db
    .select({ l: supplierInvoiceLines, sku: products.sku, name: products.name, receiptNumber: purchaseReceipts.number, orderNumber: purchaseOrders.number, ol: purchaseOrderLines })
    .from(supplierInvoiceLines)
    .innerJoin(products, eq(products.id, supplierInvoiceLines.productId))
    .innerJoin(purchaseReceiptLines, eq(purchaseReceiptLines.id, supplierInvoiceLines.receiptLineId))
    .innerJoin(purchaseReceipts, eq(purchaseReceipts.id, purchaseReceiptLines.receiptId))
    .innerJoin(purchaseOrderLines, eq(purchaseOrderLines.id, supplierInvoiceLines.orderLineId))
    .innerJoin(purchaseOrders, eq(purchaseOrders.id, purchaseOrderLines.orderId))
    .where(eq(supplierInvoiceLines.invoiceId, id))
    .orderBy(asc(supplierInvoiceLines.lineNo));
  return {
    ...summaryOf(head.d, head.supplierName),
    lines: lines.map(({ l, sku, name, receiptNumber, orderNumber, ol }) => ({
      id: l.id, lineNo: l.lineNo, receiptLineId: l.receiptLineId, receiptNumber, orderNumber, productId: l.productId, sku, name, qty: qtyText(l.qty),
      price: l.price, orderPrice: ol.price, taxRateBp: l.taxRateBp, orderTaxRateBp: ol.taxRateBp, net: l.net, tax: l.tax, gross: l.gross,
      baseNet: l.baseNet, expectedBaseNet: l.expectedBaseNet,
      differences: l.differences ? (l.differences.split(',') as ('price' | 'tax_rate')[]) : [],
      grniCleared: l.grniCleared, variance: l.variance,
    })),
  };
}

/** What of a supplier's posted receipts is still to be billed, oldest first. */
export async function invoiceableLines(db: DbOrTx, supplierId: string): Promise<InvoiceableLine[]> {
  const found = await rows<Record<string, string | number | Date | null>>(
    db,
    sql`SELECT rl.id, r.number AS receipt_number, r.posted_at, o.number AS order_number, rl.product_id, p.sku, p.name, ol.pack_size::text AS pack_size,
               (rl.qty_accepted - rl.qty_returned - rl.qty_invoiced)::text AS qty_open, ol.price, ol.tax_rate_bp, o.currency
          FROM purchase_receipt_lines rl
          JOIN purchase_receipts r ON r.id = rl.receipt_id
          JOIN purchase_order_lines ol ON ol.id = rl.order_line_id
          JOIN purchase_orders o ON o.id = r.order_id
          JOIN products p ON p.id = rl.product_id
         WHERE o.supplier_id = ${supplierId} AND r.status = 'posted' AND rl.qty_accepted - rl.qty_returned - rl.qty_invoiced > 0
         ORDER BY r.posted_at, r.number, rl.line_no`,
  );
  return found.map((r) => ({
    receiptLineId: String(r.id), receiptNumber: String(r.receipt_number), receivedAt: r.posted_at ? new Date(r.posted_at as string).toISOString() : null,
    orderNumber: String(r.order_number), productId: String(r.product_id), sku: String(r.sku), name: String(r.name), packSize: qtyText(String(r.pack_size)),
    qtyOpen: qtyText(String(r.qty_open)), orderPrice: Number(r.price), taxRateBp: Number(r.tax_rate_bp), currency: String(r.currency),
  }));
}

interface MatchedLine {
  receipt: typeof purchaseReceiptLines.$inferSelect;
  order: typeof purchaseOrderLines.$inferSelect;
  orderHead: typeof purchaseOrders.$inferSelect;
}

/** The receipt lines an invoice bills, checked to be posted deliveries of this supplier in one currency. */
async function matchLines(db: DbOrTx, supplierId: string, receiptLineIds: string[], lock: boolean): Promise<Map<string, MatchedLine>> {
  const query = db
    .select({ receipt: purchaseReceiptLines, order: purchaseOrderLines, orderHead: purchaseOrders, status: purchaseReceipts.status })
    .from(purchaseReceiptLines)
    .innerJoin(purchaseReceipts, eq(purchaseReceipts.id, purchaseReceiptLines.receiptId))
    .innerJoin(purchaseOrderLines, eq(purchaseOrderLines.id, purchaseReceiptLines.orderLineId))
    .innerJoin(purchaseOrders, eq(purchaseOrders.id, purchaseReceipts.orderId))
    .where(inArray(purchaseReceiptLines.id, receiptLineIds))
    .orderBy(asc(purchaseReceiptLines.id));
  // Posting locks the lines it bills (in id order), so two invoices of one delivery are counted one after the other.
  const found = lock ? await query.for('update', { of: purchaseReceiptLines }) : await query;
  const byId = new Map(found.filter((f) => f.status === 'posted' && f.orderHead.supplierId === supplierId).map((f) => [f.receipt.id, f]));
  receiptLineIds.forEach((id, i) => {
    if (!byId.has(id)) throw new DomainError('unprocessable', 'no posted receipt line of this supplier', `lines.${i}.receiptLineId`);
  });
  const currencies = new Set([...byId.values()].map((f) => f.orderHead.currency));
  if (currencies.size > 1) throw new DomainError('unprocessable', 'an invoice bills goods ordered in one currency', 'lines');
  return byId;
}

/** What is still open to bill of a receipt line. */
const openQty = (r: typeof purchaseReceiptLines.$inferSelect) => parseQuantity(r.qtyAccepted) - parseQuantity(r.qtyReturned) - parseQuantity(r.qtyInvoiced);

/**
 * A draft invoice: each line bills stock units of a receipt line at a price per purchase
 * unit (the order's, unless the invoice says otherwise). The match is computed now and
 * again at posting; more than is open to bill is refused, naming the line.
 */
export async function createInvoice(db: DbOrTx, input: InvoiceInput, user: SessionUser, now: Date): Promise<SupplierInvoice> {
  const [supplier] = await db.select().from(suppliers).where(eq(suppliers.id, input.supplierId));
  if (!supplier) throw new DomainError('unprocessable', 'no such supplier', 'supplierId');
  const matched = await matchLines(db, supplier.id, input.lines.map((l) => l.receiptLineId), false);
  const first = matched.values().next().value!;
  const fx = fxOf(first.orderHead.currency, await baseCurrency(db), parseExchangeRate(String(Number(first.orderHead.exchangeRate))));
  const lines = input.lines.map((l, i) => {
    const m = matched.get(l.receiptLineId)!;
    const qtyMilli = parseQuantity(l.qty);
    const open = openQty(m.receipt);
    if (qtyMilli > open) {
      throw new DomainError('unprocessable', `only ${formatQuantity(open)} of this receipt line is left to bill`, `lines.${i}.qty`);
    }
    const price = l.price ?? m.order.price;
    const taxRateBp = l.taxRateBp ?? m.order.taxRateBp;
    const a = invoiceLineAmounts({ qtyMilli, packSizeMilli: parseQuantity(m.order.packSize), priceMinor: price, taxRateBp }, { priceMinor: m.order.price, taxRateBp: m.order.taxRateBp }, fx);
    return {
      row: {
        id: newId(), lineNo: i + 1, receiptLineId: m.receipt.id, orderLineId: m.order.id, productId: m.receipt.productId, qty: formatQuantity(qtyMilli),
        price, taxRateBp, net: a.net, tax: a.tax, gross: a.gross, baseNet: a.baseNet, baseTax: a.baseTax, expectedBaseNet: a.expectedBaseNet,
        differences: a.differences.join(','),
      },
      needsApproval: a.needsApproval,
    };
  });
  const totals = invoiceTotals(lines.map((l) => l.row));
  const id = newId();
  const number = await nextNumber(db, 'SI', now.getUTCFullYear());
  await db.insert(supplierInvoices).values({
    id, number, supplierId: supplier.id, supplierInvoiceNo: input.supplierInvoiceNo, invoiceDate: input.invoiceDate,
    dueDate: dueDate(input.invoiceDate, supplier.paymentTermsDays), currency: first.orderHead.currency, exchangeRate: first.orderHead.exchangeRate,
    ...totals, needsApproval: lines.some((l) => l.needsApproval), note: input.note, createdBy: user.id, createdAt: now,
  });
  await db.insert(supplierInvoiceLines).values(lines.map((l) => ({ ...l.row, invoiceId: id })));
  await recordAudit(db, { user, action: 'create', entity: 'supplier_invoice', entityId: id, after: { number, ...input }, at: now });
  return getInvoice(db, id);
}

async function lockDraft(db: DbOrTx, id: string, verb: string) {
  const [doc] = await db.select().from(supplierInvoices).where(eq(supplierInvoices.id, id)).for('update');
  if (!doc) throw new DomainError('not_found', `no supplier invoice ${id}`, 'id');
  if (doc.status !== 'draft') throw new DomainError('conflict', `this invoice is ${doc.status}; only a draft can be ${verb}`, 'status');
  return doc;
}

/** A difference beyond the tolerance is approved by someone with purchasing.approve other than whoever entered the invoice. */
export async function approveInvoice(db: DbOrTx, id: string, user: SessionUser, now: Date): Promise<SupplierInvoice> {
  const doc = await lockDraft(db, id, 'approved');
  if (!doc.needsApproval) throw new DomainError('conflict', 'this invoice matches its order and needs no approval', 'status');
  if (doc.approvedBy) throw new DomainError('conflict', 'this invoice is already approved', 'status');
  if (doc.createdBy === user.id) throw new DomainError('forbidden', 'whoever entered an invoice cannot approve its differences', 'approvedBy');
  await db.update(supplierInvoices).set({ approvedBy: user.id, approvedAt: now }).where(eq(supplierInvoices.id, id));
  await recordAudit(db, { user, action: 'approve', entity: 'supplier_invoice', entityId: id, after: { approvedBy: user.username }, at: now });
  return getInvoice(db, id);
}

/**
 * Posting bills the receipt lines (refused if someone billed them meanwhile) and books
 * Dr goods received not invoiced (what the receipts booked for these units), Dr input
 * VAT, Cr payables; the difference between the invoice's net and the receipts' value is
 * a purchase price variance.
 */
export async function postInvoice(db: DbOrTx, id: string, user: SessionUser, now: Date): Promise<SupplierInvoice> {
  const doc = await lockDraft(db, id, 'posted');
  if (doc.needsApproval && !doc.approvedBy) {
    throw new DomainError('forbidden', 'this invoice differs from its order beyond the tolerance: an approver must approve it first', 'approvedBy');
  }
  const lines = await db.select().from(supplierInvoiceLines).where(eq(supplierInvoiceLines.invoiceId, id)).orderBy(asc(supplierInvoiceLines.lineNo));
  const matched = await matchLines(db, doc.supplierId, lines.map((l) => l.receiptLineId), true);
  let cleared = 0;
  for (const [i, l] of lines.entries()) {
    const m = matched.get(l.receiptLineId)!;
    const qtyMilli = parseQuantity(l.qty);
    if (qtyMilli > openQty(m.receipt)) {
      throw new DomainError('conflict', `only ${formatQuantity(openQty(m.receipt))} of this receipt line is left to bill`, `lines.${i}.qty`);
    }
    const grni = grniCleared(parseQuantity(m.receipt.qtyInvoiced), qtyMilli, parseUnitCost4(m.receipt.unitCost ?? '0'));
    cleared += grni;
    await db.update(supplierInvoiceLines).set({ grniCleared: grni, variance: l.baseNet - grni }).where(eq(supplierInvoiceLines.id, l.id));
    await db
      .update(purchaseReceiptLines)
      .set({ qtyInvoiced: sql`${purchaseReceiptLines.qtyInvoiced} + ${l.qty}::numeric` })
      .where(eq(purchaseReceiptLines.id, l.receiptLineId));
  }
  const variance = doc.baseNet - cleared;
  const entry = [
    ...(cleared ? [{ accountCode: ACCOUNTS.receivedNotInvoiced.code, debit: cleared, credit: 0 }] : []),
    ...(doc.baseTax ? [{ accountCode: ACCOUNTS.taxReceivable.code, debit: doc.baseTax, credit: 0 }] : []),
    ...(variance > 0 ? [{ accountCode: ACCOUNTS.priceVariance.code, debit: variance, credit: 0 }] : []),
    ...(variance < 0 ? [{ accountCode: ACCOUNTS.priceVariance.code, debit: 0, credit: -variance }] : []),
    { accountCode: ACCOUNTS.payables.code, debit: 0, credit: doc.baseGross },
  ];
  if (doc.baseGross > 0) {
    await postJournalEntry(db, {
      date: doc.invoiceDate, dateField: 'invoiceDate', sourceType: 'supplier_invoice', sourceId: id, memo: `${doc.number} ${doc.supplierInvoiceNo}`, userId: user.id, postedAt: now, lines: entry,
    });
  }
  await db.update(supplierInvoices).set({ status: 'posted', postedBy: user.id, postedAt: now }).where(eq(supplierInvoices.id, id));
  await recordAudit(db, { user, action: 'post', entity: 'supplier_invoice', entityId: id, before: { status: 'draft' }, after: { status: 'posted', cleared, variance }, at: now });
  return getInvoice(db, id);
}

export async function cancelInvoice(db: DbOrTx, id: string, user: SessionUser, now: Date): Promise<SupplierInvoice> {
  await lockDraft(db, id, 'cancelled');
  await db.update(supplierInvoices).set({ status: 'cancelled' }).where(eq(supplierInvoices.id, id));
  await recordAudit(db, { user, action: 'cancel', entity: 'supplier_invoice', entityId: id, before: { status: 'draft' }, after: { status: 'cancelled' }, at: now });
  return getInvoice(db, id);
}
