import { allocate } from './allocate.ts';
import { assertMoney, mulDivRound, sumMoney } from './money.ts';

/**
 * A discount on a line or a whole cart: a percentage in basis points
 * (1000 = 10 %, 10000 = 100 %) or a fixed amount in minor units.
 */
export type Discount = { kind: 'percent'; bp: number } | { kind: 'amount'; amount: number };

export interface DiscountedAmount {
  /** The amount before the discount. */
  before: number;
  /** What was actually taken off: 0 ≤ discount ≤ before. */
  discount: number;
  /** before − discount, never below zero. */
  after: number;
}

export interface CartDiscountSplit {
  /** The cart discount after capping at the cart total. */
  discount: number;
  /** Its share per line, same order as the input; sums exactly to `discount`. */
  lineDiscounts: number[];
}

export const NO_DISCOUNT: Discount = { kind: 'amount', amount: 0 };

function assertDiscount(discount: Discount): void {
  if (discount.kind === 'percent') {
    const { bp } = discount;
    if (!Number.isSafeInteger(bp) || bp < 0 || bp > 10_000) {
      throw new RangeError(`discount percentage must be 0–10000 basis points, got ${String(bp)}`);
    }
  } else {
    assertMoney(discount.amount, 'discount amount');
    // A negative discount would be a price increase that no one approved.
    if (discount.amount < 0) {
      throw new RangeError(`discount amount must not be negative, got ${discount.amount}`);
    }
  }
}

/**
 * Applies a discount to a non-negative line amount. A percentage is rounded half-up
 * to the minor unit; a fixed amount larger than the line is capped at the line, so a
 * ¥5 coupon on a ¥3 item makes it free rather than negative.
 *
 * Amounts must be ≥ 0: a refund line takes the discount of the sale line it
 * reverses and negates it, rather than discounting a negative amount.
 */
export function applyLineDiscount(amount: number, discount: Discount): DiscountedAmount {
  assertMoney(amount, 'line amount');
  if (amount < 0) throw new RangeError(`discounted amount must not be negative, got ${amount}`);
  assertDiscount(discount);
  const wanted =
    discount.kind === 'percent' ? mulDivRound(amount, discount.bp, 10_000) : discount.amount;
  const taken = Math.min(wanted, amount);
  return { before: amount, discount: taken, after: amount - taken };
}

/**
 * Spreads a cart-level discount over the lines in proportion to their amounts.
 *
 * A percentage is rounded once on the cart total, not per line, so the receipt's
 * discount equals the advertised percentage of what the customer sees as the total.
 * Proportional shares of a discount no larger than the total never exceed their
 * own line, so no line goes negative.
 */
export function allocateCartDiscount(
  lineAmounts: readonly number[],
  discount: Discount,
): CartDiscountSplit {
  for (const [i, amount] of lineAmounts.entries()) {
    assertMoney(amount, `line ${i} amount`);
    if (amount < 0) throw new RangeError(`line ${i} amount must not be negative, got ${amount}`);
  }
  const { discount: capped } = applyLineDiscount(sumMoney(lineAmounts), discount);
  if (lineAmounts.length === 0) return { discount: 0, lineDiscounts: [] };
  return { discount: capped, lineDiscounts: allocate(capped, lineAmounts) };
}
