import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateFefo, type FefoBatch } from './fefo.ts';

const batches: FefoBatch[] = [
  { batchId: 'b-none', expiryDate: null, qty: 10_000 },
  { batchId: 'b-june', expiryDate: '2025-06-30', qty: 2000 },
  { batchId: 'b-may-2', expiryDate: '2025-05-31', qty: 1000 },
  { batchId: 'b-may-1', expiryDate: '2025-05-31', qty: 1500 },
  { batchId: 'b-empty', expiryDate: '2025-01-31', qty: 0 },
  { batchId: 'b-minus', expiryDate: '2025-02-28', qty: -500 },
];

describe('allocateFefo', () => {
  it('takes the soonest expiry first, batch id breaking ties, undated last', () => {
    expect(allocateFefo(batches, 4000)).toEqual({
      allocations: [
        { batchId: 'b-may-1', qty: 1500 },
        { batchId: 'b-may-2', qty: 1000 },
        { batchId: 'b-june', qty: 1500 },
      ],
      shortfall: 0,
    });
    expect(allocateFefo(batches, 6000).allocations.at(-1)).toEqual({ batchId: 'b-none', qty: 1500 });
  });

  it('reports what it could not cover instead of overdrawing a batch', () => {
    const result = allocateFefo(batches, 20_000);
    expect(result.allocations.map((a) => a.qty)).toEqual([1500, 1000, 2000, 10_000]);
    expect(result.shortfall).toBe(5500);
    expect(allocateFefo([], 1000)).toEqual({ allocations: [], shortfall: 1000 });
  });

  it('consumes a named batch first, then carries on by expiry', () => {
    expect(allocateFefo(batches, 2500, { namedBatchId: 'b-june' })).toEqual({
      allocations: [
        { batchId: 'b-june', qty: 2000 },
        { batchId: 'b-may-1', qty: 500 },
      ],
      shortfall: 0,
    });
    // A named batch without stock, or unknown here, adds nothing.
    expect(allocateFefo(batches, 1000, { namedBatchId: 'b-empty' }).allocations).toEqual([{ batchId: 'b-may-1', qty: 1000 }]);
    expect(allocateFefo(batches, 1000, { namedBatchId: 'nope' }).allocations).toEqual([{ batchId: 'b-may-1', qty: 1000 }]);
  });

  it('wants nothing, gets nothing', () => {
    expect(allocateFefo(batches, 0)).toEqual({ allocations: [], shortfall: 0 });
  });

  it('refuses bad input', () => {
    expect(() => allocateFefo(batches, -1)).toThrow('wanted quantity must not be negative');
    expect(() => allocateFefo(batches, 0.5)).toThrow(RangeError);
    expect(() => allocateFefo([{ batchId: 'x', expiryDate: '31/05/2025', qty: 1 }], 1)).toThrow('is not YYYY-MM-DD');
    const twice = [batches[1], batches[1]] as FefoBatch[];
    expect(() => allocateFefo(twice, 1)).toThrow('batch b-june is listed twice');
  });

  it('does not reorder the caller’s array', () => {
    const copy = batches.map((b) => ({ ...b }));
    allocateFefo(copy, 20_000, { namedBatchId: 'b-june' });
    expect(copy).toEqual(batches);
  });
});

const dateArb = fc.option(
  fc.record({ m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) }).map(
    ({ m, d }) => `2025-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
  ),
);
const batchesArb = fc.uniqueArray(
  fc.record({ batchId: fc.string({ maxLength: 4 }), expiryDate: dateArb, qty: fc.integer({ min: -5000, max: 50_000 }) }),
  { selector: (b) => b.batchId, maxLength: 12 },
);

describe('allocateFefo properties', () => {
  it('allocates min(wanted, stock), never past a batch, and the shortfall is the rest', () => {
    fc.assert(
      fc.property(batchesArb, fc.integer({ min: 0, max: 300_000 }), fc.option(fc.string({ maxLength: 4 })), (bs, wanted, named) => {
        const { allocations, shortfall } = allocateFefo(bs, wanted, named === null ? {} : { namedBatchId: named });
        const onHand = new Map(bs.map((b) => [b.batchId, b.qty]));
        const totalPositive = bs.reduce((s, b) => s + Math.max(0, b.qty), 0);
        const allocated = allocations.reduce((s, a) => s + a.qty, 0);
        expect(allocated).toBe(Math.min(wanted, totalPositive));
        expect(shortfall).toBe(wanted - allocated);
        expect(new Set(allocations.map((a) => a.batchId)).size).toBe(allocations.length);
        for (const a of allocations) {
          expect(a.qty).toBeGreaterThan(0);
          expect(a.qty).toBeLessThanOrEqual(onHand.get(a.batchId) ?? 0);
        }
        // Only the last batch drawn may be left with stock: FEFO empties each before the next.
        for (const a of allocations.slice(0, -1)) expect(a.qty).toBe(onHand.get(a.batchId));
      }),
    );
  });

  it('draws in expiry order (after any named batch)', () => {
    fc.assert(
      fc.property(batchesArb, fc.integer({ min: 0, max: 300_000 }), (bs, wanted) => {
        const expiry = new Map(bs.map((b) => [b.batchId, b.expiryDate ?? '9999-99-99']));
        const dates = allocateFefo(bs, wanted).allocations.map((a) => expiry.get(a.batchId) ?? '');
        expect(dates).toEqual([...dates].sort());
      }),
    );
  });
});
