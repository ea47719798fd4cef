import type { PosDb } from '../db/PosDb.ts';
import { getMeta, setMeta, type PinLockout } from '../db/meta.ts';
import { verifyPin } from './pin.ts';

export const MAX_PIN_FAILURES = 5;
export const LOCKOUT_MS = 5 * 60_000;

export type PinCheck =
  | { ok: true }
  | { ok: false; reason: 'wrong'; attemptsLeft: number }
  | { ok: false; reason: 'locked'; until: number }
  | { ok: false; reason: 'no_pin' };

/**
 * PIN entry with a lock-out: after 5 wrong PINs for a cashier, that cashier's PIN is
 * refused for 5 minutes. Per cashier, not per till, so one cashier's slips do not lock out
 * the next one; a four-digit PIN still cannot be guessed (5 tries per 5 minutes is about a
 * month for 10 000 PINs). The counter lives in Dexie `meta`, so a reload does not reset it,
 * and it is read and written in one transaction with the check, so two quick submissions
 * cannot both read "4 failures".
 *
 * The clock is the till's own: someone who can change the tablet's time can shorten the
 * wait, which is an accepted limit of an offline check.
 */
export async function checkPin(
  db: PosDb,
  cashier: { id: string; pinHash: string | null },
  pin: string,
  now: () => number = Date.now,
): Promise<PinCheck> {
  if (!cashier.pinHash) return { ok: false, reason: 'no_pin' };
  const key = `pinLockout:${cashier.id}` as const;
  const before = await lockoutState(db, cashier.id, now());
  if (before.lockedUntil !== null) return { ok: false, reason: 'locked', until: before.lockedUntil };
  // PBKDF2 runs outside the transaction: IndexedDB commits a transaction that waits on
  // anything but its own requests, so the crypto cannot sit inside it.
  const match = await verifyPin(pin, cashier.pinHash);
  return db.transaction('rw', db.meta, async (): Promise<PinCheck> => {
    const state = (await getMeta(db, key)) ?? { failures: 0, lockedUntil: null };
    if (state.lockedUntil !== null && state.lockedUntil > now()) return { ok: false, reason: 'locked', until: state.lockedUntil };
    if (match) {
      await setMeta(db, key, { failures: 0, lockedUntil: null });
      return { ok: true };
    }
    const failures = (state.lockedUntil !== null ? 0 : state.failures) + 1;
    if (failures >= MAX_PIN_FAILURES) {
      const until = now() + LOCKOUT_MS;
      await setMeta(db, key, { failures, lockedUntil: until });
      return { ok: false, reason: 'locked', until };
    }
    await setMeta(db, key, { failures, lockedUntil: null });
    return { ok: false, reason: 'wrong', attemptsLeft: MAX_PIN_FAILURES - failures };
  });
}

/** The cashier's lock-out now; an expired lock reads as not locked (and is cleared on the next try). */
export async function lockoutState(db: PosDb, cashierId: string, now: number = Date.now()): Promise<PinLockout> {
  const state = (await getMeta(db, `pinLockout:${cashierId}`)) ?? { failures: 0, lockedUntil: null };
  if (state.lockedUntil !== null && state.lockedUntil <= now) return { failures: 0, lockedUntil: null };
  return state;
}
