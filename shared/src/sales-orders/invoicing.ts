import { mulDivRound } from '../money/money.ts';

/**
 * The share of a line's amount for billing (or crediting) `qtyMilli` more of it after
 * `doneMilli`: cumulative rounding, so billing a line in several parts adds up to its
 * amount to the cent, and a credit note for every unit gives back exactly what was billed.
 */
export function lineShare(amount: number, doneMilli: number, qtyMilli: number, totalMilli: number): number {
  if (qtyMilli <= 0 || doneMilli < 0 || doneMilli + qtyMilli > totalMilli) throw new RangeError('share beyond the line');
  return mulDivRound(amount, doneMilli + qtyMilli, totalMilli) - mulDivRound(amount, doneMilli, totalMilli);
}
