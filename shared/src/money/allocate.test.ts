import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate } from './allocate.ts';

describe('allocate', () => {
  it('splits by weight with the largest remainders getting the leftover', () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(5, [3, 7])).toEqual([2, 3]); // exact 1.5 / 3.5: tie goes to the lower index
    expect(allocate(1000, [1999, 2999, 5002])).toEqual([200, 300, 500]);
    expect(allocate(10, [1, 2, 3, 4])).toEqual([1, 2, 3, 4]);
    // exact shares 3.33…, 6.66…: the larger remainder (index 1) gets the leftover unit.
    expect(allocate(10, [1, 2])).toEqual([3, 7]);
  });

  it('gives zero-weight parts nothing', () => {
    expect(allocate(7, [0, 5, 0])).toEqual([0, 7, 0]);
  });

  it('splits evenly when every weight is zero', () => {
    expect(allocate(10, [0, 0, 0])).toEqual([4, 3, 3]);
  });

  it('mirrors negative totals', () => {
    expect(allocate(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
    expect(allocate(0, [1, 2])).toEqual([0, 0]);
    expect(allocate(0, [1, 2]).every((p) => Object.is(p, 0))).toBe(true);
  });

  it('rejects what cannot be split', () => {
    expect(() => allocate(10, [])).toThrow(RangeError);
    expect(() => allocate(10, [1, -1])).toThrow(/weight 1/);
    expect(() => allocate(10, [1.5])).toThrow(RangeError);
    expect(() => allocate(10.5, [1])).toThrow(RangeError);
  });

  it('always sums to the total, each part within one unit of its exact share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
        fc.array(fc.nat({ max: 1_000_000 }), { minLength: 1, maxLength: 20 }),
        (total, weights) => {
          const parts = allocate(total, weights);
          expect(parts).toHaveLength(weights.length);
          expect(parts.reduce((s, p) => s + p, 0)).toBe(total);
          const effective = weights.some((w) => w > 0) ? weights : weights.map(() => 1);
          const sum = BigInt(effective.reduce((s, w) => s + w, 0));
          parts.forEach((part, i) => {
            // |part − total·w/W| ≤ 1  ⇔  |part·W − total·w| ≤ W, in exact integers.
            const diff = BigInt(part) * sum - BigInt(total) * BigInt(effective[i]!);
            expect(diff <= sum && diff >= -sum).toBe(true);
          });
        },
      ),
    );
  });
});
