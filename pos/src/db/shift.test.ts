import { newId } from '@shopbook/shared';
import { afterEach, describe, expect, it } from 'vitest';
import type { PosDb } from './PosDb.ts';
import { closeShift, currentShift, openShift, recordCashMovement, shiftActivity } from './shift.ts';
import { openTestDb } from './testDb.ts';

let db: PosDb;
afterEach(async () => {
  await db?.delete();
});
const storeId = newId();
const cashierId = newId();

describe('shifts', () => {
  it('opens one shift at a time, each with its shift_open event', async () => {
    db = openTestDb();
    const results = await Promise.allSettled([
      openShift(db, { storeId, cashierId, cashierName: 'A', openingFloat: 20000 }),
      openShift(db, { storeId, cashierId, cashierName: 'A', openingFloat: 20000 }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const shift = await currentShift(db);
    expect(shift).toMatchObject({ state: 'open', openingFloat: 20000 });
    const events = await db.outbox.toArray();
    expect(events.map((e) => e.type)).toEqual(['shift_open']);
    expect(events[0]!.payload).toEqual({ v: 1, shiftId: shift!.id, storeId, cashierId, openingFloat: 20000 });
  });

  it('records cash movements with a reason and closes with a shift_close event', async () => {
    db = openTestDb();
    const shift = await openShift(db, { storeId, cashierId, cashierName: 'A', openingFloat: 10000 });
    await recordCashMovement(db, { shiftId: shift.id, storeId, cashierId, amount: -5000, reason: 'bank drop' });
    await expect(recordCashMovement(db, { shiftId: shift.id, storeId, cashierId, amount: 100, reason: '  ' })).rejects.toThrow();
    const { movements } = await shiftActivity(db, shift.id);
    expect(movements.map((m) => [m.amount, m.reason])).toEqual([[-5000, 'bank drop']]);
    const payload = { v: 1, shiftId: shift.id, storeId, cashierId, counted: [{ tender: 'cash', amount: 5000 }], expected: [{ tender: 'cash', amount: 5000 }], zReport: {} };
    const closed = await closeShift(db, { shift, closedBy: cashierId, counted: [{ tender: 'cash', amount: 5000 }], report: null as never, payload });
    expect(closed.state).toBe('closed');
    expect(await currentShift(db)).toBeUndefined();
    expect((await db.outbox.orderBy('seq').toArray()).map((e) => e.type)).toEqual(['shift_open', 'cash_movement', 'shift_close']);
    await expect(closeShift(db, { shift, closedBy: cashierId, counted: [], report: null as never, payload })).rejects.toThrow(/not open/);
  });
});
