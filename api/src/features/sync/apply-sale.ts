import { newId, type SaleV1 } from '@shopbook/shared';
import { eq } from 'drizzle-orm';
import { saleLines, salePayments, sales, shifts, warehouses } from '../../db/schema/index.ts';
import { DomainError } from '../../http/errors.ts';
import { ACCOUNTS } from '../finance/chart.ts';
import { postJournalEntry } from '../finance/post-entry.ts';
import type { ApplyContext } from './ingest.ts';
import { takeOutStock } from './stock-out.ts';
import { byAccount, TENDER_ACCOUNT } from './tenders.ts';
import { verifySaleTotals } from './verify-totals.ts';

/**
 * Records a till sale: the document, its stock moves (cost of goods fixed now at the
 * moving average) and one balanced journal entry. Stock may go negative and a closed
 * shift is accepted: the customer has paid, so the sale stands and is flagged instead.
 */
export async function applySale(ctx: ApplyContext, sale: SaleV1): Promise<string | null> {
  const { db, device } = ctx;
  if (sale.storeId !== device.storeId) throw new DomainError('unprocessable', 'the sale names another store than this till’s');
  const [wh] = await db.select({ storeId: warehouses.storeId }).from(warehouses).where(eq(warehouses.id, sale.warehouseId));
  if (!wh || wh.storeId !== device.storeId) throw new DomainError('unprocessable', 'the sale’s warehouse is not one of this store’s');
  verifySaleTotals(sale);

  const flags: string[] = [];
  if (sale.shiftId) {
    const [shift] = await db.select({ closedAt: shifts.closedAt }).from(shifts).where(eq(shifts.id, sale.shiftId));
    if (shift?.closedAt) flags.push('closed_shift');
  }
  const { costs, negative } = await takeOutStock(
    db,
    sale.warehouseId,
    sale.lines.map((l) => ({ productId: l.productId, batchId: l.batchId, qty: l.qty })),
    { moveType: 'sale', docType: 'sale', docId: sale.saleId, userId: sale.cashierId, occurredAt: ctx.occurredAt },
  );
  const cost = costs.reduce((s, c) => s + c, 0);
  if (negative) flags.push('negative_stock');

  await db.insert(sales).values({
    id: sale.saleId, eventId: ctx.eventId, receiptNo: sale.receiptNo, storeId: sale.storeId, warehouseId: sale.warehouseId, deviceId: device.id,
    cashierId: sale.cashierId, shiftId: sale.shiftId, customerId: sale.customerId, occurredAt: ctx.occurredAt, recordedAt: ctx.now,
    net: sale.totals.net, tax: sale.totals.tax, gross: sale.totals.gross, discount: sale.totals.discount, change: sale.change, cost,
    approvedBy: sale.approvedBy, flag: flags.join(',') || null,
  });
  await db.insert(saleLines).values(
    sale.lines.map((l, i) => ({
      id: l.lineId, saleId: sale.saleId, lineNo: i + 1, productId: l.productId, qty: l.qty, unitPrice: l.unitPrice, listPrice: l.listPrice,
      overrideReason: l.overrideReason, discount: l.discount, taxRateBp: l.taxRateBp, net: l.net, tax: l.tax, gross: l.gross, cost: costs[i] ?? 0,
    })),
  );
  await db.insert(salePayments).values(
    sale.payments.map((p) => ({ id: newId(), saleId: sale.saleId, kind: 'sale' as const, tender: p.tender, amount: p.amount, tendered: p.tendered, reference: p.reference })),
  );

  const debits = byAccount(sale.payments.map((p) => ({ account: TENDER_ACCOUNT[p.tender], amount: p.amount })));
  const lines = [...debits].map(([accountCode, amount]) => ({ accountCode, debit: amount, credit: 0 }));
  if (sale.totals.net) lines.push({ accountCode: ACCOUNTS.revenue.code, debit: 0, credit: sale.totals.net });
  if (sale.totals.tax) lines.push({ accountCode: ACCOUNTS.taxPayable.code, debit: 0, credit: sale.totals.tax });
  if (cost > 0) {
    lines.push({ accountCode: ACCOUNTS.costOfGoodsSold.code, debit: cost, credit: 0 });
    lines.push({ accountCode: ACCOUNTS.inventory.code, debit: 0, credit: cost });
  } else if (cost < 0) {
    // Only possible with negative-valued stock; the entry still mirrors the ledger exactly.
    lines.push({ accountCode: ACCOUNTS.inventory.code, debit: -cost, credit: 0 });
    lines.push({ accountCode: ACCOUNTS.costOfGoodsSold.code, debit: 0, credit: -cost });
  }
  if (lines.length >= 2) {
    await postJournalEntry(db, {
      date: ctx.occurredAt.toISOString().slice(0, 10), sourceType: 'sale', sourceId: sale.saleId, memo: sale.receiptNo, userId: sale.cashierId,
      postedAt: ctx.now, lines,
    });
  }
  return flags.join(',') || null;
}
