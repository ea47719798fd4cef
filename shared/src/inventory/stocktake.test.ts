import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countVariance, mergeCounts, varianceValue } from './stocktake.ts';

describe('countVariance', () => {
  it('counts sales made during the count as already gone from the shelf', () => {
    // Book 100 at the snapshot; 5 sold while counting; two counters find 60 + 35.
    expect(countVariance({ expectedAtSnapshot: 100_000, movesSinceSnapshot: -5000, counted: [60_000, 35_000] })).toBe(0);
    // Finding 90 means 5 are missing, not 10.
    expect(countVariance({ expectedAtSnapshot: 100_000, movesSinceSnapshot: -5000, counted: [60_000, 30_000] })).toBe(-5000);
    // A receipt during the count: book 10 + 4 in, 15 counted → one found.
    expect(countVariance({ expectedAtSnapshot: 10_000, movesSinceSnapshot: 4000, counted: [15_000] })).toBe(1000);
  });

  it('works with negative book stock and correcting entries', () => {
    expect(countVariance({ expectedAtSnapshot: -2000, movesSinceSnapshot: 0, counted: [3000, -1000] })).toBe(4000);
  });

  it('refuses an uncounted product and a negative total', () => {
    expect(() => countVariance({ expectedAtSnapshot: 1000, movesSinceSnapshot: 0, counted: [] })).toThrow('was not counted');
    expect(() => countVariance({ expectedAtSnapshot: 1000, movesSinceSnapshot: 0, counted: [1000, -2000] })).toThrow(
      'counted total must not be negative, got -1000',
    );
    expect(() => countVariance({ expectedAtSnapshot: 1000, movesSinceSnapshot: 0, counted: [0.5] })).toThrow(RangeError);
  });

  it('is zero whenever the count equals expected plus moves, however it was split between counters', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000, max: 1_000_000_000 }),
        fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 5 }),
        (expected, moves, weights) => {
          const onShelf = expected + moves;
          fc.pre(onShelf >= 0);
          // Split onShelf into weights.length non-negative parts.
          const sumW = weights.reduce((s, w) => s + w, 0) || 1;
          const parts = weights.map((w) => Math.floor((onShelf * w) / sumW));
          parts[0] = (parts[0] ?? 0) + onShelf - parts.reduce((s, p) => s + p, 0);
          expect(countVariance({ expectedAtSnapshot: expected, movesSinceSnapshot: moves, counted: parts })).toBe(0);
        },
      ),
    );
  });
});

describe('varianceValue', () => {
  it('values the variance at the average, signed and half-up away from zero', () => {
    expect(varianceValue(-2500, 5_750_000)).toBe(-1438); // 2.5 × 5.75 = 14.375 → −14.38
    expect(varianceValue(2500, 5_750_000)).toBe(1438);
    expect(varianceValue(0, 5_750_000)).toBe(0);
    expect(varianceValue(-1, 1_234_567)).toBe(0); // 0.001 × 123.4567 minor = 0.12 minor
  });
});

describe('mergeCounts', () => {
  it('sums per product and flags products two counters counted', () => {
    const merged = mergeCounts([
      { counter: 'ana', productId: 'milk', qty: 12_000 },
      { counter: 'bo', productId: 'bread', qty: 4000 },
      { counter: 'ana', productId: 'milk', qty: 3000 }, // the back shelf: same counter, fine
      { counter: 'bo', productId: 'milk', qty: 12_000 }, // counted again by someone else
    ]);
    expect(merged).toEqual([
      {
        productId: 'milk',
        qty: 27_000,
        counters: ['ana', 'bo'],
        needsReview: true,
        entries: [
          { counter: 'ana', qty: 12_000 },
          { counter: 'ana', qty: 3000 },
          { counter: 'bo', qty: 12_000 },
        ],
      },
      { productId: 'bread', qty: 4000, counters: ['bo'], needsReview: false, entries: [{ counter: 'bo', qty: 4000 }] },
    ]);
    expect(mergeCounts([])).toEqual([]);
    expect(() => mergeCounts([{ counter: 'ana', productId: 'milk', qty: 1.5 }])).toThrow(RangeError);
  });

  it('keeps every entry: merged totals add up to the sum of all entries', () => {
    const entryArb = fc.record({
      counter: fc.constantFrom('ana', 'bo', 'cy'),
      productId: fc.constantFrom('p1', 'p2', 'p3', 'p4'),
      qty: fc.integer({ min: -1000, max: 100_000 }),
    });
    fc.assert(
      fc.property(fc.array(entryArb, { maxLength: 30 }), (entries) => {
        const merged = mergeCounts(entries);
        expect(merged.reduce((s, m) => s + m.qty, 0)).toBe(entries.reduce((s, e) => s + e.qty, 0));
        for (const m of merged) {
          const own = entries.filter((e) => e.productId === m.productId);
          expect(m.needsReview).toBe(new Set(own.map((e) => e.counter)).size > 1);
        }
      }),
    );
  });
});
