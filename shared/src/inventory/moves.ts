import { assertQuantity } from '../quantity/quantity.ts';

/**
 * Every way stock can change. The ledger stores the type beside a signed quantity,
 * so the sign rule below is what keeps a "sale" from ever adding stock.
 */
export const MOVE_TYPES = [
  'receipt',
  'sale',
  'return',
  'transfer_out',
  'transfer_in',
  'adjustment',
  'stock_take',
  'purchase_return',
] as const;

export type MoveType = (typeof MOVE_TYPES)[number];

/** `either` still excludes zero: a move that changes nothing has no business in the ledger. */
export type QuantitySign = 'positive' | 'negative' | 'either';

export const MOVE_SIGNS: Readonly<Record<MoveType, QuantitySign>> = {
  receipt: 'positive',
  sale: 'negative',
  return: 'positive', // a customer brings goods back
  transfer_out: 'negative',
  transfer_in: 'positive',
  adjustment: 'either', // the reason narrows it, see ADJUSTMENT_SIGNS
  stock_take: 'either', // the variance, found or missing
  purchase_return: 'negative', // goods sent back to the supplier
};

export function isMoveType(value: unknown): value is MoveType {
  return typeof value === 'string' && (MOVE_TYPES as readonly string[]).includes(value);
}

/** Why an adjustment was made; stored on the adjustment document, not on the move. */
export const ADJUSTMENT_REASONS = ['damage', 'loss', 'found', 'expired', 'own_use', 'correction'] as const;

export type AdjustmentReason = (typeof ADJUSTMENT_REASONS)[number];

export const ADJUSTMENT_SIGNS: Readonly<Record<AdjustmentReason, QuantitySign>> = {
  damage: 'negative',
  loss: 'negative',
  found: 'positive',
  expired: 'negative',
  own_use: 'negative',
  correction: 'either', // fixes a wrong entry in whichever direction it was wrong
};

export function isAdjustmentReason(value: unknown): value is AdjustmentReason {
  return typeof value === 'string' && (ADJUSTMENT_REASONS as readonly string[]).includes(value);
}

function checkSign(sign: QuantitySign, qtyMilli: number, what: string): void {
  assertQuantity(qtyMilli, what);
  if (qtyMilli === 0) throw new Error(`${what} must not be zero`);
  if (sign === 'positive' && qtyMilli < 0) {
    throw new Error(`${what} must be positive (stock coming in), got ${qtyMilli}`);
  }
  if (sign === 'negative' && qtyMilli > 0) {
    throw new Error(`${what} must be negative (stock going out), got ${qtyMilli}`);
  }
}

/**
 * Throws unless `qtyMilli` is a non-zero integer with the sign `type` requires.
 * Checks the type too, because it usually arrives as a string from a till or a form.
 * Returns the quantity so it can guard an expression inline.
 */
export function assertMoveQuantity(type: MoveType, qtyMilli: number): number {
  if (!isMoveType(type)) throw new Error(`unknown stock move type "${String(type)}"`);
  checkSign(MOVE_SIGNS[type], qtyMilli, `${type} quantity`);
  return qtyMilli;
}

/** The move-type rule for an adjustment plus the sign its reason implies. */
export function assertAdjustmentQuantity(reason: AdjustmentReason, qtyMilli: number): number {
  if (!isAdjustmentReason(reason)) throw new Error(`unknown adjustment reason "${String(reason)}"`);
  checkSign(ADJUSTMENT_SIGNS[reason], qtyMilli, `adjustment (${reason}) quantity`);
  return qtyMilli;
}
