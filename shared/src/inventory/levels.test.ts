import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMPTY_COST_STATE, applyInbound, applyOutbound, type CostState } from './costing.ts';
import { replay, type ReplayMove } from './levels.ts';
import { MOVE_SIGNS, MOVE_TYPES } from './moves.ts';

describe('replay', () => {
  it('folds receipts and a sale into quantity, average and cost of goods sold', () => {
    const result = replay([
      { type: 'receipt', qty: 10_000, unitCost4: 5_000_000 }, // 10 @ 5.00
      { type: 'receipt', qty: 30_000, unitCost4: 6_000_000 }, // 30 @ 6.00 → avg 5.75
      { type: 'sale', qty: -8000 }, // 8 × 5.75 = 46.00
    ]);
    expect(result).toEqual({
      qty: 32_000,
      avgCost4: 5_750_000,
      cogsMinor: 4600,
      ledgerValueMinor: 18_400, // 50.00 + 180.00 − 46.00
      lines: [
        { unitCost4: 5_000_000, valueMinor: 5000 },
        { unitCost4: 6_000_000, valueMinor: 18_000 },
        { unitCost4: 5_750_000, valueMinor: -4600 },
      ],
    });
  });

  it('nets customer returns out of cost of goods sold but not other outbound moves', () => {
    const result = replay([
      { type: 'receipt', qty: 4000, unitCost4: 2_500_000 }, // 4 @ 2.50
      { type: 'sale', qty: -3000 }, // cogs 7.50
      { type: 'return', qty: 1000, unitCost4: 2_500_000 }, // −2.50
      { type: 'adjustment', qty: -1000 }, // damage: 2.50 out, not cost of sales
      { type: 'purchase_return', qty: -1000 }, // 2.50 back to the supplier
    ]);
    expect(result.qty).toBe(0);
    expect(result.cogsMinor).toBe(500);
    expect(result.ledgerValueMinor).toBe(0);
  });

  it('brings found stock in at the average when no cost is given, leaving it unchanged', () => {
    const result = replay([
      { type: 'receipt', qty: 3000, unitCost4: 1_000_000 },
      { type: 'receipt', qty: 1000, unitCost4: 2_000_000 }, // avg 1.25
      { type: 'stock_take', qty: 500 },
      { type: 'adjustment', qty: 250 },
    ]);
    expect(result.avgCost4).toBe(1_250_000);
    expect(result.lines.slice(2)).toEqual([
      { unitCost4: 1_250_000, valueMinor: 63 }, // 0.5 × 1.25 = 0.625 → 0.63
      { unitCost4: 1_250_000, valueMinor: 31 }, // 0.25 × 1.25 = 0.3125 → 0.31
    ]);
  });

  it('sells into negative stock and restarts the average at the next receipt', () => {
    const result = replay([
      { type: 'sale', qty: -2000 }, // offline, before the goods were received
      { type: 'receipt', qty: 5000, unitCost4: 4_000_000 },
      { type: 'transfer_out', qty: -1000 },
    ]);
    expect(result).toMatchObject({ qty: 2000, avgCost4: 4_000_000, cogsMinor: 0, ledgerValueMinor: 1600 });
  });

  it('continues from a given state', () => {
    expect(replay([{ type: 'sale', qty: -1000 }], { qty: 2000, avgCost4: 30_000 })).toMatchObject({
      qty: 1000,
      avgCost4: 30_000,
      cogsMinor: 3,
    });
  });

  it('refuses a receipt without a cost and a move with the wrong sign', () => {
    expect(() => replay([{ type: 'receipt', qty: 1000 }])).toThrow('move 0 (receipt) needs a unit cost');
    expect(() => replay([{ type: 'transfer_in', qty: 1000 }])).toThrow('needs a unit cost');
    expect(() => replay([{ type: 'sale', qty: 1000 }])).toThrow('sale quantity must be negative');
    expect(() => replay([{ type: 'adjustment', qty: 0 }])).toThrow('must not be zero');
  });
});

const moveArb: fc.Arbitrary<ReplayMove> = fc
  .record({
    type: fc.constantFrom(...MOVE_TYPES),
    magnitude: fc.integer({ min: 1, max: 1_000_000_000 }),
    negative: fc.boolean(),
    unitCost4: fc.integer({ min: 0, max: 100_000_000_000 }),
  })
  .map(({ type, magnitude, negative, unitCost4 }) => {
    const sign = MOVE_SIGNS[type];
    const qty = sign === 'negative' || (sign === 'either' && negative) ? -magnitude : magnitude;
    return { type, qty, unitCost4 };
  });

describe('replay properties', () => {
  it('matches folding the costing rules by hand, and qty is the signed sum', () => {
    fc.assert(
      fc.property(fc.array(moveArb, { maxLength: 40 }), (moves) => {
        const result = replay(moves);
        let state: CostState = EMPTY_COST_STATE;
        let cogs = 0;
        for (const move of moves) {
          if (move.qty > 0) state = applyInbound(state, move.qty, move.unitCost4 ?? state.avgCost4);
          else {
            const out = applyOutbound(state, -move.qty);
            state = out.state;
            if (move.type === 'sale') cogs += out.costMinor;
          }
        }
        const returns = result.lines.reduce((s, l, i) => (moves[i]?.type === 'return' ? s + l.valueMinor : s), 0);
        expect(result.qty).toBe(moves.reduce((s, m) => s + m.qty, 0));
        expect(result.avgCost4).toBe(state.avgCost4);
        expect(result.cogsMinor).toBe(cogs - returns);
        expect(result.ledgerValueMinor).toBe(result.lines.reduce((s, l) => s + l.valueMinor, 0));
        for (const [i, line] of result.lines.entries()) {
          expect(Math.sign(line.valueMinor) * Math.sign(moves[i]?.qty ?? 0)).not.toBe(-1);
        }
      }),
    );
  });
});
