import {
  formatQuantity, formatUnitCost4, lineShare, newId, parseQuantity, unitCost4FromTotal,
  type CustomerInvoice, type creditNoteInputSchema, type SessionUser,
} from '@shopbook/shared';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import { customerInvoiceLines, customerInvoices, customers, salesOrderLines, salesOrders, stores } from '../../db/schema/index.ts';
import { DomainError } from '../../http/errors.ts';
import { recordAudit } from '../audit/record.ts';
import { ACCOUNTS } from '../finance/chart.ts';
import { postJournalEntry } from '../finance/post-entry.ts';
import { postMoves } from '../inventory/post-moves.ts';
import { nextNumber } from '../inventory/numbering.ts';
import { touchCustomers } from '../customers/touch.ts';
import { creditedQty, getInvoice, openOf } from './invoices.queries.ts';

type CreditInput = z.output<typeof creditNoteInputSchema>;

/**
 * A credit note (红字发票) for goods the customer sent back or was overcharged for: each
 * line's share of the invoice line, Dr revenue and output tax, Cr receivables; it first
 * settles what is open on the invoice, the rest is the customer's credit. Goods taken
 * back go into the order's warehouse at the cost they left with: Dr inventory, Cr cost
 * of goods sold. Till sales are corrected by the till's return, not here.
 */
export async function creditInvoice(db: DbOrTx, invoiceId: string, input: CreditInput, user: SessionUser, now: Date): Promise<CustomerInvoice> {
  const [invoice] = await db.select().from(customerInvoices).where(eq(customerInvoices.id, invoiceId)).for('update');
  if (!invoice || invoice.kind !== 'invoice') throw new DomainError('not_found', `no customer invoice ${invoiceId}`, 'id');
  if (invoice.source !== 'shipments') throw new DomainError('unprocessable', "a till sale is corrected by a return at the till", 'id');
  const lines = await db.select().from(customerInvoiceLines).where(eq(customerInvoiceLines.invoiceId, invoiceId)).orderBy(asc(customerInvoiceLines.lineNo));
  const credited = await creditedQty(db, lines.map((l) => l.id));
  const orderLines = await db
    .select({ l: salesOrderLines, warehouseId: salesOrders.warehouseId })
    .from(salesOrderLines)
    .innerJoin(salesOrders, eq(salesOrders.id, salesOrderLines.orderId))
    .where(inArray(salesOrderLines.id, lines.map((l) => l.sourceLineId)));
  const picked = input.lines.map((g, i) => {
    const line = lines.find((l) => l.id === g.invoiceLineId);
    if (!line) throw new DomainError('unprocessable', 'no such line on this invoice', `lines.${i}.invoiceLineId`);
    const done = credited.get(line.id) ?? 0;
    const qty = parseQuantity(g.qty);
    const left = parseQuantity(line.qty) - done;
    if (qty > left) throw new DomainError('unprocessable', `only ${formatQuantity(left)} of this line is left to credit`, `lines.${i}.qty`);
    const net = lineShare(line.net, done, qty, parseQuantity(line.qty));
    const tax = lineShare(line.tax, done, qty, parseQuantity(line.qty));
    return { line, qty: g.qty, net, tax, gross: net + tax, back: g.returnToStock, order: orderLines.find((o) => o.l.id === line.sourceLineId)! };
  });
  const totals = { net: picked.reduce((s, p) => s + p.net, 0), tax: picked.reduce((s, p) => s + p.tax, 0), gross: picked.reduce((s, p) => s + p.gross, 0) };
  const id = newId();
  const [store] = await db.select({ code: stores.code }).from(stores).where(eq(stores.id, invoice.storeId));
  const number = await nextNumber(db, `CN-${store!.code}`, Number(input.creditDate.slice(0, 4)));
  const applied = Math.min(openOf(invoice), totals.gross);

  // Goods back into stock at the cost they left with.
  // Each move carries its credit line's index, so the line finds its own cost back.
  const moves = picked.flatMap((p, i) => {
    if (!p.back) return [];
    const unitCost = formatUnitCost4(unitCost4FromTotal(p.order.l.cost, parseQuantity(p.order.l.qtyShipped)));
    return [{
      productId: p.line.productId, warehouseId: p.order.warehouseId, qty: p.qty, unitCost, moveType: 'return', docType: 'credit_note', docId: id,
      userId: user.id, occurredAt: now, ref: i,
    }];
  });
  const posted = moves.length ? await postMoves(db, moves) : [];
  const costBack = posted.reduce((s, m) => s + m.value, 0);

  await db.insert(customerInvoices).values({
    id, number, kind: 'credit_note', source: 'shipments', customerId: invoice.customerId, storeId: invoice.storeId, creditOf: invoice.id,
    invoiceDate: input.creditDate, dueDate: input.creditDate, buyerTitle: invoice.buyerTitle, buyerTaxNumber: invoice.buyerTaxNumber, ...totals,
    settled: applied, note: input.reason, createdBy: user.id, createdAt: now,
  });
  await db.insert(customerInvoiceLines).values(
    picked.map((p, i) => {
      const move = posted.find((m) => m.ref === i);
      return {
        id: newId(), invoiceId: id, lineNo: i + 1, productId: p.line.productId, sourceLineId: p.line.id, qty: p.qty, price: p.line.price, taxRateBp: p.line.taxRateBp,
        net: p.net, tax: p.tax, gross: p.gross, qtyReturned: p.back ? p.qty : '0', costReturned: move?.value ?? 0,
      };
    }),
  );
  if (applied) await db.update(customerInvoices).set({ settled: sql`${customerInvoices.settled} + ${applied}` }).where(eq(customerInvoices.id, invoice.id));
  const [customer] = await db.select({ code: customers.code }).from(customers).where(eq(customers.id, invoice.customerId));
  await postJournalEntry(db, {
    date: input.creditDate, dateField: 'creditDate', sourceType: 'credit_note', sourceId: id, memo: `${number} ${invoice.number} ${customer?.code ?? ''}`, userId: user.id, postedAt: now,
    lines: [
      ...(totals.net ? [{ accountCode: ACCOUNTS.revenue.code, debit: totals.net, credit: 0 }] : []),
      ...(totals.tax ? [{ accountCode: ACCOUNTS.taxPayable.code, debit: totals.tax, credit: 0 }] : []),
      { accountCode: ACCOUNTS.receivables.code, debit: 0, credit: totals.gross },
      ...(costBack ? [{ accountCode: ACCOUNTS.inventory.code, debit: costBack, credit: 0 }, { accountCode: ACCOUNTS.costOfGoodsSold.code, debit: 0, credit: costBack }] : []),
    ],
  });
  await touchCustomers(db, [invoice.customerId]);
  await recordAudit(db, { user, action: 'credit', entity: 'customer_invoice', entityId: invoice.id, after: { creditNote: number, ...input, costBack }, at: now });
  return getInvoice(db, id);
}
