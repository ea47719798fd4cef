import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Discount, NO_DISCOUNT } from '../money/discount.ts';
import { type Cart, type CartLine, approvalReasons, discountPercentOf, needsManager, priceCart } from './cart.ts';

const percent = (bp: number): Discount => ({ kind: 'percent', bp });
const amount = (minor: number): Discount => ({ kind: 'amount', amount: minor });

let seq = 0;
function line(over: Partial<CartLine> = {}): CartLine {
  seq += 1;
  return {
    lineId: `line-${seq}`,
    productId: `product-${seq}`,
    name: 'Item',
    qtyMilli: 1000,
    unitPrice: 100,
    listPrice: over.unitPrice ?? 100,
    overrideReason: null,
    discount: NO_DISCOUNT,
    taxRateBp: 1300,
    weighed: false,
    ...over,
  };
}
const cart = (lines: CartLine[], cartDiscount: Discount = NO_DISCOUNT, pricesIncludeTax = true): Cart => ({
  lines,
  cartDiscount,
  pricesIncludeTax,
});

describe('priceCart', () => {
  it('prices 2 × 3.50 at 13 % tax-inclusive with 10 % off the cart', () => {
    const priced = priceCart(cart([line({ qtyMilli: 2000, unitPrice: 350 })], percent(1000)));
    // 7.00 − 0.70 = 6.30; tax = 6.30 × 13/113 = 0.7248 → 0.72; net 5.58.
    expect(priced.lines[0]).toMatchObject({
      amount: 700,
      lineDiscount: 0,
      cartDiscountShare: 70,
      discount: 70,
      net: 558,
      tax: 72,
      gross: 630,
    });
    expect(priced.totals).toEqual({
      amountBeforeDiscount: 700,
      lineDiscount: 0,
      cartDiscount: 70,
      discount: 70,
      net: 558,
      tax: 72,
      gross: 630,
    });
    expect(priced.taxBreakdown.rows).toEqual([{ rateBp: 1300, net: 558, tax: 72, gross: 630 }]);
    expect(priced.itemCount).toBe(2);
    expect(discountPercentOf(priced)).toBe(1000);
  });

  it('applies line discounts first, then spreads the cart discount over what is left', () => {
    const priced = priceCart(
      cart(
        [
          line({ unitPrice: 1000, discount: percent(2000), taxRateBp: 1300 }), // 10.00 − 2.00 = 8.00
          line({ qtyMilli: 1500, unitPrice: 1999, taxRateBp: 900, weighed: true }), // 1.5 kg × 19.99 = 29.985 → 29.99
          line({ unitPrice: 201, taxRateBp: 0 }),
        ],
        amount(500),
      ),
    );
    // Cart 5.00 over 8.00 / 29.99 / 2.01 (Σ 40.00): 1.00, 3.749 → 3.75, 0.251 → 0.25.
    expect(priced.lines.map((l) => [l.lineDiscount, l.cartDiscountShare])).toEqual([
      [200, 100],
      [0, 375],
      [0, 25],
    ]);
    // 7.00 at 13 %: 0.805 → 0.81; 26.24 at 9 %: 2.1666 → 2.17; 1.76 at 0 %.
    expect(priced.lines.map((l) => [l.net, l.tax, l.gross])).toEqual([
      [619, 81, 700],
      [2407, 217, 2624],
      [176, 0, 176],
    ]);
    expect(priced.totals).toMatchObject({ amountBeforeDiscount: 4200, discount: 700, gross: 3500, tax: 298, net: 3202 });
    expect(priced.taxBreakdown.rows.map((r) => r.rateBp)).toEqual([1300, 900, 0]);
    expect(priced.itemCount).toBe(3); // the weighed line counts as one item
  });

  it('adds tax on top when prices exclude it', () => {
    const priced = priceCart(cart([line({ qtyMilli: 3000, unitPrice: 333 })], NO_DISCOUNT, false));
    // 9.99 net, 13 % = 1.2987 → 1.30, gross 11.29.
    expect(priced.totals).toMatchObject({ net: 999, tax: 130, gross: 1129 });
  });

  it('caps discounts so nothing goes negative', () => {
    const priced = priceCart(cart([line({ unitPrice: 300, discount: amount(500) }), line({ unitPrice: 200 })], amount(10_000)));
    expect(priced.lines.map((l) => l.gross)).toEqual([0, 0]);
    expect(priced.totals).toMatchObject({ lineDiscount: 300, cartDiscount: 200, discount: 500, gross: 0 });
  });

  it('prices an empty cart as zero', () => {
    const priced = priceCart(cart([], percent(1000)));
    expect(priced.totals.gross).toBe(0);
    expect(discountPercentOf(priced)).toBe(0);
  });

  it('refuses lines the sale event would refuse', () => {
    expect(() => priceCart(cart([line({ qtyMilli: 0 })]))).toThrow(/positive/);
    expect(() => priceCart(cart([line({ unitPrice: -1 })]))).toThrow(/negative/);
    expect(() => priceCart(cart([line({ taxRateBp: 10_001 })]))).toThrow(/100 %/);
    expect(() => priceCart(cart([line({ unitPrice: 1.5 })]))).toThrow(RangeError);
  });
});

describe('needsManager', () => {
  it('passes discounts within the limit, even where a percentage rounds up', () => {
    // 10 % of 19.95 = 1.995 → 2.00, which is more than 10 % but is the 10 % discount.
    const priced = priceCart(cart([line({ unitPrice: 1995, discount: percent(1000) })]));
    expect(approvalReasons(priced, 1000)).toEqual([]);
    expect(needsManager(priced, 999)).toBe(true);
  });

  it('names each reason', () => {
    const a = line({ unitPrice: 1000, discount: percent(1500) });
    const b = line({ unitPrice: 800, listPrice: 1000, overrideReason: 'damaged box' });
    expect(approvalReasons(priceCart(cart([a, b])), 1000)).toEqual([
      { kind: 'line_discount', lineId: a.lineId },
      { kind: 'price_below_list', lineId: b.lineId },
    ]);
    expect(approvalReasons(priceCart(cart([line({ unitPrice: 1000 })], percent(1100))), 1000)).toEqual([
      { kind: 'cart_discount' },
      { kind: 'total_discount' },
    ]);
  });

  it('judges the discount actually taken, not the percentage typed', () => {
    // 10.01 % of 10.00 = 1.001 → 1.00: exactly a 10 % discount.
    expect(needsManager(priceCart(cart([line({ unitPrice: 1000 })], percent(1001))), 1000)).toBe(false);
  });

  it('catches stacked discounts that are each within the limit', () => {
    const priced = priceCart(cart([line({ unitPrice: 1000, discount: percent(1000) })], percent(1000)));
    expect(approvalReasons(priced, 1000)).toEqual([{ kind: 'total_discount' }]);
    expect(discountPercentOf(priced)).toBe(1900);
  });

  it('does not ask for a raised price, and the override permission is its own approval', () => {
    const up = priceCart(cart([line({ unitPrice: 1200, listPrice: 1000, overrideReason: 'special order' })]));
    expect(needsManager(up, 0)).toBe(false);
    const down = priceCart(cart([line({ unitPrice: 800, listPrice: 1000, overrideReason: 'damaged' })]));
    expect(needsManager(down, 10_000)).toBe(true);
    expect(needsManager(down, 0, true)).toBe(false);
  });
});

const discountArb: fc.Arbitrary<Discount> = fc.oneof(
  fc.integer({ min: 0, max: 10_000 }).map(percent),
  fc.nat({ max: 200_000 }).map(amount),
);
const lineArb = fc
  .record({
    qtyMilli: fc.integer({ min: 1, max: 50_000 }),
    unitPrice: fc.nat({ max: 100_000 }),
    discount: discountArb,
    taxRateBp: fc.constantFrom(0, 300, 600, 900, 1300, 10_000),
    weighed: fc.boolean(),
  })
  .map((l) => line(l));
const cartArb = fc.record({
  lines: fc.array(lineArb, { maxLength: 12 }),
  cartDiscount: discountArb,
  pricesIncludeTax: fc.boolean(),
});

describe('priceCart properties', () => {
  it('keeps every line and total consistent and never negative', () => {
    fc.assert(
      fc.property(cartArb, (c) => {
        const p = priceCart(c);
        const sum = (f: (l: (typeof p.lines)[number]) => number) => p.lines.reduce((s, l) => s + f(l), 0);
        for (const l of p.lines) {
          expect(l.net + l.tax).toBe(l.gross);
          expect(l.discount).toBe(l.lineDiscount + l.cartDiscountShare);
          expect(l.discount).toBeLessThanOrEqual(l.amount);
          for (const v of [l.net, l.tax, l.gross, l.lineDiscount, l.cartDiscountShare]) expect(v).toBeGreaterThanOrEqual(0);
        }
        expect(p.totals.gross).toBe(sum((l) => l.gross));
        expect(p.totals.net + p.totals.tax).toBe(p.totals.gross);
        expect(sum((l) => l.cartDiscountShare)).toBe(p.totals.cartDiscount);
        expect(p.totals.amountBeforeDiscount - p.totals.discount).toBe(sum((l) => l.amount - l.discount));
        expect(p.taxBreakdown.totals).toEqual({ net: p.totals.net, tax: p.totals.tax, gross: p.totals.gross });
        if (c.cartDiscount.kind === 'amount') {
          const subtotal = p.totals.amountBeforeDiscount - p.totals.lineDiscount;
          expect(p.totals.cartDiscount).toBe(Math.min(c.cartDiscount.amount, subtotal));
        }
      }),
    );
  });

  it('never asks a manager about a cart without discounts or overrides', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 8 }), fc.integer({ min: 0, max: 10_000 }), (lines, maxBp) => {
        const plain = lines.map((l) => ({ ...l, discount: NO_DISCOUNT }));
        expect(needsManager(priceCart(cart(plain)), maxBp)).toBe(false);
      }),
    );
  });
});
