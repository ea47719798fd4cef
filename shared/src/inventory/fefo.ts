import { assertQuantity } from '../quantity/quantity.ts';

/** A batch of one product in one warehouse, as the caller read it from stock levels. */
export interface FefoBatch {
  batchId: string;
  /** YYYY-MM-DD; null for a batch without an expiry date. */
  expiryDate: string | null;
  /** On hand, in thousandths; zero or negative batches are skipped. */
  qty: number;
}

export interface FefoAllocation {
  batchId: string;
  qty: number;
}

export interface FefoResult {
  /** In the order consumed; each batch at most once, each qty > 0. */
  allocations: FefoAllocation[];
  /** What the batches could not cover: wanted − Σ allocations, never negative. */
  shortfall: number;
}

export interface FefoOptions {
  /**
   * A batch the cashier scanned (GS1 batch number) or the user picked: it is consumed
   * first, because those are the goods that physically left. If it is missing or has no
   * stock it contributes nothing and FEFO carries on.
   */
  namedBatchId?: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

// Fixed-width ISO dates sort correctly as strings; ids compare by UTF-16 code unit (not
// locale), matching SQL `ORDER BY expiry_date NULLS LAST, batch_id COLLATE "C"` — for
// UUIDs any collation agrees.
function compareBatches(a: FefoBatch, b: FefoBatch): number {
  if (a.expiryDate !== b.expiryDate) {
    if (a.expiryDate === null) return 1;
    if (b.expiryDate === null) return -1;
    return a.expiryDate < b.expiryDate ? -1 : 1;
  }
  if (a.batchId === b.batchId) return 0;
  return a.batchId < b.batchId ? -1 : 1;
}

/**
 * First-expiry-first-out: takes `wantedMilli` from the batches with stock, soonest expiry
 * first (no expiry last), batch id breaking ties, never more than a batch holds.
 * It never lets a batch go negative itself: the caller decides where a shortfall lands
 * (the latest-expiring batch, or a no-batch line), since that is a business choice.
 */
export function allocateFefo(
  batches: readonly FefoBatch[],
  wantedMilli: number,
  options: FefoOptions = {},
): FefoResult {
  assertQuantity(wantedMilli, 'wanted quantity');
  if (wantedMilli < 0) throw new RangeError(`wanted quantity must not be negative, got ${wantedMilli}`);
  const seen = new Set<string>();
  for (const batch of batches) {
    assertQuantity(batch.qty, `batch ${batch.batchId} quantity`);
    if (batch.expiryDate !== null && !ISO_DATE.test(batch.expiryDate)) {
      throw new Error(`batch ${batch.batchId} expiry "${batch.expiryDate}" is not YYYY-MM-DD`);
    }
    // Two rows for one batch would let it be drawn twice past its real stock.
    if (seen.has(batch.batchId)) throw new Error(`batch ${batch.batchId} is listed twice`);
    seen.add(batch.batchId);
  }

  const { namedBatchId } = options;
  const ordered = batches.filter((b) => b.qty > 0).sort(compareBatches);
  const named = ordered.findIndex((b) => b.batchId === namedBatchId);
  if (named > 0) ordered.unshift(...ordered.splice(named, 1));

  const allocations: FefoAllocation[] = [];
  let remaining = wantedMilli;
  for (const batch of ordered) {
    if (remaining === 0) break;
    const qty = Math.min(batch.qty, remaining);
    allocations.push({ batchId: batch.batchId, qty });
    remaining -= qty; // both are non-negative safe integers, so this is exact
  }
  return { allocations, shortfall: remaining };
}
