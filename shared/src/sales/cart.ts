import { type Discount, allocateCartDiscount, applyLineDiscount } from '../money/discount.ts';
import { assertMoney, mulDivRound, sumMoney } from '../money/money.ts';
import { QUANTITY_SCALE, assertQuantity, lineAmount } from '../quantity/quantity.ts';
import { type TaxBreakdown, assertTaxRate, lineTax, taxBreakdown } from '../tax/tax.ts';

/**
 * The till's cart and its pricing. Everything here is a pure function of the cart, so
 * the screen, the receipt and the sale event all show the same cents, and the server
 * can recompute a sale from its lines and get the same figures.
 *
 * Order of operations (the receipt reads top to bottom the same way):
 *   amount   = qty × unit price, half-up to the minor unit        (lineAmount)
 *   line     − line discount (percent half-up, or fixed, capped)  (applyLineDiscount)
 *   cart     − cart discount, rounded once on the subtotal after line discounts and
 *              spread over the lines by largest remainder          (allocateCartDiscount)
 *   tax      per line on what is left, half-up                     (lineTax)
 */

export interface CartLine {
  lineId: string;
  productId: string;
  name: string;
  /** Thousandths: one piece = 1000, 1.5 kg = 1500. Always > 0. */
  qtyMilli: number;
  /** Minor units per unit, after any override; gross or net per `pricesIncludeTax`. */
  unitPrice: number;
  /** The catalogue price, kept so an override is visible on the sale. */
  listPrice: number;
  /** Why the price was overridden; null when unitPrice is the list price. */
  overrideReason: string | null;
  /** The line's own discount, applied before the cart discount. */
  discount: Discount;
  taxRateBp: number;
  /** Weighed goods are never merged: each label is its own line. */
  weighed: boolean;
  /** Batch picked at the till (rare); otherwise the server takes first-expiry-first-out. */
  batchId?: string | null;
  /** A serial-tracked product's units, one scanned serial each; the quantity follows them. */
  serials?: string[];
}

export interface Cart {
  lines: CartLine[];
  cartDiscount: Discount;
  pricesIncludeTax: boolean;
}

/** A cart line with its money worked out. `discountRule` is the line's own Discount. */
export interface PricedLine extends Omit<CartLine, 'discount'> {
  discountRule: Discount;
  /** lineAmount(qtyMilli, unitPrice). */
  amount: number;
  /** Taken by the line's own discount. */
  lineDiscount: number;
  /** This line's share of the cart discount. */
  cartDiscountShare: number;
  /** lineDiscount + cartDiscountShare: what the sale line records as `discount`. */
  discount: number;
  net: number;
  tax: number;
  /** What the customer pays for this line. */
  gross: number;
}

export interface CartTotals {
  amountBeforeDiscount: number;
  lineDiscount: number;
  /** The cart discount actually taken (capped at the subtotal after line discounts). */
  cartDiscount: number;
  /** lineDiscount + cartDiscount. */
  discount: number;
  net: number;
  tax: number;
  /** Σ line gross: the amount due. */
  gross: number;
}

export interface PricedCart {
  pricesIncludeTax: boolean;
  lines: PricedLine[];
  totals: CartTotals;
  /** Per-rate rows for the receipt; its totals equal `totals` net/tax/gross. */
  taxBreakdown: TaxBreakdown;
  /** Pieces; a weighed or fractional-quantity line counts as one item. */
  itemCount: number;
}

/** Refuses lines the wire format would refuse later, while the cashier can still fix them. */
export function assertCartLine(line: CartLine): void {
  assertQuantity(line.qtyMilli, `line ${line.lineId} quantity`);
  if (line.qtyMilli <= 0) throw new RangeError(`line ${line.lineId} quantity must be positive, got ${line.qtyMilli}`);
  for (const [what, value] of [['unit price', line.unitPrice], ['list price', line.listPrice]] as const) {
    assertMoney(value, `line ${line.lineId} ${what}`);
    if (value < 0) throw new RangeError(`line ${line.lineId} ${what} must not be negative, got ${value}`);
  }
  assertTaxRate(line.taxRateBp);
  if (line.taxRateBp > 10_000) throw new RangeError(`tax rate above 100 % on line ${line.lineId}`);
}

export function priceCart(cart: Cart): PricedCart {
  const own = cart.lines.map((line) => {
    assertCartLine(line);
    return applyLineDiscount(lineAmount(line.qtyMilli, line.unitPrice), line.discount);
  });
  const split = allocateCartDiscount(
    own.map((o) => o.after),
    cart.cartDiscount,
  );
  const lines = cart.lines.map((line, i): PricedLine => {
    const { before, discount: lineDiscount, after } = own[i] ?? { before: 0, discount: 0, after: 0 };
    const cartDiscountShare = split.lineDiscounts[i] ?? 0;
    const { discount: discountRule, ...rest } = line;
    return {
      ...rest,
      discountRule,
      amount: before,
      lineDiscount,
      cartDiscountShare,
      discount: lineDiscount + cartDiscountShare,
      ...lineTax(after - cartDiscountShare, line.taxRateBp, cart.pricesIncludeTax),
    };
  });
  const sum = (pick: (l: PricedLine) => number) => sumMoney(lines.map(pick));
  const lineDiscount = sum((l) => l.lineDiscount);
  return {
    pricesIncludeTax: cart.pricesIncludeTax,
    lines,
    totals: {
      amountBeforeDiscount: sum((l) => l.amount),
      lineDiscount,
      cartDiscount: split.discount,
      discount: lineDiscount + split.discount,
      net: sum((l) => l.net),
      tax: sum((l) => l.tax),
      gross: sum((l) => l.gross),
    },
    // The shared breakdown recomputes lineTax on the same amounts, so its rows add up
    // to exactly the line figures above.
    taxBreakdown: taxBreakdown(
      lines.map((l) => ({ amount: l.amount - l.discount, rateBp: l.taxRateBp })),
      cart.pricesIncludeTax,
    ),
    itemCount: sumMoney(
      lines.map((l) => (l.weighed || l.qtyMilli % QUANTITY_SCALE !== 0 ? 1 : l.qtyMilli / QUANTITY_SCALE)),
    ),
  };
}

/** The effective discount in basis points of the amount before discounts, half-up. */
export function discountPercentOf(priced: PricedCart): number {
  const { amountBeforeDiscount, discount } = priced.totals;
  return amountBeforeDiscount === 0 ? 0 : mulDivRound(discount, 10_000, amountBeforeDiscount);
}

export type ApprovalReason =
  | { kind: 'line_discount'; lineId: string }
  | { kind: 'cart_discount' }
  | { kind: 'total_discount' }
  | { kind: 'price_below_list'; lineId: string };

/**
 * The largest discount `maxBp` allows on `base`, rounded half-up exactly as a
 * percentage discount is, so a cashier's own limit never trips on a rounded cent.
 */
function allowance(base: number, maxBp: number): number {
  return mulDivRound(base, maxBp, 10_000);
}

/**
 * Why a manager has to approve this cart, empty when the cashier may finish alone.
 * Besides each line and the cart discount on their own, the combined discount is
 * checked too: a 10 % line discount plus a 10 % cart discount is 19 % off, which a
 * cashier limited to 10 % must not reach by stacking.
 */
export function approvalReasons(priced: PricedCart, cashierMaxDiscountBp: number): ApprovalReason[] {
  if (!Number.isSafeInteger(cashierMaxDiscountBp) || cashierMaxDiscountBp < 0) {
    throw new RangeError(`discount limit must be a non-negative integer of basis points, got ${cashierMaxDiscountBp}`);
  }
  const reasons: ApprovalReason[] = [];
  for (const line of priced.lines) {
    if (line.lineDiscount > allowance(line.amount, cashierMaxDiscountBp)) {
      reasons.push({ kind: 'line_discount', lineId: line.lineId });
    }
    if (line.unitPrice < line.listPrice) reasons.push({ kind: 'price_below_list', lineId: line.lineId });
  }
  const { amountBeforeDiscount, lineDiscount, cartDiscount, discount } = priced.totals;
  if (cartDiscount > allowance(amountBeforeDiscount - lineDiscount, cashierMaxDiscountBp)) {
    reasons.push({ kind: 'cart_discount' });
  }
  // Per-line allowances round each line up separately, so their sum may exceed the
  // allowance on the total; taking the larger keeps a limit-sized discount allowed.
  const combined = Math.max(
    allowance(amountBeforeDiscount, cashierMaxDiscountBp),
    sumMoney(priced.lines.map((l) => allowance(l.amount, cashierMaxDiscountBp))),
  );
  if (discount > combined) reasons.push({ kind: 'total_discount' });
  return reasons;
}

/**
 * True when the sale needs a manager's approval (SaleV1.approvedBy): a discount above
 * the cashier's limit or a price overridden below list. `overrides` is whether the
 * cashier holds `pos.discount.override`, which makes them their own approver.
 */
export function needsManager(priced: PricedCart, cashierMaxDiscountBp: number, overrides = false): boolean {
  return !overrides && approvalReasons(priced, cashierMaxDiscountBp).length > 0;
}
