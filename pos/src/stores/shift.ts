import { buildShiftCloseEvent, zReport, type TenderAmount, type ZReport } from '@shopbook/shared';
import { liveQuery, type Subscription } from 'dexie';
import { defineStore } from 'pinia';
import { ref } from 'vue';
import {
  closeShift,
  currentShift,
  getDb,
  openShift,
  recordCashMovement,
  shiftActivity,
  type PosDb,
  type ShiftRecord,
} from '../db/index.ts';
import { useDeviceStore } from './device.ts';
import { useSessionStore } from './session.ts';
import { useSyncStore } from './sync.ts';

/** The till's open shift, live from Dexie, and the actions on it. Selling needs one. */
export const useShiftStore = defineStore('shift', () => {
  const current = ref<ShiftRecord | null>(null);
  const loaded = ref(false);
  let sub: Subscription | null = null;

  function watch(db: PosDb = getDb()): void {
    sub?.unsubscribe();
    sub = liveQuery(() => currentShift(db)).subscribe({
      next: (s) => {
        current.value = s ?? null;
        loaded.value = true;
      },
      error: (e: unknown) => console.error('shift query failed', e),
    });
  }

  function unwatch(): void {
    sub?.unsubscribe();
    sub = null;
  }

  function who() {
    const session = useSessionStore();
    const device = useDeviceStore();
    if (!session.cashier || !device.device) throw new Error('no cashier signed in on a registered till');
    return { cashier: session.cashier, storeId: device.device.storeId };
  }

  async function open(openingFloat: number, db: PosDb = getDb()): Promise<ShiftRecord> {
    const { cashier, storeId } = who();
    const shift = await openShift(db, { storeId, cashierId: cashier.id, cashierName: cashier.displayName, openingFloat });
    current.value = shift;
    void useSyncStore().kick();
    return shift;
  }

  async function moveCash(amount: number, reason: string, db: PosDb = getDb()): Promise<void> {
    const { cashier, storeId } = who();
    if (!current.value) throw new Error('no open shift');
    await recordCashMovement(db, { shiftId: current.value.id, storeId, cashierId: cashier.id, amount, reason });
    void useSyncStore().kick();
  }

  /** The Z report as it stands, from the shift's sales, returns and cash movements on this till. */
  async function report(db: PosDb = getDb()): Promise<ZReport> {
    const shift = current.value;
    if (!shift) throw new Error('no open shift');
    const { sales, returns, movements } = await shiftActivity(db, shift.id);
    return zReport({
      sales: sales.map((s) => s.sale),
      returns: returns.map((r) => r.ret),
      cashMovements: movements.map((m) => ({ amount: m.amount, reason: m.reason })),
      openingFloat: shift.openingFloat,
    });
  }

  async function close(counted: TenderAmount[], db: PosDb = getDb()): Promise<ShiftRecord> {
    const { cashier, storeId } = who();
    const shift = current.value;
    if (!shift) throw new Error('no open shift');
    const z = await report(db);
    const payload = buildShiftCloseEvent({ shiftId: shift.id, storeId, cashierId: cashier.id, report: z, counted });
    const closed = await closeShift(db, { shift, closedBy: cashier.id, counted, report: z, payload });
    current.value = null;
    void useSyncStore().kick();
    return closed;
  }

  return { current, loaded, watch, unwatch, open, moveCash, report, close };
});
