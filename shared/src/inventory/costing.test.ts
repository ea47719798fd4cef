import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EMPTY_COST_STATE,
  applyInbound,
  applyOutbound,
  costFromMinor,
  costToMinor,
  formatUnitCost4,
  lineCostMinor,
  parseUnitCost4,
  unitCost4FromTotal,
  valueMinor,
  type CostState,
} from './costing.ts';

const units = (n: number): number => n * 1000; // whole pieces → thousandths
const cost = (minor: number): number => costFromMinor(minor);

describe('applyInbound / applyOutbound, worked by hand', () => {
  it('blends 10 @ 5.00 and 30 @ 6.00 into 5.75, then sells 8 for 46.00', () => {
    const a = applyInbound(EMPTY_COST_STATE, units(10), cost(500));
    expect(a).toEqual({ qty: 10_000, avgCost4: 5_000_000 });
    const b = applyInbound(a, units(30), cost(600));
    expect(b).toEqual({ qty: 40_000, avgCost4: 5_750_000 }); // (50 + 180) / 40 = 5.75
    const sold = applyOutbound(b, units(8));
    expect(sold).toEqual({ state: { qty: 32_000, avgCost4: 5_750_000 }, costMinor: 4600 });
    expect(valueMinor(sold.state)).toBe(18_400); // 32 × 5.75
  });

  it('keeps 4 decimals and rounds the average half-up', () => {
    // 1 @ 1.00 + 2 @ 1.01 = 3.02 / 3 = 1.006666… → 1.0067 (100.6667 minor units)
    const s = applyInbound(applyInbound(EMPTY_COST_STATE, units(1), cost(100)), units(2), cost(101));
    expect(s.avgCost4).toBe(1_006_667);
    // An exact tie: (1 + 2) / 2 = 1.5 ten-thousandths → 2.
    expect(applyInbound({ qty: 1000, avgCost4: 1 }, 1000, 2).avgCost4).toBe(2);
    // And just below it rounds down: (1×1 + 1×2) at weights 1001 / 999 → 1.499 → 1.
    expect(applyInbound({ qty: 1001, avgCost4: 1 }, 999, 2).avgCost4).toBe(1);
  });

  it('weighs fractional quantities: 0.5 kg @ 8.00 + 1.5 kg @ 10.00 = 9.50 / kg', () => {
    const s = applyInbound(applyInbound(EMPTY_COST_STATE, 500, cost(800)), 1500, cost(1000));
    expect(s).toEqual({ qty: 2000, avgCost4: 9_500_000 });
    expect(applyOutbound(s, 333).costMinor).toBe(316); // 0.333 × 9.50 = 3.1635 → 3.16
  });

  it('lets stock go negative at the unchanged average, then restarts the average from the next receipt', () => {
    const s = applyInbound(EMPTY_COST_STATE, units(1), cost(500));
    const oversold = applyOutbound(s, units(3));
    expect(oversold).toEqual({ state: { qty: -2000, avgCost4: 5_000_000 }, costMinor: 1500 });
    expect(valueMinor(oversold.state)).toBe(0);
    const refilled = applyInbound(oversold.state, units(5), cost(600));
    expect(refilled).toEqual({ qty: 3000, avgCost4: 6_000_000 });
    // Still negative after the receipt: the receipt's cost is the only meaningful one.
    expect(applyInbound(oversold.state, units(1), cost(700))).toEqual({ qty: -1000, avgCost4: 7_000_000 });
  });

  it('sells from nothing at zero cost rather than inventing one', () => {
    expect(applyOutbound(EMPTY_COST_STATE, units(2))).toEqual({ state: { qty: -2000, avgCost4: 0 }, costMinor: 0 });
  });

  it('refuses non-positive quantities, negative costs and non-integers', () => {
    expect(() => applyInbound(EMPTY_COST_STATE, 0, 1)).toThrow('inbound quantity must be positive, got 0');
    expect(() => applyInbound(EMPTY_COST_STATE, -5, 1)).toThrow('inbound quantity must be positive');
    expect(() => applyInbound(EMPTY_COST_STATE, 1000, -1)).toThrow('inbound unit cost must not be negative');
    expect(() => applyInbound(EMPTY_COST_STATE, 1000, 1.5)).toThrow(RangeError);
    expect(() => applyOutbound(EMPTY_COST_STATE, 0)).toThrow('outbound quantity must be positive, got 0');
    expect(() => applyOutbound({ qty: 1000, avgCost4: -1 }, 1)).toThrow('average cost must not be negative');
    expect(() => valueMinor({ qty: 0.5, avgCost4: 0 })).toThrow(RangeError);
  });
});

describe('unit cost conversions', () => {
  it('converts between minor units and ten-thousandths', () => {
    expect(costFromMinor(575)).toBe(5_750_000);
    expect(costToMinor(5_750_000)).toBe(575);
    expect(costToMinor(5_755_000)).toBe(576); // 575.5 → 576
    expect(costToMinor(5_754_999)).toBe(575);
    expect(costToMinor(-5_755_000)).toBe(-576);
    expect(() => costFromMinor(Number.MAX_SAFE_INTEGER)).toThrow(RangeError);
  });

  it('reads and writes the database numeric(18,4) exactly', () => {
    expect(parseUnitCost4('575.0000')).toBe(5_750_000);
    expect(parseUnitCost4('575.5')).toBe(5_755_000);
    expect(parseUnitCost4('0.0001')).toBe(1);
    expect(formatUnitCost4(5_750_000)).toBe('575.0000');
    expect(formatUnitCost4(1)).toBe('0.0001');
    expect(() => parseUnitCost4('1.00001')).toThrow(/more than 4 decimal places/);
  });

  it('derives a unit cost from a line total', () => {
    expect(unitCost4FromTotal(1000, units(3))).toBe(3_333_333); // 10.00 / 3 = 3.333333
    expect(unitCost4FromTotal(200, units(3))).toBe(666_667); // 2.00 / 3 = 0.666667
    expect(unitCost4FromTotal(2999, 1500)).toBe(19_993_333); // 29.99 for 1.5 kg
    expect(() => unitCost4FromTotal(100, 0)).toThrow('line quantity must be positive');
  });

  it('values a signed quantity half-up away from zero', () => {
    expect(lineCostMinor(1500, 19_990_000)).toBe(2999); // 1.5 × 19.99 = 29.985 → 29.99
    expect(lineCostMinor(-1500, 19_990_000)).toBe(-2999);
    expect(lineCostMinor(1, 49_990_000)).toBe(5); // 0.001 × 4999.00 = 4.999
    expect(lineCostMinor(0, 5_000_000)).toBe(0);
  });
});

// ── properties ───────────────────────────────────────────────────────────────

type Move = { kind: 'in'; qty: number; cost4: number } | { kind: 'out'; qty: number };

const qtyArb = fc.integer({ min: 1, max: 1_000_000_000 }); // up to a million units
const cost4Arb = fc.integer({ min: 0, max: 100_000_000_000 }); // up to 10 million minor units
const moveArb: fc.Arbitrary<Move> = fc.oneof(
  fc.record({ kind: fc.constant('in' as const), qty: qtyArb, cost4: cost4Arb }),
  fc.record({ kind: fc.constant('out' as const), qty: qtyArb }),
);

describe('moving average properties', () => {
  it('stays a non-negative integer within the inbound costs since stock was last empty, and qty is the signed sum', () => {
    fc.assert(
      fc.property(fc.array(moveArb, { maxLength: 60 }), (moves) => {
        let state: CostState = EMPTY_COST_STATE;
        let signedSum = 0;
        let lo = Number.POSITIVE_INFINITY;
        let hi = Number.NEGATIVE_INFINITY;
        for (const move of moves) {
          if (move.kind === 'in') {
            if (state.qty <= 0) {
              lo = move.cost4;
              hi = move.cost4;
            } else {
              lo = Math.min(lo, move.cost4);
              hi = Math.max(hi, move.cost4);
            }
            state = applyInbound(state, move.qty, move.cost4);
            signedSum += move.qty;
          } else {
            const before = state.avgCost4;
            const out = applyOutbound(state, move.qty);
            expect(out.state.avgCost4).toBe(before);
            expect(out.costMinor).toBeGreaterThanOrEqual(0);
            state = out.state;
            signedSum -= move.qty;
          }
          expect(Number.isSafeInteger(state.avgCost4)).toBe(true);
          expect(state.avgCost4).toBeGreaterThanOrEqual(0);
          if (lo !== Number.POSITIVE_INFINITY) {
            expect(state.avgCost4).toBeGreaterThanOrEqual(lo);
            expect(state.avgCost4).toBeLessThanOrEqual(hi);
          }
          expect(state.qty).toBe(signedSum);
          expect(valueMinor(state)).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });

  it('is the weighted mean rounded half-up: floor((2n + d) / (2d)), as the SQL computes it', () => {
    fc.assert(
      fc.property(qtyArb, cost4Arb, qtyArb, cost4Arb, (q, a, iq, ic) => {
        const n = BigInt(q) * BigInt(a) + BigInt(iq) * BigInt(ic);
        const d = BigInt(q) + BigInt(iq);
        const sqlDiv = (2n * n + d) / (2n * d); // div() on non-negative integers truncates = floors
        const avg = BigInt(applyInbound({ qty: q, avgCost4: a }, iq, ic).avgCost4);
        expect(avg).toBe(sqlDiv);
        // Independent check: no integer is closer to the exact mean n / d.
        const err = 2n * (n - avg * d); // 2·d·(n/d − avg)
        expect(err >= -d).toBe(true); // a tie rounds up, so avg may sit half above the mean…
        expect(err < d).toBe(true); // …but never half below it
      }),
    );
  });

  it('costs an outbound move exactly like the SQL round(qty_units × avg_cost)', () => {
    fc.assert(
      fc.property(qtyArb, cost4Arb, (out, avg) => {
        // qty_units × avg_cost = out·avg / 10^7 exactly; round() takes ties away from zero.
        const n = BigInt(out) * BigInt(avg);
        const expected = (2n * n + 10_000_000n) / 20_000_000n;
        expect(BigInt(applyOutbound({ qty: 0, avgCost4: avg }, out).costMinor)).toBe(expected);
      }),
    );
  });
});
