import type { TaxRateRow } from '@shopbook/shared';

/**
 * The per-rate rows of a receipt: sums of the lines' own net, tax and gross (already
 * rounded per line by shared when the sale was priced), so the breakdown agrees with the
 * lines printed above it. Highest rate first, as shared's taxBreakdown orders them.
 */
export function rateRows(lines: readonly { taxRateBp: number; net: number; tax: number; gross: number }[]): TaxRateRow[] {
  const rows = new Map<number, TaxRateRow>();
  for (const l of lines) {
    const r = rows.get(l.taxRateBp) ?? { rateBp: l.taxRateBp, net: 0, tax: 0, gross: 0 };
    rows.set(l.taxRateBp, { rateBp: l.taxRateBp, net: r.net + l.net, tax: r.tax + l.tax, gross: r.gross + l.gross });
  }
  return [...rows.values()].sort((a, b) => b.rateBp - a.rateBp);
}
