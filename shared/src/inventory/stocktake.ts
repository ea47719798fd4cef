import { assertSafeInteger, toSafeNumber } from '../money/money.ts';
import { assertQuantity } from '../quantity/quantity.ts';
import { lineCostMinor } from './costing.ts';

export interface CountVarianceInput {
  /** The book quantity frozen when the stock-take started. */
  expectedAtSnapshot: number;
  /** Net signed quantity of the moves posted after the snapshot (sales went on during the count). */
  movesSinceSnapshot: number;
  /** Every counter's entry for this product; corrections may be negative. */
  counted: readonly number[];
}

/**
 * Variance, in thousandths, that the approved stock-take posts as its `stock_take` move:
 *
 *   variance = Σ counted − (expectedAtSnapshot + movesSinceSnapshot)
 *
 * The count is taken as of the time of counting, not of the snapshot, so sales made
 * while the shelves were being counted are already missing from the count and must be
 * added to the expectation too, or every one of them would look like a loss.
 * Zero means nothing to post (a zero move is refused by assertMoveQuantity).
 */
export function countVariance({ expectedAtSnapshot, movesSinceSnapshot, counted }: CountVarianceInput): number {
  assertQuantity(expectedAtSnapshot, 'expected quantity');
  assertQuantity(movesSinceSnapshot, 'moves since the snapshot');
  // An empty list means nobody counted it, which is not the same as counting zero;
  // the caller decides whether uncounted products count as zero and passes [0] then.
  if (counted.length === 0) throw new Error('the product was not counted: pass [0] to record it as absent');
  let sum = 0n;
  for (const [i, qty] of counted.entries()) sum += BigInt(assertQuantity(qty, `count entry ${i}`));
  const total = toSafeNumber(sum, 'counted total');
  if (total < 0) throw new Error(`counted total must not be negative, got ${total}`);
  return toSafeNumber(BigInt(total) - BigInt(expectedAtSnapshot) - BigInt(movesSinceSnapshot), 'variance');
}

/** Signed value of a variance at the average cost, half-up away from zero (a loss mirrors a find). */
export function varianceValue(varianceMilli: number, avgCost4: number): number {
  assertSafeInteger(avgCost4, 'average cost');
  return lineCostMinor(varianceMilli, avgCost4);
}

export interface CountEntry {
  counter: string;
  productId: string;
  qty: number;
}

export interface MergedCount {
  productId: string;
  /** Sum of every entry for the product. */
  qty: number;
  /** Distinct counters, in first-seen order. */
  counters: string[];
  /**
   * More than one counter counted it: either the product sits in two places or it was
   * counted twice, and only a person can tell which — so a recount is suggested.
   * One counter entering it twice (two shelves) is normal and not flagged.
   */
  needsReview: boolean;
  /** The entries summed, so the review screen can show who counted what. */
  entries: { counter: string; qty: number }[];
}

/** Sums counters' entries per product, in first-seen product order. */
export function mergeCounts(entries: readonly CountEntry[]): MergedCount[] {
  const byProduct = new Map<string, MergedCount>();
  for (const [i, entry] of entries.entries()) {
    assertQuantity(entry.qty, `count entry ${i}`);
    let merged = byProduct.get(entry.productId);
    if (!merged) {
      merged = { productId: entry.productId, qty: 0, counters: [], needsReview: false, entries: [] };
      byProduct.set(entry.productId, merged);
    }
    merged.qty = toSafeNumber(BigInt(merged.qty) + BigInt(entry.qty), `count of ${entry.productId}`);
    merged.entries.push({ counter: entry.counter, qty: entry.qty });
    if (!merged.counters.includes(entry.counter)) merged.counters.push(entry.counter);
    merged.needsReview = merged.counters.length > 1;
  }
  return [...byProduct.values()];
}
