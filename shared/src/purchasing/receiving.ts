import { assertSafeInteger } from '../money/money.ts';

/**
 * Goods may arrive a little over the order (a case more, a heavier sack): up to 5 % of
 * a line's ordered stock quantity anyone with `purchasing.receive` may accept; beyond
 * that it needs `purchasing.approve`.
 */
export const OVER_RECEIPT_TOLERANCE_BP = 500;

/** The most that may be accepted net on a line without approval: floor(ordered × (1 + tolerance)). */
export function overReceiptLimit(orderedMilli: number, toleranceBp = OVER_RECEIPT_TOLERANCE_BP): number {
  assertSafeInteger(orderedMilli, 'ordered quantity');
  assertSafeInteger(toleranceBp, 'tolerance');
  return Number((BigInt(orderedMilli) * BigInt(10_000 + toleranceBp)) / 10_000n);
}

/** True when the net accepted quantity after this receipt goes beyond the tolerance. */
export function isOverReceipt(orderedMilli: number, netAcceptedAfterMilli: number, toleranceBp = OVER_RECEIPT_TOLERANCE_BP): boolean {
  return netAcceptedAfterMilli > overReceiptLimit(orderedMilli, toleranceBp);
}
