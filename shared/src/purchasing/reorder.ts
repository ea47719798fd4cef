import { assertSafeInteger, roundHalfUp, toSafeNumber } from '../money/money.ts';
import { QUANTITY_SCALE } from '../quantity/quantity.ts';

/**
 * Reorder suggestions (采购计划). Quantities are thousandths of a stock unit.
 *
 *   velocity        = net units sold over the last SALES_WINDOW_DAYS (sales − customer returns)
 *   lead demand     = velocity × supplier lead time, rounded up
 *   projected       = on hand + on order (open purchase orders) − lead demand
 *
 * With a stock rule (reorder point R, minimum m, maximum M) the product is due when the
 * projected stock is at or below R, or below m; it is filled up to M (or, without a
 * maximum, to the larger of R and m). Without a rule, a product that sells is due when
 * the projection falls to a week of sales, and is filled to four weeks of sales.
 * The quantity is then rounded up to whole purchase units (packs) and to the supplier's
 * minimum order quantity (in purchase units).
 */
export const SALES_WINDOW_DAYS = 28;
/** Without a rule: reorder at this many days of sales … */
export const DEFAULT_SAFETY_DAYS = 7;
/** … up to this many days of sales. */
export const DEFAULT_COVER_DAYS = 28;

export interface ReorderRule {
  reorderPoint: number;
  minQty: number;
  maxQty: number;
}

export interface ReorderInput {
  onHand: number;
  onOrder: number;
  /** Net sold in the window; negative (more returned than sold) counts as none. */
  sold: number;
  leadTimeDays: number;
  rule: ReorderRule | null;
  /** Stock units per purchase unit. */
  packSize: number;
  /** Minimum order in purchase units (0 for none). */
  minOrderQty: number;
  windowDays?: number;
}

export interface ReorderSuggestion {
  /** Average sold per day, thousandths, half-up. */
  dailyVelocity: number;
  leadTimeDemand: number;
  projected: number;
  reorderPoint: number;
  target: number;
  due: boolean;
  /** Stock units wanted before rounding to packs; 0 when not due. */
  needed: number;
  /** Whole purchase units to order, thousandths (3 packs → 3000); 0 when not due. */
  purchaseQty: number;
  /** purchaseQty × packSize. */
  stockQty: number;
}

const ceilDiv = (a: bigint, b: bigint) => (a <= 0n ? -((-a) / b) : (a + b - 1n) / b);

function check(value: number, what: string) {
  assertSafeInteger(value, what);
}

export function suggestReorder(input: ReorderInput): ReorderSuggestion {
  const window = input.windowDays ?? SALES_WINDOW_DAYS;
  for (const [k, v] of Object.entries({ onHand: input.onHand, onOrder: input.onOrder, sold: input.sold, leadTimeDays: input.leadTimeDays, packSize: input.packSize, minOrderQty: input.minOrderQty, window })) check(v, k);
  if (input.packSize <= 0) throw new RangeError('pack size must be greater than zero');
  if (window <= 0) throw new RangeError('the sales window must be at least a day');
  const sold = BigInt(Math.max(input.sold, 0));
  const days = BigInt(window);
  const dailyVelocity = toSafeNumber(roundHalfUp(sold, days));
  const leadTimeDemand = toSafeNumber(ceilDiv(sold * BigInt(Math.max(input.leadTimeDays, 0)), days));
  const projected = input.onHand + input.onOrder - leadTimeDemand;

  let reorderPoint: number;
  let target: number;
  let due: boolean;
  if (input.rule) {
    const { reorderPoint: r, minQty: m, maxQty: M } = input.rule;
    reorderPoint = r;
    target = M > 0 ? M : Math.max(r, m);
    due = projected <= r || projected < m;
  } else {
    reorderPoint = toSafeNumber(ceilDiv(sold * BigInt(DEFAULT_SAFETY_DAYS), days));
    target = toSafeNumber(ceilDiv(sold * BigInt(DEFAULT_COVER_DAYS), days));
    due = sold > 0n && projected <= reorderPoint;
  }
  const needed = due ? Math.max(target - projected, 0) : 0;
  if (needed === 0) return { dailyVelocity, leadTimeDemand, projected, reorderPoint, target, due: false, needed: 0, purchaseQty: 0, stockQty: 0 };
  const packs = ceilDiv(BigInt(needed), BigInt(input.packSize));
  const minimum = ceilDiv(BigInt(Math.max(input.minOrderQty, 0)), BigInt(QUANTITY_SCALE));
  const units = packs > minimum ? packs : minimum;
  return {
    dailyVelocity, leadTimeDemand, projected, reorderPoint, target, due: true, needed,
    purchaseQty: toSafeNumber(units * BigInt(QUANTITY_SCALE)),
    stockQty: toSafeNumber(units * BigInt(input.packSize)),
  };
}
