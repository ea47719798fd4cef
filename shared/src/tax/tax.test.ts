import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineTax, taxBreakdown } from './tax.ts';

describe('lineTax, prices including tax', () => {
  it('splits the shelf price into net and tax', () => {
    expect(lineTax(11_300, 1300, true)).toEqual({ net: 10_000, tax: 1300, gross: 11_300 }); // 113.00 at 13 %
    expect(lineTax(1, 1300, true)).toEqual({ net: 1, tax: 0, gross: 1 }); // 0.01: tax 0.00115 → 0.00
    expect(lineTax(1000, 1300, true)).toEqual({ net: 885, tax: 115, gross: 1000 }); // 10.00: tax 1.1504 → 1.15
    expect(lineTax(1060, 600, true)).toEqual({ net: 1000, tax: 60, gross: 1060 }); // 10.60 at 6 %
    expect(lineTax(999, 0, true)).toEqual({ net: 999, tax: 0, gross: 999 });
  });

  it('rounds an exact half up', () => {
    // 0.03 at 20 %: tax 3 × 2000 / 12000 = 0.5 cent → 1
    expect(lineTax(3, 2000, true)).toEqual({ net: 2, tax: 1, gross: 3 });
  });

  it('mirrors refunds exactly', () => {
    expect(lineTax(-11_300, 1300, true)).toEqual({ net: -10_000, tax: -1300, gross: -11_300 });
    expect(lineTax(-3, 2000, true)).toEqual({ net: -2, tax: -1, gross: -3 });
  });
});

describe('lineTax, prices excluding tax', () => {
  it('adds tax on top of the net amount', () => {
    expect(lineTax(1000, 600, false)).toEqual({ net: 1000, tax: 60, gross: 1060 }); // 10.00 at 6 % → 0.60
    expect(lineTax(10_000, 1300, false)).toEqual({ net: 10_000, tax: 1300, gross: 11_300 });
    expect(lineTax(50, 900, false)).toEqual({ net: 50, tax: 5, gross: 55 }); // 0.50 × 9 % = 0.045 → 0.05
    expect(lineTax(50, 1300, false)).toEqual({ net: 50, tax: 7, gross: 57 }); // 0.065 → 0.07
    expect(lineTax(-50, 1300, false)).toEqual({ net: -50, tax: -7, gross: -57 });
    expect(lineTax(44, 900, false)).toEqual({ net: 44, tax: 4, gross: 48 }); // 0.0396 → 0.04
  });

  it('refuses negative or fractional rates and amounts', () => {
    expect(() => lineTax(100, -1, false)).toThrow(RangeError);
    expect(() => lineTax(100, 13.5, false)).toThrow(RangeError);
    expect(() => lineTax(1.5, 1300, false)).toThrow(RangeError);
  });
});

describe('lineTax properties', () => {
  const amount = fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 });
  const rate = fc.integer({ min: 0, max: 10_000 });

  it('inclusive: net + tax is the price exactly, and tax matches the exclusive computation within one unit', () => {
    fc.assert(
      fc.property(amount, rate, (gross, rateBp) => {
        const inc = lineTax(gross, rateBp, true);
        expect(inc.net + inc.tax).toBe(gross);
        expect(inc.gross).toBe(gross);
        const exc = lineTax(inc.net, rateBp, false);
        expect(Math.abs(exc.tax - inc.tax)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('exclusive: gross is net + tax, and tax is within half a unit of net × rate', () => {
    fc.assert(
      fc.property(amount, rate, (net, rateBp) => {
        const exc = lineTax(net, rateBp, false);
        expect(exc.gross).toBe(exc.net + exc.tax);
        const error = BigInt(exc.tax) * 10_000n - BigInt(net) * BigInt(rateBp);
        expect(error <= 5_000n && error >= -5_000n).toBe(true);
      }),
    );
  });
});

describe('taxBreakdown', () => {
  it('sums per-line rounded figures per rate, highest rate first', () => {
    const lines = [
      { amount: 1000, rateBp: 1300 }, // 8.85 + 1.15
      { amount: 1000, rateBp: 1300 }, // 8.85 + 1.15
      { amount: 530, rateBp: 600 }, // 5.00 + 0.30
      { amount: 200, rateBp: 900 }, // 1.83 + 0.17 (0.1651…)
      { amount: 150, rateBp: 0 },
    ];
    expect(taxBreakdown(lines, true)).toEqual({
      rows: [
        { rateBp: 1300, net: 1770, tax: 230, gross: 2000 },
        { rateBp: 900, net: 183, tax: 17, gross: 200 },
        { rateBp: 600, net: 500, tax: 30, gross: 530 },
        { rateBp: 0, net: 150, tax: 0, gross: 150 },
      ],
      totals: { net: 2603, tax: 277, gross: 2880 },
    });
  });

  it('rounds per line, not on the row total', () => {
    // Three 0.05 lines at 9 % exclusive: 0.0045 each → 0.00; on the total 0.0135 → 0.01.
    const { rows, totals } = taxBreakdown(
      [5, 5, 5].map((amount) => ({ amount, rateBp: 900 })),
      false,
    );
    expect(rows).toEqual([{ rateBp: 900, net: 15, tax: 0, gross: 15 }]);
    expect(totals).toEqual({ net: 15, tax: 0, gross: 15 });
  });

  it('is empty for no lines', () => {
    expect(taxBreakdown([], true)).toEqual({ rows: [], totals: { net: 0, tax: 0, gross: 0 } });
  });
});
