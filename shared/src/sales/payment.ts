import { assertMoney, roundHalfUp, toSafeNumber } from '../money/money.ts';
import type { Tender } from '../sync/events.ts';

/**
 * Split tender at the till.
 *
 * Cash convention (the same in paymentV1, buildSaleEvent and zReport):
 *   - `amount` on a recorded payment is what the tender paid towards the sale. For cash
 *     the change is already taken off, so Σ payment.amount = sale gross, always.
 *   - `tendered` on a cash payment is the cash handed over; change = tendered − amount.
 *     The sale's `change` is the sum of that over its cash payments.
 *   - So the drawer gains exactly payment.amount per cash payment: tendered went in,
 *     change came out. zReport counts cash sales as Σ amount and never subtracts the
 *     change a second time.
 *
 * What the cashier keys in is a PaymentInput: for cash, `amount` may be more than what
 * is still due (¥100 for ¥73.50) and applyPayments turns it into the recorded form
 * ({ amount: 7350, tendered: 10000 }, change 2650). Feeding that recorded form back in
 * gives the same result, so a saved split can be re-applied.
 */

export interface PaymentInput {
  tender: Tender;
  /** Minor units this tender offers; for cash it may exceed what remains. */
  amount: number;
  /** Cash only: what was handed over when it differs from `amount`. Ignored for other tenders. */
  tendered?: number | null;
  /** Card slip, voucher number…; travels to the sale unchanged. */
  reference?: string | null;
  /** Points tender only: how many points pay `amount`. */
  points?: number;
}

/** A payment as recorded on the sale: exactly the shape of paymentV1. */
export interface AppliedPayment {
  tender: Tender;
  amount: number;
  tendered: number | null;
  reference: string | null;
  /** Points tender only. */
  points?: number;
}

export type PaymentErrorCode = 'overpaid_non_cash' | 'invalid_amount' | 'tendered_below_amount' | 'points_uncounted';

export type PaymentsResult =
  | {
      ok: true;
      /** Σ applied amounts; paid + remaining = total, always. */
      paid: number;
      remaining: number;
      /** Cash to hand back. Only cash produces change. */
      change: number;
      complete: boolean;
      payments: AppliedPayment[];
    }
  | { ok: false; error: PaymentErrorCode; index: number; message: string };

function isAmount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/**
 * Applies payments in order against `totalGross`. A card, voucher or account payment
 * is exactly what it charges, so it may not exceed what is still due — the customer
 * would be charged money the till then has to hand back in cash. Only cash may be
 * more, and the excess is change.
 */
export function applyPayments(totalGross: number, payments: readonly PaymentInput[]): PaymentsResult {
  assertMoney(totalGross, 'total');
  if (totalGross < 0) throw new RangeError(`total must not be negative, got ${totalGross}`);
  let remaining = totalGross;
  let change = 0;
  const applied: AppliedPayment[] = [];
  for (const [index, p] of payments.entries()) {
    const fail = (error: PaymentErrorCode, message: string) => ({ ok: false as const, error, index, message });
    if (!isAmount(p.amount)) return fail('invalid_amount', `payment ${index}: amount must be a non-negative integer, got ${String(p.amount)}`);
    const reference = p.reference ?? null;
    if (p.tender !== 'cash') {
      if (p.amount > remaining) {
        return fail('overpaid_non_cash', `payment ${index}: ${p.tender} ${p.amount} is more than the ${remaining} still due`);
      }
      if (p.tender === 'points' && !(Number.isSafeInteger(p.points) && p.points! > 0)) {
        return fail('points_uncounted', `payment ${index}: a points payment needs its number of points`);
      }
      remaining -= p.amount;
      applied.push(p.tender === 'points' ? { tender: 'points', amount: p.amount, tendered: null, reference, points: p.points! } : { tender: p.tender, amount: p.amount, tendered: null, reference });
      continue;
    }
    const handed = p.tendered ?? p.amount;
    if (!isAmount(handed)) return fail('invalid_amount', `payment ${index}: tendered must be a non-negative integer, got ${String(handed)}`);
    if (handed < p.amount) {
      return fail('tendered_below_amount', `payment ${index}: ${handed} handed over cannot pay ${p.amount}`);
    }
    const amount = Math.min(p.amount, remaining);
    remaining -= amount;
    change += handed - amount;
    applied.push({ tender: 'cash', amount, tendered: handed, reference });
  }
  return { ok: true, paid: totalGross - remaining, remaining, change, complete: remaining === 0, payments: applied };
}

/**
 * Rounds a cash amount half-up to a multiple of `step` minor units (10 = to the 角).
 *
 * Off by default (step 1): Chinese tills charge to the 分 and SaleV1 has no rounding
 * line, so a rounded cash payment would not add up to the sale gross. A store that
 * rounds cash needs a rounding adjustment on the wire first; until then this only
 * suggests an amount to ask for. Negative amounts mirror positive ones.
 */
export function roundCash(amount: number, step = 1): number {
  assertMoney(amount, 'amount');
  if (!Number.isSafeInteger(step) || step <= 0) throw new RangeError(`cash step must be a positive integer, got ${step}`);
  return toSafeNumber(roundHalfUp(BigInt(amount), BigInt(step)) * BigInt(step), 'rounded cash');
}
