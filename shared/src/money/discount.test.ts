import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Discount, allocateCartDiscount, applyLineDiscount, NO_DISCOUNT } from './discount.ts';

const percent = (bp: number): Discount => ({ kind: 'percent', bp });
const amount = (minor: number): Discount => ({ kind: 'amount', amount: minor });

const discountArb: fc.Arbitrary<Discount> = fc.oneof(
  fc.integer({ min: 0, max: 10_000 }).map(percent),
  fc.nat({ max: 10_000_000 }).map(amount),
);

describe('applyLineDiscount', () => {
  it('takes a percentage rounded half-up', () => {
    expect(applyLineDiscount(1999, percent(1000))).toEqual({ before: 1999, discount: 200, after: 1799 });
    // 12.5 % of 0.04 = 0.005 → 0.01
    expect(applyLineDiscount(4, percent(1250))).toEqual({ before: 4, discount: 1, after: 3 });
    expect(applyLineDiscount(1000, percent(10_000)).after).toBe(0);
    expect(applyLineDiscount(1000, percent(0)).discount).toBe(0);
  });

  it('caps a fixed amount at the line', () => {
    expect(applyLineDiscount(1000, amount(250))).toEqual({ before: 1000, discount: 250, after: 750 });
    expect(applyLineDiscount(300, amount(500))).toEqual({ before: 300, discount: 300, after: 0 });
    expect(applyLineDiscount(300, NO_DISCOUNT).after).toBe(300);
  });

  it('refuses negative discounts, negative lines and percentages over 100 %', () => {
    expect(() => applyLineDiscount(1000, amount(-1))).toThrow(/must not be negative/);
    expect(() => applyLineDiscount(1000, percent(-1))).toThrow(RangeError);
    expect(() => applyLineDiscount(1000, percent(10_001))).toThrow(RangeError);
    expect(() => applyLineDiscount(1000, percent(12.5))).toThrow(RangeError);
    expect(() => applyLineDiscount(-1000, percent(1000))).toThrow(RangeError);
  });

  it('never makes a line negative nor takes a negative discount', () => {
    fc.assert(
      fc.property(fc.nat({ max: 1_000_000_000 }), discountArb, (line, discount) => {
        const result = applyLineDiscount(line, discount);
        expect(result.after).toBeGreaterThanOrEqual(0);
        expect(result.discount).toBeGreaterThanOrEqual(0);
        expect(result.discount + result.after).toBe(line);
      }),
    );
  });
});

describe('allocateCartDiscount', () => {
  it('spreads a fixed discount in proportion to the lines', () => {
    expect(allocateCartDiscount([1000, 2000, 3000], amount(600))).toEqual({
      discount: 600,
      lineDiscounts: [100, 200, 300],
    });
    // 10.00 over three equal lines: 3.34 + 3.33 + 3.33
    expect(allocateCartDiscount([500, 500, 500], amount(1000)).lineDiscounts).toEqual([334, 333, 333]);
  });

  it('rounds a percentage once on the cart total', () => {
    // 5 % of 0.30 = 0.015 → 0.02; per line it would have been 3 × round(0.005) = 0.03.
    expect(allocateCartDiscount([10, 10, 10], percent(500))).toEqual({ discount: 2, lineDiscounts: [1, 1, 0] });
  });

  it('caps the discount at the cart total', () => {
    expect(allocateCartDiscount([100, 0, 250], amount(1000))).toEqual({
      discount: 350,
      lineDiscounts: [100, 0, 250],
    });
    expect(allocateCartDiscount([], amount(1000))).toEqual({ discount: 0, lineDiscounts: [] });
    expect(allocateCartDiscount([0, 0], amount(1000))).toEqual({ discount: 0, lineDiscounts: [0, 0] });
  });

  it('sums exactly to the capped discount and leaves no line negative', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 10_000_000 }), { maxLength: 30 }),
        discountArb,
        (lines, discount) => {
          const { discount: capped, lineDiscounts } = allocateCartDiscount(lines, discount);
          const total = lines.reduce((s, l) => s + l, 0);
          expect(capped).toBe(applyLineDiscount(total, discount).discount);
          expect(capped).toBeLessThanOrEqual(total);
          expect(lineDiscounts.reduce((s, d) => s + d, 0)).toBe(capped);
          lineDiscounts.forEach((d, i) => {
            expect(d).toBeGreaterThanOrEqual(0);
            expect(d).toBeLessThanOrEqual(lines[i]!);
          });
        },
      ),
    );
  });
});
