import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineShare } from './invoicing.ts';

describe('billing a line in parts', () => {
  it('splits 10.00 over 3 units as 3.33, 3.34, 3.33', () => {
    expect([lineShare(1000, 0, 1000, 3000), lineShare(1000, 1000, 1000, 3000), lineShare(1000, 2000, 1000, 3000)]).toEqual([333, 334, 333]);
  });

  it('adds up to the line amount whatever the parts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.array(fc.integer({ min: 1, max: 9000 }), { minLength: 1, maxLength: 8 }), (amount, parts) => {
        const total = parts.reduce((s, p) => s + p, 0);
        let done = 0;
        let sum = 0;
        for (const p of parts) {
          sum += lineShare(amount, done, p, total);
          done += p;
        }
        expect(sum).toBe(amount);
      }),
    );
  });

  it('refuses a share beyond the line', () => {
    expect(() => lineShare(100, 2000, 2000, 3000)).toThrow(RangeError);
  });
});
