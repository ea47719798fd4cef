import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineCostMinor } from '../inventory/costing.ts';
import { agingBucket, dueDate, grniCleared, invoiceLineAmounts, netForStockQty } from './invoice-match.ts';

describe('three-way match of an invoice line', () => {
  const order = { priceMinor: 2400, taxRateBp: 1300 }; // 24.00 a case of 12

  it('bills stock units at the price per purchase unit', () => {
    expect(netForStockQty(24_000, 12_000, 2400)).toBe(4800); // two cases
    expect(netForStockQty(5_000, 12_000, 2400)).toBe(1000); // 5 of 12 × 24.00
    const a = invoiceLineAmounts({ qtyMilli: 24_000, packSizeMilli: 12_000, priceMinor: 2400, taxRateBp: 1300 }, order);
    expect(a).toMatchObject({ net: 4800, tax: 624, gross: 5424, baseNet: 4800, baseTax: 624, expectedBaseNet: 4800, differences: [], needsApproval: false });
  });

  it('flags a price difference, and asks for approval only beyond 0.5 %', () => {
    const small = invoiceLineAmounts({ qtyMilli: 120_000, packSizeMilli: 12_000, priceMinor: 2410, taxRateBp: 1300 }, order);
    expect(small).toMatchObject({ baseNet: 24100, expectedBaseNet: 24000, differences: ['price'], needsApproval: false });
    const big = invoiceLineAmounts({ qtyMilli: 120_000, packSizeMilli: 12_000, priceMinor: 2500, taxRateBp: 1300 }, order);
    expect(big).toMatchObject({ differences: ['price'], needsApproval: true });
  });

  it('always asks for approval of another tax rate', () => {
    expect(invoiceLineAmounts({ qtyMilli: 12_000, packSizeMilli: 12_000, priceMinor: 2400, taxRateBp: 900 }, order)).toMatchObject({
      differences: ['tax_rate'], needsApproval: true,
    });
  });

  it('converts a foreign-currency invoice at the order rate', () => {
    const usd = { rateMicro: 7_123_456, orderDecimals: 2, baseDecimals: 2 };
    const a = invoiceLineAmounts({ qtyMilli: 1_000, packSizeMilli: 1_000, priceMinor: 1000, taxRateBp: 0 }, { priceMinor: 1000, taxRateBp: 0 }, usd);
    expect([a.net, a.baseNet, a.expectedBaseNet]).toEqual([1000, 7123, 7123]);
  });
});

describe('goods received not invoiced', () => {
  it('is cleared, over any split into invoices, by exactly what the receipt booked', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.array(fc.integer({ min: 1, max: 50_000 }), { minLength: 1, maxLength: 8 }), (cost4, parts) => {
        let before = 0;
        let cleared = 0;
        for (const q of parts) {
          cleared += grniCleared(before, q, cost4);
          before += q;
        }
        expect(cleared).toBe(lineCostMinor(before, cost4));
      }),
    );
  });
});

describe('due dates and aging', () => {
  it('adds the payment terms across months and years', () => {
    expect(dueDate('2026-11-23', 30)).toBe('2026-12-23');
    expect(dueDate('2026-12-15', 30)).toBe('2027-01-14');
    expect(dueDate('2028-02-15', 14)).toBe('2028-02-29');
    expect(dueDate('2026-03-01', 0)).toBe('2026-03-01');
  });

  it('buckets by days past due', () => {
    expect(agingBucket('2026-03-10', '2026-03-10')).toBe('current');
    expect(agingBucket('2026-03-10', '2026-03-01')).toBe('current');
    expect(agingBucket('2026-03-10', '2026-03-11')).toBe('d1_30');
    expect(agingBucket('2026-03-10', '2026-04-09')).toBe('d1_30');
    expect(agingBucket('2026-03-10', '2026-04-10')).toBe('d31_60');
    expect(agingBucket('2026-03-10', '2026-05-09')).toBe('d31_60');
    expect(agingBucket('2026-03-10', '2026-05-10')).toBe('d61_90');
    expect(agingBucket('2026-03-10', '2026-06-09')).toBe('d90_plus');
  });
});
