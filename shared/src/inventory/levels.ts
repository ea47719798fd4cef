import { toSafeNumber } from '../money/money.ts';
import { EMPTY_COST_STATE, applyInbound, applyOutbound, lineCostMinor, type CostState } from './costing.ts';
import { assertMoveQuantity, type MoveType } from './moves.ts';

export interface ReplayMove {
  type: MoveType;
  /** Signed thousandths, as stored in stock_moves.qty. */
  qty: number;
  /**
   * Cost of stock coming in. Required for receipts and transfers in (their cost is the
   * whole point); optional for returns and positive adjustments / stock-takes, which
   * otherwise come in at the current average and so leave it unchanged. Ignored on
   * stock going out: that always leaves at the average.
   */
  unitCost4?: number;
}

/** What one move writes to the ledger: stock_moves.unit_cost and stock_moves.value. */
export interface ReplayLine {
  unitCost4: number;
  /** Signed minor units: + into stock, − out of it; the journal's inventory amount. */
  valueMinor: number;
}

export interface ReplayResult {
  /** stock_levels.qty in thousandths: the sum of the signed move quantities. */
  qty: number;
  /** stock_levels.avg_cost × 10000. */
  avgCost4: number;
  /** Cost of goods sold: cost of sales less the cost of customer returns. */
  cogsMinor: number;
  /**
   * Σ of these moves' values (stock_levels.value when starting from empty). Not
   * qty × avg: each move rounds its own value, and the journal holds those amounts.
   */
  ledgerValueMinor: number;
  lines: ReplayLine[];
}

const COST_REQUIRED: ReadonlySet<MoveType> = new Set<MoveType>(['receipt', 'transfer_in']);

/**
 * Reference model of one product × warehouse: folds the moves, in order, through the
 * costing rules. It is slow and obvious on purpose — the API's property test posts the
 * same moves to the database and expects the very same numbers back.
 */
export function replay(moves: readonly ReplayMove[], start: CostState = EMPTY_COST_STATE): ReplayResult {
  let state: CostState = { qty: start.qty, avgCost4: start.avgCost4 };
  let cogs = 0n;
  let ledgerValue = 0n;
  const lines: ReplayLine[] = [];
  for (const [i, move] of moves.entries()) {
    assertMoveQuantity(move.type, move.qty);
    let line: ReplayLine;
    if (move.qty > 0) {
      if (move.unitCost4 === undefined && COST_REQUIRED.has(move.type)) {
        throw new Error(`move ${i} (${move.type}) needs a unit cost`);
      }
      const unitCost4 = move.unitCost4 ?? state.avgCost4;
      state = applyInbound(state, move.qty, unitCost4);
      line = { unitCost4, valueMinor: lineCostMinor(move.qty, unitCost4) };
    } else {
      const unitCost4 = state.avgCost4;
      const out = applyOutbound(state, -move.qty);
      state = out.state;
      line = { unitCost4, valueMinor: -out.costMinor };
    }
    lines.push(line);
    ledgerValue += BigInt(line.valueMinor);
    if (move.type === 'sale' || move.type === 'return') cogs -= BigInt(line.valueMinor);
  }
  return {
    qty: state.qty,
    avgCost4: state.avgCost4,
    cogsMinor: toSafeNumber(cogs, 'cost of goods sold'),
    ledgerValueMinor: toSafeNumber(ledgerValue, 'stock value'),
    lines,
  };
}
