import { parseUnitCost4 } from '../inventory/costing.ts';
import { parseQuantity } from '../quantity/quantity.ts';

/**
 * Supplier performance from the purchasing documents: on-time delivery, fill rate,
 * rejection rate at inspection and the price trend per product. The API reads the rows;
 * the rules live here so they are tested without a database. The rules in words are in
 * api/src/features/purchasing/README.md ("Supplier performance").
 *
 * Rates are fractions from 0 to 1 rounded half-up to 4 decimals (0.8333 = 83.33 %), and
 * null, never NaN, when there is nothing to measure.
 */

const RATE_SCALE = 10_000n;

/** part ÷ whole, 4 decimals, half away from zero; null when whole is zero. */
export function rateFraction(part: bigint, whole: bigint): number | null {
  if (whole === 0n) return null;
  const negative = part < 0n !== whole < 0n;
  const p = part < 0n ? -part : part;
  const w = whole < 0n ? -whole : whole;
  const scaled = (p * RATE_SCALE * 2n + w) / (2n * w);
  return Number(negative ? -scaled : scaled) / Number(RATE_SCALE);
}

/**
 * Quantities of different products cannot be added (kilograms of rice and cans of cola),
 * so each line weighs by its value at the order's unit cost in base currency: part ×
 * cost ÷ whole × cost. Within one line this is exactly the quantity ratio. Free goods
 * weigh nothing, unless every line is free; then plain quantities are summed.
 */
function weightedRate(lines: readonly { part: number; whole: number; unitCost4: number }[]): number | null {
  let partValue = 0n;
  let wholeValue = 0n;
  let partQty = 0n;
  let wholeQty = 0n;
  for (const l of lines) {
    partValue += BigInt(l.part) * BigInt(l.unitCost4);
    wholeValue += BigInt(l.whole) * BigInt(l.unitCost4);
    partQty += BigInt(l.part);
    wholeQty += BigInt(l.whole);
  }
  return wholeValue > 0n ? rateFraction(partValue, wholeValue) : rateFraction(partQty, wholeQty);
}

// ---------------------------------------------------------------------------------
// On-time delivery
// ---------------------------------------------------------------------------------

/** One order line delivered by one posted receipt. Dates are YYYY-MM-DD. */
export interface Delivery {
  /** The day the receipt was posted. */
  postedOn: string;
  /** The order line's expected date, else the order's; null when neither was given. */
  dueOn: string | null;
}

export interface OnTimeDelivery {
  deliveries: number;
  onTime: number;
  late: number;
  /** Deliveries against lines without an expected date: neither on time nor late. */
  undated: number;
  /** onTime ÷ (onTime + late). */
  rate: number | null;
  /** Mean days past the expected date of the late deliveries, 1 decimal. */
  averageDaysLate: number | null;
}

const DAY_MS = 86_400_000;
const dayNumber = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;

/** Whole days from `due` to `posted`; positive when late. */
export function daysLate(postedOn: string, dueOn: string): number {
  return dayNumber(postedOn) - dayNumber(dueOn);
}

export function onTimeDelivery(deliveries: readonly Delivery[]): OnTimeDelivery {
  let onTime = 0;
  let late = 0;
  let undated = 0;
  let lateDays = 0;
  for (const d of deliveries) {
    if (d.dueOn === null) undated += 1;
    else {
      const days = daysLate(d.postedOn, d.dueOn);
      if (days <= 0) onTime += 1;
      else {
        late += 1;
        lateDays += days;
      }
    }
  }
  return {
    deliveries: deliveries.length, onTime, late, undated,
    rate: rateFraction(BigInt(onTime), BigInt(onTime + late)),
    averageDaysLate: late === 0 ? null : Math.round((lateDays * 10) / late) / 10,
  };
}

// ---------------------------------------------------------------------------------
// Fill rate
// ---------------------------------------------------------------------------------

/** A line of a finished (received or closed) order; quantities in stock units as the API writes them. */
export interface FilledLine {
  ordered: string;
  /** Accepted into stock by posted receipts (rejected goods are not in it). */
  accepted: string;
  /** Sent back to the supplier by posted returns since. */
  returned: string;
  /** Base currency per stock unit, 4 decimals. */
  unitCost: string;
}

export interface FillRate {
  lines: number;
  /** Lines that kept at least what was ordered. */
  complete: number;
  rate: number | null;
}

/**
 * What was kept (accepted − returned) ÷ what was ordered. A line over-delivered counts
 * as filled, not more: extra cola does not make up for missing milk.
 */
export function fillRate(lines: readonly FilledLine[]): FillRate {
  let complete = 0;
  const weighed = lines.map((l) => {
    const ordered = parseQuantity(l.ordered);
    const kept = Math.max(0, parseQuantity(l.accepted) - parseQuantity(l.returned));
    if (kept >= ordered) complete += 1;
    return { part: Math.min(kept, ordered), whole: ordered, unitCost4: parseUnitCost4(l.unitCost) };
  });
  return { lines: lines.length, complete, rate: weightedRate(weighed) };
}

// ---------------------------------------------------------------------------------
// Rejection at inspection
// ---------------------------------------------------------------------------------

/** What one posted receipt brought for one order line. */
export interface InspectedLine {
  received: string;
  rejected: string;
  unitCost: string;
}

export interface RejectionRate {
  lines: number;
  /** Lines with anything rejected. */
  rejectedLines: number;
  rate: number | null;
}

/** Rejected ÷ received at the door. Returns after acceptance are not rejections: they show in the fill rate. */
export function rejectionRate(lines: readonly InspectedLine[]): RejectionRate {
  let rejectedLines = 0;
  const weighed = lines.map((l) => {
    const rejected = parseQuantity(l.rejected);
    if (rejected > 0) rejectedLines += 1;
    return { part: rejected, whole: parseQuantity(l.received), unitCost4: parseUnitCost4(l.unitCost) };
  });
  return { lines: lines.length, rejectedLines, rate: weightedRate(weighed) };
}

// ---------------------------------------------------------------------------------
// Price trend
// ---------------------------------------------------------------------------------

/** One order line's price: base currency per stock unit on the day the order was sent. */
export interface PricePoint {
  date: string;
  /** Orders the points of one day. */
  orderNumber: string;
  unitCost: string;
}

export interface PriceTrend<P extends PricePoint = PricePoint> {
  /** Oldest first. */
  points: P[];
  first: string | null;
  latest: string | null;
  /** (latest − first) ÷ first; null with fewer than two points or a free first price. */
  change: number | null;
}

export function priceTrend<P extends PricePoint>(points: readonly P[]): PriceTrend<P> {
  const sorted = [...points].sort((a, b) => (a.date === b.date ? a.orderNumber.localeCompare(b.orderNumber) : a.date < b.date ? -1 : 1));
  const first = sorted[0];
  const latest = sorted[sorted.length - 1];
  if (!first || !latest) return { points: sorted, first: null, latest: null, change: null };
  const from = parseUnitCost4(first.unitCost);
  const to = parseUnitCost4(latest.unitCost);
  const change = sorted.length < 2 || from === 0 ? null : rateFraction(BigInt(to - from), BigInt(from));
  return { points: sorted, first: first.unitCost, latest: latest.unitCost, change };
}

/** The mean of the products' changes, for comparing suppliers: each product weighs the same. */
export function averageChange(changes: readonly (number | null)[]): number | null {
  const known = changes.filter((c): c is number => c !== null);
  if (known.length === 0) return null;
  // Changes have 4 decimals: summing them as integers keeps the mean exact before rounding.
  const sum = known.reduce((s, c) => s + BigInt(Math.round(c * Number(RATE_SCALE))), 0n);
  return rateFraction(sum, BigInt(known.length) * RATE_SCALE);
}
