import { cashMovementV1, newId, shiftOpenV1, type ZReport } from '@shopbook/shared';
import type { PosDb } from './PosDb.ts';
import { addEventInTransaction, validatePayload } from './outbox.ts';

/**
 * A till shift: one drawer, one open shift per till at a time. Whoever unlocks the till
 * sells into the open shift (the sale carries its own cashier); closing it needs pos.shift.
 */
export interface ShiftRecord {
  id: string;
  storeId: string;
  /** who opened it */
  cashierId: string;
  cashierName: string;
  openedAt: string;
  openingFloat: number;
  state: 'open' | 'closed';
  closedAt: string | null;
  closedBy: string | null;
  counted: { tender: string; amount: number }[] | null;
  report: ZReport | null;
}

export interface CashMovementRecord {
  id: string;
  shiftId: string;
  cashierId: string;
  amount: number;
  reason: string;
  createdAt: string;
}

export async function currentShift(db: PosDb): Promise<ShiftRecord | undefined> {
  return db.shifts.where('state').equals('open').first();
}

/** Opens a shift with its counted float; the row and the 'shift_open' event in one transaction. */
export async function openShift(
  db: PosDb,
  args: { storeId: string; cashierId: string; cashierName: string; openingFloat: number },
  now: Date = new Date(),
): Promise<ShiftRecord> {
  const id = newId();
  const payload = validatePayload('shift_open', shiftOpenV1.parse({ v: 1, shiftId: id, storeId: args.storeId, cashierId: args.cashierId, openingFloat: args.openingFloat }));
  return db.transaction('rw', db.shifts, db.outbox, db.meta, async () => {
    // Checked inside the transaction: two taps on "Open" cannot open two shifts.
    if (await currentShift(db)) throw new Error('a shift is already open on this till');
    const shift: ShiftRecord = {
      id,
      storeId: args.storeId,
      cashierId: args.cashierId,
      cashierName: args.cashierName,
      openedAt: now.toISOString(),
      openingFloat: args.openingFloat,
      state: 'open',
      closedAt: null,
      closedBy: null,
      counted: null,
      report: null,
    };
    await db.shifts.add(shift);
    await addEventInTransaction(db, 'shift_open', payload, { now });
    return shift;
  });
}

/** Cash put into (positive) or taken out of (negative) the drawer, with the reason. */
export async function recordCashMovement(
  db: PosDb,
  args: { shiftId: string; storeId: string; cashierId: string; amount: number; reason: string },
  now: Date = new Date(),
): Promise<CashMovementRecord> {
  const id = newId();
  const payload = cashMovementV1.parse({ v: 1, movementId: id, shiftId: args.shiftId, storeId: args.storeId, cashierId: args.cashierId, amount: args.amount, reason: args.reason.trim() });
  return db.transaction('rw', db.cashMovements, db.outbox, db.meta, async () => {
    const row: CashMovementRecord = { id, shiftId: args.shiftId, cashierId: args.cashierId, amount: payload.amount, reason: payload.reason, createdAt: now.toISOString() };
    await db.cashMovements.add(row);
    await addEventInTransaction(db, 'cash_movement', payload, { now });
    return row;
  });
}

/** Everything the Z report of a shift needs, read from the till's own tables. */
export async function shiftActivity(db: PosDb, shiftId: string) {
  const [sales, returns, movements] = await Promise.all([
    db.sales.where('shiftId').equals(shiftId).toArray(),
    db.returns.where('shiftId').equals(shiftId).toArray(),
    db.cashMovements.where('shiftId').equals(shiftId).toArray(),
  ]);
  return { sales, returns, movements };
}

/** Closes the shift with the count and report; the row and the 'shift_close' event in one transaction. */
export async function closeShift(
  db: PosDb,
  args: { shift: ShiftRecord; closedBy: string; counted: { tender: string; amount: number }[]; report: ZReport; payload: unknown },
  now: Date = new Date(),
): Promise<ShiftRecord> {
  const payload = validatePayload('shift_close', args.payload);
  return db.transaction('rw', db.shifts, db.outbox, db.meta, async () => {
    const row = await db.shifts.get(args.shift.id);
    if (!row || row.state !== 'open') throw new Error('this shift is not open any more');
    const closed: ShiftRecord = { ...row, state: 'closed', closedAt: now.toISOString(), closedBy: args.closedBy, counted: args.counted, report: args.report };
    await db.shifts.put(closed);
    await addEventInTransaction(db, 'shift_close', payload, { now });
    return closed;
  });
}
