import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { checkPin, type PinCheck } from '../auth/lockout.ts';
import { deleteMeta, getDb, getMeta, hasPermission, setMeta, type CashierRecord, type PosDb } from '../db/index.ts';
import { signOutBlockReason, type BlockReason } from './guards.ts';
import { useTillStore } from './till.ts';

/**
 * The cashier at the till, unlocked with a PIN checked offline against the pulled hash.
 * Kept in Dexie `meta.activeCashier` so a reload mid-shift (or the service worker's
 * update) does not send the cashier back to the PIN pad; the cashier row itself is
 * re-read, so a cashier disabled in the back office (a tombstone in the pull) is signed
 * out at the next start.
 */
export const useSessionStore = defineStore('session', () => {
  const cashier = ref<CashierRecord | null>(null);
  const signedIn = computed(() => cashier.value !== null);

  async function restore(db: PosDb = getDb()): Promise<void> {
    const active = await getMeta(db, 'activeCashier');
    const row = active?.v === 1 ? await db.cashiers.get(active.cashierId) : undefined;
    cashier.value = row ?? null;
  }

  /** Checks the PIN (with the lock-out) and, if right, signs the cashier in. */
  async function unlock(who: CashierRecord, pin: string, db: PosDb = getDb()): Promise<PinCheck> {
    const result = await checkPin(db, who, pin);
    if (!result.ok) return result;
    await setMeta(db, 'activeCashier', { v: 1, cashierId: who.id, signedInAt: new Date().toISOString() });
    cashier.value = who;
    return result;
  }

  function can(permission: string): boolean {
    return cashier.value !== null && hasPermission(cashier.value, permission);
  }

  /** Back to the PIN screen; refused while a sale is open. */
  async function signOut(db: PosDb = getDb()): Promise<BlockReason | null> {
    const till = useTillStore();
    const blocked = signOutBlockReason({ pending: 0, saleInProgress: till.saleInProgress });
    if (blocked) return blocked;
    await deleteMeta(db, 'activeCashier');
    cashier.value = null;
    return null;
  }

  /** Forgetting the device ends the session without touching the (wiped) database. */
  function clear(): void {
    cashier.value = null;
  }

  return { cashier, signedIn, restore, unlock, can, signOut, clear };
});
