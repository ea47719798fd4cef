import { assertSafeInteger, mulDivRound, parseScaledDecimal, toDecimalString } from '../money/money.ts';

/**
 * Quantities carry up to 3 decimals (weighed goods), held as integer thousandths:
 * 1.5 kg = 1500, one piece = 1000. A gram of a kg-priced item is exactly 1.
 */
export const QUANTITY_SCALE = 1000;
export const QUANTITY_DECIMALS = 3;

export function assertQuantity(qtyMilli: number, what = 'quantity'): number {
  return assertSafeInteger(qtyMilli, `${what} (thousandths)`);
}

/** parseQuantity('1.5') → 1500; more than 3 decimals is an error, never rounded away. */
export function parseQuantity(text: string): number {
  return parseScaledDecimal(text, QUANTITY_DECIMALS, 'quantity');
}

/** formatQuantity(1500) → '1.5', formatQuantity(1000) → '1', formatQuantity(5) → '0.005'. */
export function formatQuantity(qtyMilli: number): string {
  assertQuantity(qtyMilli);
  return toDecimalString(qtyMilli, QUANTITY_DECIMALS).replace(/\.?0+$/, '');
}

/**
 * Amount of a line: quantity × unit price, rounded half-up to the minor unit.
 * lineAmount(1500, 1999) → 2999 (1.5 kg at 19.99 = 29.985 → 29.99).
 */
export function lineAmount(qtyMilli: number, unitPriceMinor: number): number {
  assertQuantity(qtyMilli);
  assertSafeInteger(unitPriceMinor, 'unit price');
  return mulDivRound(qtyMilli, unitPriceMinor, QUANTITY_SCALE);
}
