import { describe, expect, it } from 'vitest';
import { customerUnitPrice } from './price.ts';

describe('customerUnitPrice', () => {
  it('takes the discount off the list price, half-up to the minor unit', () => {
    expect(customerUnitPrice(1000, 0)).toBe(1000);
    expect(customerUnitPrice(1000, 500)).toBe(950);
    expect(customerUnitPrice(999, 250)).toBe(974); // 974.025
    expect(customerUnitPrice(10, 2500)).toBe(8); // 7.5 rounds up
    expect(customerUnitPrice(1, 5000)).toBe(1); // 0.5 rounds up
    expect(customerUnitPrice(1999, 10_000)).toBe(0);
  });

  it('is exact for prices near the safe-integer limit', () => {
    expect(customerUnitPrice(Number.MAX_SAFE_INTEGER, 0)).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('refuses discounts outside 0–100 % and bad prices', () => {
    expect(() => customerUnitPrice(100, -1)).toThrow(RangeError);
    expect(() => customerUnitPrice(100, 10_001)).toThrow(RangeError);
    expect(() => customerUnitPrice(100, 1.5)).toThrow(RangeError);
    expect(() => customerUnitPrice(-1, 0)).toThrow(RangeError);
  });
});
