import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  formatExchangeRate, orderLineAmounts, orderTotals, parseExchangeRate, SAME_CURRENCY, stockQuantity, toBaseMinor, unitCostPerStockUnit,
} from './amounts.ts';

const usd = { rateMicro: parseExchangeRate('7.123456'), orderDecimals: 2, baseDecimals: 2 };

describe('exchange rates', () => {
  it('parses up to 6 decimals and refuses zero, signs, exponents and more digits', () => {
    expect(parseExchangeRate('7.1')).toBe(7_100_000);
    expect(parseExchangeRate('0.000001')).toBe(1);
    expect(formatExchangeRate(7_100_000)).toBe('7.1');
    expect(formatExchangeRate(1_000_000)).toBe('1');
    for (const bad of ['0', '0.000000', '-1', '1e3', '1.1234567', '', ' 7', '7.']) expect(() => parseExchangeRate(bad), bad).toThrow(RangeError);
  });

  it('converts half-up to the base minor unit, across currencies with other minor units', () => {
    expect(toBaseMinor(10_000, usd)).toBe(71_235); // 100.00 × 7.123456 = 712.3456 → 712.35
    expect(toBaseMinor(-10_000, usd)).toBe(-71_235);
    expect(toBaseMinor(12_345, SAME_CURRENCY)).toBe(12_345);
    // 1000 JPY (no minor unit) at 0.048 CNY → 48.00 CNY
    expect(toBaseMinor(1000, { rateMicro: parseExchangeRate('0.048'), orderDecimals: 0, baseDecimals: 2 })).toBe(4800);
  });
});

describe('order line amounts', () => {
  it('converts purchase units to stock units exactly, refusing more than 3 decimals', () => {
    expect(stockQuantity(10_000, 24_000)).toBe(240_000);
    expect(stockQuantity(1_500, 12_000)).toBe(18_000);
    expect(() => stockQuantity(500, 125)).toThrow(/3 decimals/); // 0.5 × 0.125
    expect(() => stockQuantity(1000, 0)).toThrow(RangeError);
  });

  it('prices a line net, adds tax per line, converts each figure and costs one stock unit', () => {
    // 10 cases of 24 at 43.20 a case, 13 % VAT, same currency.
    const a = orderLineAmounts({ qtyMilli: 10_000, packSizeMilli: 24_000, priceMinor: 4320, taxRateBp: 1300 });
    expect(a).toEqual({ stockQtyMilli: 240_000, net: 43_200, tax: 5616, gross: 48_816, baseNet: 43_200, baseTax: 5616, baseGross: 48_816, unitCost4: 1_800_000 });
    // 3 cases of 7 at 10.00 USD: 1.428571… USD a piece × 7.123456 = 10.1763657… CNY → 1017.6366 minor units.
    const b = orderLineAmounts({ qtyMilli: 3000, packSizeMilli: 7000, priceMinor: 1000, taxRateBp: 900 }, usd);
    expect(b).toMatchObject({ net: 3000, tax: 270, gross: 3270, baseNet: 21_370, baseTax: 1923, baseGross: 23_293, unitCost4: 10_176_366 });
    expect(unitCostPerStockUnit(1000, 7000, usd)).toBe(10_176_366);
    expect(orderTotals([a, b])).toEqual({ net: 46_200, tax: 5886, gross: 52_086, baseNet: 64_570, baseTax: 7539, baseGross: 72_109 });
  });

  it('keeps base gross = base net + base tax, and stock value at the unit cost within rounding of the exact net', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: 100 }), fc.integer({ min: 0, max: 10_000_000 }),
        fc.constantFrom(0, 600, 900, 1300), fc.integer({ min: 1, max: 50_000_000 }),
        (qtyMilli, pack, priceMinor, taxRateBp, rateMicro) => {
          const fx = { rateMicro, orderDecimals: 2, baseDecimals: 2 };
          const l = orderLineAmounts({ qtyMilli, packSizeMilli: pack * 1000, priceMinor, taxRateBp }, fx);
          expect(l.baseGross).toBe(l.baseNet + l.baseTax);
          expect(l.gross).toBe(l.net + l.tax);
          // Unrounded base net vs the value the ledger books: qty × 4-decimal unit cost, half-up.
          const exact = (qtyMilli / 1000) * priceMinor * (rateMicro / 1e6);
          const stockValue = Math.round((l.stockQtyMilli * l.unitCost4) / 10_000_000);
          const units = l.stockQtyMilli / 1000;
          expect(Math.abs(stockValue - exact)).toBeLessThanOrEqual(0.5 + units * 0.00005 + 1e-6 * Math.max(1, exact));
        },
      ),
    );
  });
});
