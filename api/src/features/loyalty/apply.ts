import { earnedPoints, newId, reversedPoints, type ReturnV1, type SaleV1 } from '@shopbook/shared';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { rows } from '../../db/rows.ts';
import { loyaltyEntries } from '../../db/schema/index.ts';
import { DomainError } from '../../http/errors.ts';
import { touchCustomers } from '../customers/touch.ts';
import { ACCOUNTS } from '../finance/chart.ts';
import { postJournalEntry } from '../finance/post-entry.ts';
import { getProgram } from './program.queries.ts';
import { lockedPoints } from './points.queries.ts';

export interface Occasion {
  db: DbOrTx;
  occurredAt: Date;
  now: Date;
  userId: string;
  memo: string;
  /** A till's sale or return syncing late books into the open period; a person's adjustment is refused there. */
  whenClosed?: 'refuse' | 'open_period';
}

/**
 * Earned points are a promise of a discount: booked as an expense against the points
 * liability when earned, and released when taken back. Spending them is a tender,
 * booked by the sale's own entry (the liability pays part of the bill).
 */
export async function bookPoints(o: Occasion, entryId: string, value: number): Promise<void> {
  if (value === 0) return;
  const [debit, credit] = value > 0 ? [ACCOUNTS.loyaltyExpense.code, ACCOUNTS.loyaltyPoints.code] : [ACCOUNTS.loyaltyPoints.code, ACCOUNTS.loyaltyExpense.code];
  await postJournalEntry(o.db, {
    date: o.occurredAt.toISOString().slice(0, 10), sourceType: 'loyalty', sourceId: entryId, memo: o.memo, userId: o.userId, postedAt: o.now, whenClosed: o.whenClosed ?? 'open_period',
    lines: [
      { accountCode: debit, debit: Math.abs(value), credit: 0 },
      { accountCode: credit, debit: 0, credit: Math.abs(value) },
    ],
  });
}

/**
 * A synced sale's points: what it spent (a `points` payment) and what it earned. Spent
 * points are checked against the customer's points under their row lock: spending more
 * than they held (the same points spent at two offline tills) is recorded as it
 * happened, flagged, and the sale is flagged `points_overdrawn` for a manager. Returns
 * that flag or null.
 */
export async function applySaleLoyalty(db: DbOrTx, sale: SaleV1, occurredAt: Date, now: Date): Promise<string | null> {
  if (!sale.customerId) return null;
  const program = await getProgram(db);
  const spentPoints = sale.payments.reduce((s, p) => s + (p.tender === 'points' ? (p.points ?? 0) : 0), 0);
  const spentValue = sale.payments.reduce((s, p) => s + (p.tender === 'points' ? p.amount : 0), 0);
  const earned = earnedPoints(program, sale.totals.gross, spentValue);
  if (spentPoints === 0 && earned === 0) return null;
  const held = await lockedPoints(db, sale.customerId);
  const o: Occasion = { db, occurredAt, now, userId: sale.cashierId, memo: sale.receiptNo };
  const base = { customerId: sale.customerId, sourceType: 'sale' as const, sourceId: sale.saleId, storeId: sale.storeId, occurredAt, recordedAt: now, createdBy: sale.cashierId };
  const overdrawn = spentPoints > held;
  const values: (typeof loyaltyEntries.$inferInsert)[] = [];
  if (spentPoints > 0) {
    values.push({ ...base, id: newId(), kind: 'redeem', points: -spentPoints, value: -spentValue, flag: overdrawn ? 'overdrawn' : null,
      note: overdrawn ? `spent ${spentPoints} points while holding ${held}` : '' });
  }
  const earnId = newId();
  if (earned > 0) values.push({ ...base, id: earnId, kind: 'earn', points: earned, value: earned * program.pointValue });
  await db.insert(loyaltyEntries).values(values);
  if (earned > 0) await bookPoints(o, earnId, earned * program.pointValue);
  await touchCustomers(db, [sale.customerId]);
  return overdrawn ? 'points_overdrawn' : null;
}

/**
 * A synced return's points: points refunded as points come back to the customer, and
 * the points the refunded money had earned are taken back (never more than the sale
 * earned, less earlier returns). A points refund needs the sale and its customer.
 */
export async function applyReturnLoyalty(db: DbOrTx, ret: ReturnV1, occurredAt: Date, now: Date): Promise<void> {
  const refundedPoints = ret.refunds.reduce((s, r) => s + (r.tender === 'points' ? (r.points ?? 0) : 0), 0);
  const refundedValue = ret.refunds.reduce((s, r) => s + (r.tender === 'points' ? r.amount : 0), 0);
  if (ret.refunds.some((r) => r.tender === 'points' && !r.points)) throw new DomainError('unprocessable', 'a points refund says how many points it gives back');
  if (!ret.originalSaleId) {
    if (refundedPoints > 0) throw new DomainError('unprocessable', 'points are refunded only against the sale that spent them');
    return;
  }
  const [sale] = await rows<{ customer_id: string | null; earned: string | null; reversed: string | null; spent: string | null; refunded: string | null }>(
    db,
    sql`SELECT s.customer_id,
               (SELECT sum(points) FROM loyalty_entries WHERE source_type = 'sale' AND source_id = s.id AND kind = 'earn')::text AS earned,
               (SELECT -sum(e.points) FROM loyalty_entries e JOIN sale_returns r ON r.id = e.source_id
                 WHERE e.source_type = 'return' AND e.kind = 'reverse' AND r.original_sale_id = s.id)::text AS reversed,
               (SELECT -sum(points) FROM loyalty_entries WHERE source_type = 'sale' AND source_id = s.id AND kind = 'redeem')::text AS spent,
               (SELECT sum(e.points) FROM loyalty_entries e JOIN sale_returns r ON r.id = e.source_id
                 WHERE e.source_type = 'return' AND e.kind = 'refund' AND r.original_sale_id = s.id)::text AS refunded
          FROM sales s WHERE s.id = ${ret.originalSaleId}::uuid`,
  );
  const customerId = sale?.customer_id ?? null;
  if (!customerId) {
    if (refundedPoints > 0) throw new DomainError('unprocessable', 'points are refunded only to the customer of the sale that spent them');
    return;
  }
  if (refundedPoints > Number(sale!.spent ?? 0) - Number(sale!.refunded ?? 0)) {
    throw new DomainError('unprocessable', 'refunds more points than the sale spent and has not refunded yet');
  }
  const program = await getProgram(db);
  const earnedLeft = Number(sale!.earned ?? 0) - Number(sale!.reversed ?? 0);
  const reversed = reversedPoints(program, ret.totals.gross - refundedValue, earnedLeft);
  if (refundedPoints === 0 && reversed === 0) return;
  await lockedPoints(db, customerId);
  const base = { customerId, sourceType: 'return' as const, sourceId: ret.returnId, storeId: ret.storeId, occurredAt, recordedAt: now, createdBy: ret.cashierId };
  const reverseId = newId();
  const values: (typeof loyaltyEntries.$inferInsert)[] = [];
  if (refundedPoints > 0) values.push({ ...base, id: newId(), kind: 'refund', points: refundedPoints, value: refundedValue });
  if (reversed > 0) values.push({ ...base, id: reverseId, kind: 'reverse', points: -reversed, value: -reversed * program.pointValue });
  await db.insert(loyaltyEntries).values(values);
  if (reversed > 0) {
    await bookPoints({ db, occurredAt, now, userId: ret.cashierId, memo: ret.receiptNo }, reverseId, -reversed * program.pointValue);
  }
  await touchCustomers(db, [customerId]);
}
