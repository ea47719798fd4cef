import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatQuantity, lineAmount, parseQuantity } from './quantity.ts';

describe('parseQuantity', () => {
  it('reads up to three decimals as thousandths', () => {
    expect(parseQuantity('1.5')).toBe(1500);
    expect(parseQuantity('1')).toBe(1000);
    expect(parseQuantity('0.001')).toBe(1);
    expect(parseQuantity('2.345')).toBe(2345);
    expect(parseQuantity('-1')).toBe(-1000);
  });

  it('rejects a fourth decimal and malformed text', () => {
    expect(() => parseQuantity('1.2345')).toThrow(/quantity "1.2345" has more than 3 decimal places/);
    expect(() => parseQuantity('1,5')).toThrow(/quantity "1,5" is not a decimal number/);
    expect(() => parseQuantity('')).toThrow(/quantity/);
  });
});

describe('formatQuantity', () => {
  it('drops trailing zeros', () => {
    expect(formatQuantity(1500)).toBe('1.5');
    expect(formatQuantity(1000)).toBe('1');
    expect(formatQuantity(10_000)).toBe('10');
    expect(formatQuantity(1005)).toBe('1.005');
    expect(formatQuantity(5)).toBe('0.005');
    expect(formatQuantity(0)).toBe('0');
    expect(formatQuantity(-250)).toBe('-0.25');
    expect(() => formatQuantity(1.5)).toThrow(RangeError);
  });

  it('round-trips through parseQuantity', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (qty) => {
        expect(parseQuantity(formatQuantity(qty))).toBe(qty);
      }),
    );
  });
});

describe('lineAmount', () => {
  it('multiplies quantity by unit price, rounding half-up to the minor unit', () => {
    expect(lineAmount(1000, 1999)).toBe(1999); // 1 × 19.99
    expect(lineAmount(3000, 250)).toBe(750); // 3 × 2.50
    expect(lineAmount(1500, 1999)).toBe(2999); // 1.5 kg × 19.99 = 29.985 → 29.99
    expect(lineAmount(333, 1000)).toBe(333); // 0.333 kg × 10.00 = 3.33
    expect(lineAmount(1, 499)).toBe(0); // 0.001 × 4.99 = 0.00499 → 0.00
    expect(lineAmount(1, 500)).toBe(1); // 0.001 × 5.00 = 0.005 → 0.01
    expect(lineAmount(-1500, 1999)).toBe(-2999); // a return mirrors the sale
  });
});
