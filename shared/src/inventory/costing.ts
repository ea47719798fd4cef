import { assertSafeInteger, parseScaledDecimal, roundHalfUp, toDecimalString, toSafeNumber } from '../money/money.ts';
import { QUANTITY_SCALE, assertQuantity } from '../quantity/quantity.ts';

/**
 * Moving weighted average cost per product × warehouse.
 *
 * Unit costs carry 4 decimals beyond the minor unit (DESIGN: "numeric with at least 4
 * decimals"), because an average like 10.00 / 3 pieces must not lose a cent per
 * hundred pieces. A "unitCost4" is an integer of ten-thousandths of a minor unit:
 * 5.75 (575 minor) = 5_750_000. In the database it is `numeric(18,4)` of minor units,
 * i.e. unitCost4 / 10000 ('575.0000').
 *
 * THE RULE (the SQL must compute exactly this; all operands are integers):
 *
 *   q  = on-hand quantity in thousandths before the move,  a = avgCost4 before
 *   iq = inbound quantity in thousandths (> 0),            ic = inbound unitCost4
 *
 *   inbound:   a' = q <= 0 ? ic : hu(q·a + iq·ic, q + iq)        q' = q + iq
 *   outbound:  a' = a                                          q' = q − oq
 *              cost of the goods out (minor) = hu(oq · a, 1000 · 10000)
 *   value:     hu(q · a, 1000 · 10000) when q > 0, else 0
 *
 *   hu(n, d) = integer n/d rounded half away from zero = floor((2n + d) / (2d)) for n, d ≥ 0
 *
 * With the columns `qty numeric(14,3)` (units) and `avg_cost numeric(18,4)` (minor
 * units), q·a + iq·ic = (qty·avg_cost + $in_qty·$in_cost)·10^7 and q + iq = (qty + $in_qty)·1000,
 * both exact integers in numeric, so one UPDATE mirrors it (SET sees the old row):
 *
 *   UPDATE stock_levels SET
 *     avg_cost = CASE WHEN qty <= 0 THEN $in_cost
 *       ELSE div(2 * (qty * avg_cost + $in_qty * $in_cost) * 10000000 + (qty + $in_qty) * 1000,
 *                2 * (qty + $in_qty) * 1000) / 10000 END,
 *     qty = qty + $in_qty
 *
 * Use `div` on these integers, not `round((…) / (…), 4)`: numeric `/` rounds the
 * quotient to a finite scale first, and that double rounding can flip a near-tie.
 * The outbound cost needs no division: `round($out_qty * avg_cost)` is exact, because
 * numeric multiplication is exact and `round` takes ties away from zero.
 */

/** Ten-thousandths of a minor unit per minor unit. */
export const UNIT_COST_SCALE = 10_000;

// milli-quantity × unitCost4 / this = minor units.
const VALUE_DIVISOR = BigInt(QUANTITY_SCALE * UNIT_COST_SCALE);

export interface CostState {
  /** On hand, in thousandths; may be negative (offline sales are accepted). */
  qty: number;
  /** Moving average, in ten-thousandths of a minor unit; never negative. */
  avgCost4: number;
}

export const EMPTY_COST_STATE: Readonly<CostState> = Object.freeze({ qty: 0, avgCost4: 0 });

export function assertUnitCost4(unitCost4: number, what = 'unit cost'): number {
  assertSafeInteger(unitCost4, `${what} (ten-thousandths of a minor unit)`);
  if (unitCost4 < 0) throw new RangeError(`${what} must not be negative, got ${unitCost4}`);
  return unitCost4;
}

function assertState(state: CostState): void {
  assertQuantity(state.qty, 'on-hand quantity');
  assertUnitCost4(state.avgCost4, 'average cost');
}

function assertPositiveQuantity(qtyMilli: number, what: string): void {
  assertQuantity(qtyMilli, what);
  if (qtyMilli <= 0) throw new RangeError(`${what} must be positive, got ${qtyMilli}`);
}

/** costFromMinor(575) → 5_750_000 (5.75 as a unit cost). */
export function costFromMinor(minor: number): number {
  assertSafeInteger(minor, 'cost in minor units');
  return toSafeNumber(BigInt(minor) * BigInt(UNIT_COST_SCALE), 'unit cost');
}

/** costToMinor(5_755_000) → 576: half-up to the minor unit, for display and prices. */
export function costToMinor(unitCost4: number): number {
  assertSafeInteger(unitCost4, 'unit cost');
  return toSafeNumber(roundHalfUp(BigInt(unitCost4), BigInt(UNIT_COST_SCALE)));
}

/** Reads the database's numeric(18,4) of minor units: '575.0000' → 5_750_000, exactly. */
export function parseUnitCost4(text: string): number {
  return parseScaledDecimal(text, 4, 'unit cost');
}

/** Writes a unitCost4 as the database's numeric(18,4) text: 5_750_000 → '575.0000'. */
export function formatUnitCost4(unitCost4: number): string {
  return toDecimalString(unitCost4, 4);
}

/**
 * The unit cost of a receipt line priced as a total: 10.00 for 3 pieces → 3.333333,
 * i.e. 333.3333 minor units = 3_333_333. Half-up, like every other rounding here.
 */
export function unitCost4FromTotal(totalMinor: number, qtyMilli: number): number {
  assertSafeInteger(totalMinor, 'line total');
  assertPositiveQuantity(qtyMilli, 'line quantity');
  const scaled = BigInt(totalMinor) * BigInt(QUANTITY_SCALE) * BigInt(UNIT_COST_SCALE);
  return toSafeNumber(roundHalfUp(scaled, BigInt(qtyMilli)), 'unit cost');
}

/**
 * Value in minor units of a signed quantity at a unit cost: hu(qty × cost, 10^7).
 * Signed so that a move's value carries its direction, and half-up away from zero
 * so reversing a move reverses its value to the cent. In SQL: round($qty * $cost).
 */
export function lineCostMinor(qtyMilli: number, unitCost4: number): number {
  assertQuantity(qtyMilli);
  assertSafeInteger(unitCost4, 'unit cost');
  return toSafeNumber(roundHalfUp(BigInt(qtyMilli) * BigInt(unitCost4), VALUE_DIVISOR), 'value');
}

/** Stock comes in at `unitCost4`; see the rule at the top of this file. */
export function applyInbound(state: CostState, qtyMilli: number, unitCost4: number): CostState {
  assertState(state);
  assertPositiveQuantity(qtyMilli, 'inbound quantity');
  assertUnitCost4(unitCost4, 'inbound unit cost');
  const qty = toSafeNumber(BigInt(state.qty) + BigInt(qtyMilli), 'on-hand quantity');
  // Empty or negative stock has no meaningful old average to blend with: the goods
  // behind a negative balance were sold at whatever average there was and their cost
  // is already booked, so the new goods set the price.
  if (state.qty <= 0) return { qty, avgCost4: unitCost4 };
  const total = BigInt(state.qty) * BigInt(state.avgCost4) + BigInt(qtyMilli) * BigInt(unitCost4);
  const avgCost4 = toSafeNumber(roundHalfUp(total, BigInt(state.qty) + BigInt(qtyMilli)), 'average cost');
  return { qty, avgCost4 };
}

/**
 * Stock goes out at the current average, which therefore does not change. Going below
 * zero is allowed: DESIGN accepts offline sales, and the stock simply goes negative.
 * `costMinor` is the (positive) cost of the goods out, fixed now (DESIGN: the cost of
 * goods sold is fixed when the sale is recorded).
 */
export function applyOutbound(state: CostState, qtyMilli: number): { state: CostState; costMinor: number } {
  assertState(state);
  assertPositiveQuantity(qtyMilli, 'outbound quantity');
  const qty = toSafeNumber(BigInt(state.qty) - BigInt(qtyMilli), 'on-hand quantity');
  return { state: { qty, avgCost4: state.avgCost4 }, costMinor: lineCostMinor(qtyMilli, state.avgCost4) };
}

/** What the stock on hand is worth at its average; nothing when there is none. */
export function valueMinor(state: CostState): number {
  assertState(state);
  return state.qty <= 0 ? 0 : lineCostMinor(state.qty, state.avgCost4);
}
