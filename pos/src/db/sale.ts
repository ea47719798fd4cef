import { returnV1, saleV1, type ReturnV1, type SaleV1 } from '@shopbook/shared';
import type { PosDb } from './PosDb.ts';
import { getMeta, setMeta } from './meta.ts';
import { addEventInTransaction, type OutboxRecord } from './outbox.ts';

/** What a receipt shows of a line that the wire format does not carry. */
export interface LineLabel {
  name: string;
  sku: string;
  unit: string;
  weighed: boolean;
}

/**
 * A completed sale as the till keeps it, for the receipt, returns and the Z report. `sale`
 * is exactly the payload that went into the outbox; the rest is for people.
 */
export interface SaleRecord {
  /** = sale.saleId */
  id: string;
  receiptNo: string;
  createdAt: string;
  shiftId: string | null;
  cashierId: string;
  cashierName: string;
  customerId: string | null;
  customerName: string | null;
  sale: SaleV1;
  labels: Record<string, LineLabel>;
  /** the outbox event that carries it to the server */
  eventId: string;
}

export interface ReturnRecord {
  /** = ret.returnId */
  id: string;
  receiptNo: string;
  originalSaleId: string | null;
  createdAt: string;
  shiftId: string | null;
  cashierId: string;
  cashierName: string;
  ret: ReturnV1;
  labels: Record<string, LineLabel>;
  eventId: string;
}

/**
 * A deep plain copy. Labels often come out of Vue state, and IndexedDB's structured clone
 * refuses reactive proxies (DataCloneError) — at the worst moment, with the customer paid.
 */
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export interface NumberedContext {
  /** the next receipt sequence number of this till, taken inside the commit's transaction */
  receiptSeq: number;
  now: Date;
}

export interface SaleDraft {
  sale: SaleV1;
  cashierName: string;
  customerName: string | null;
  labels: Record<string, LineLabel>;
}

/**
 * Completes a sale: ONE read-write transaction takes the receipt number, writes the sale
 * and its outbox event. Either both are saved or neither is: a sale on the till without
 * its event would never reach the server, and an event without its sale could not be
 * returned or reprinted. `build` runs inside the transaction with the receipt number, so
 * numbers are gap-free (a failed commit gives its number back with the rollback).
 * `build` must be synchronous: IndexedDB commits a transaction that waits on anything else.
 */
export async function commitSale(
  db: PosDb,
  build: (ctx: NumberedContext) => SaleDraft,
  now: Date = new Date(),
): Promise<{ record: SaleRecord; event: OutboxRecord<SaleV1> }> {
  return db.transaction('rw', db.sales, db.outbox, db.meta, async () => {
    const receiptSeq = ((await getMeta(db, 'receiptSeq')) ?? 0) + 1;
    await setMeta(db, 'receiptSeq', receiptSeq);
    const draft = build({ receiptSeq, now });
    // Validated against the wire schema here as well: a payload the server must refuse
    // aborts the transaction while the customer is still at the counter.
    const sale = saleV1.parse(draft.sale);
    const event = await addEventInTransaction(db, 'sale', sale, { now });
    const record: SaleRecord = {
      id: sale.saleId,
      receiptNo: sale.receiptNo,
      createdAt: now.toISOString(),
      shiftId: sale.shiftId,
      cashierId: sale.cashierId,
      cashierName: draft.cashierName,
      customerId: sale.customerId,
      customerName: draft.customerName,
      sale,
      labels: plain(draft.labels),
      eventId: event.id,
    };
    await db.sales.add(record);
    return { record, event };
  });
}

export interface ReturnDraft {
  ret: ReturnV1;
  cashierName: string;
  labels: Record<string, LineLabel>;
}

/** A return, atomically with its event (see commitSale). */
export async function commitReturn(
  db: PosDb,
  build: (ctx: NumberedContext) => ReturnDraft,
  now: Date = new Date(),
): Promise<{ record: ReturnRecord; event: OutboxRecord<ReturnV1> }> {
  return db.transaction('rw', db.returns, db.outbox, db.meta, async () => {
    const receiptSeq = ((await getMeta(db, 'receiptSeq')) ?? 0) + 1;
    await setMeta(db, 'receiptSeq', receiptSeq);
    const draft = build({ receiptSeq, now });
    const ret = returnV1.parse(draft.ret);
    const event = await addEventInTransaction(db, 'return', ret, { now });
    const record: ReturnRecord = {
      id: ret.returnId,
      receiptNo: ret.receiptNo,
      originalSaleId: ret.originalSaleId,
      createdAt: now.toISOString(),
      shiftId: ret.shiftId,
      cashierId: ret.cashierId,
      cashierName: draft.cashierName,
      ret,
      labels: plain(draft.labels),
      eventId: event.id,
    };
    await db.returns.add(record);
    return { record, event };
  });
}

export async function findSaleByReceipt(db: PosDb, receiptNo: string): Promise<SaleRecord | undefined> {
  return db.sales.where('receiptNo').equals(receiptNo.trim()).first();
}

export async function recentSales(db: PosDb, limit = 30): Promise<SaleRecord[]> {
  return db.sales.orderBy('createdAt').reverse().limit(limit).toArray();
}

/** Returns already made against a sale, for refundableLines and defaultRefundTenders. */
export async function returnsOf(db: PosDb, saleId: string): Promise<ReturnRecord[]> {
  return db.returns.where('originalSaleId').equals(saleId).toArray();
}

/**
 * What a customer still owes on account beyond the server's last known balance: their
 * on-account payments in sales the server has not acknowledged yet. Without it a customer
 * could buy up to the limit again on every offline sale.
 */
/**
 * Points this till's sales spent for the customer that the server has not counted yet:
 * taken off the pulled points, so the same points cannot be spent twice at this till
 * while it is offline. (Two offline tills can still both spend them; the server flags it.)
 */
export async function unsyncedPointsSpend(db: PosDb, customerId: string): Promise<number> {
  const sales = await db.sales.where('customerId').equals(customerId).toArray();
  let total = 0;
  for (const s of sales) {
    const event = await db.outbox.get(s.eventId);
    if (!event || event.state === 'done') continue;
    for (const p of s.sale.payments) if (p.tender === 'points') total += p.points ?? 0;
  }
  return total;
}

export async function unsyncedAccountSpend(db: PosDb, customerId: string): Promise<number> {
  const sales = await db.sales.where('customerId').equals(customerId).toArray();
  let total = 0;
  for (const s of sales) {
    const event = await db.outbox.get(s.eventId);
    if (event && event.state === 'done') continue; // the server's balance includes it
    if (!event) continue; // pruned long after delivery
    for (const p of s.sale.payments) if (p.tender === 'account') total += p.amount;
  }
  return total;
}
