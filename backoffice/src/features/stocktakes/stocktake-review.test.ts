import type { StockTakeLine } from '@shopbook/shared';
import { describe, expect, it } from 'vitest';
import { countersText, filterLines, varianceSummary } from './stocktake-review.ts';

const line = (over: Partial<StockTakeLine>): StockTakeLine => ({
  productId: 'p', sku: 'A', name: 'A', unit: 'each', batchId: null, batchNo: null, expiryDate: null, inSnapshot: true,
  expectedQty: '10', countedQty: '10', counters: [], needsReview: false, movesSinceStart: '0', varianceQty: '0', varianceValue: 0, ...over,
});

const lines = [
  line({ sku: 'A', countedQty: '28', expectedQty: '30', varianceQty: '-2', varianceValue: -560 }),
  line({ sku: 'B' }),
  line({ sku: 'C', countedQty: null, varianceQty: '-10', varianceValue: -1000 }),
  line({ sku: 'D', inSnapshot: false, expectedQty: '0', countedQty: '3', varianceQty: '3', varianceValue: 300, needsReview: true }),
];

describe('stock-take review', () => {
  it('filters differences, lines to recount and uncounted lines', () => {
    expect(filterLines(lines, 'differences').map((l) => l.sku)).toEqual(['A', 'C', 'D']);
    expect(filterLines(lines, 'needsReview').map((l) => l.sku)).toEqual(['D']);
    expect(filterLines(lines, 'uncounted').map((l) => l.sku)).toEqual(['C']);
    expect(filterLines(lines, 'all')).toHaveLength(4);
  });

  it('sums found and missing value separately', () => {
    expect(varianceSummary({ lines })).toEqual({ gain: 300, loss: -1560, net: -1260, differences: 3, needsReview: 1 });
  });

  it('treats hidden variances (blind count, counter) as nothing to sum', () => {
    const hidden = lines.map((l) => ({ ...l, varianceQty: null, varianceValue: null }));
    expect(varianceSummary({ lines: hidden })).toMatchObject({ net: 0, differences: 0 });
  });

  it('names who counted what', () => {
    const l = line({ counters: [{ userId: '1', username: 'clerk', qty: '20' }, { userId: null, username: null, qty: '8' }] });
    expect(countersText(l, '?')).toBe('clerk 20, ? 8');
  });
});
