import type { SupplierPerformanceQuery } from '@shopbook/shared';

/**
 * Display of the performance figures. The API sends rates as fractions with 4 decimals
 * (0.8333) and null when nothing was measured; null shows as a dash, not 0 %, since a
 * supplier who delivered nothing has not delivered everything late.
 */

const formatters = new Map<string, Intl.NumberFormat>();

function percentFormat(locale: string, signed: boolean): Intl.NumberFormat {
  const key = `${locale}|${signed}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: signed ? 'exceptZero' : 'auto' });
    formatters.set(key, f);
  }
  return f;
}

export const NO_FIGURE = '—';

/** 0.8333 → '83.3%'; null → '—'. */
export function formatRate(rate: number | null, locale: string): string {
  return rate === null ? NO_FIGURE : percentFormat(locale, false).format(rate);
}

/** A price change: 0.1 → '+10.0%', -0.05 → '-5.0%'; null → '—'. */
export function formatChange(change: number | null, locale: string): string {
  return change === null ? NO_FIGURE : percentFormat(locale, true).format(change);
}

/** A rate as a percentage for a chart axis, 1 decimal; null stays null (no bar). */
export function ratePercent(rate: number | null): number | null {
  return rate === null ? null : Math.round(rate * 1000) / 10;
}

/** The date picker's range (or none) as the API's query: open ends are left out. */
export function periodQuery(range: [string, string] | null | undefined): SupplierPerformanceQuery {
  return range ? { from: range[0], to: range[1] } : {};
}
