import { formatMoney, toDecimalString } from '@shopbook/shared';

/**
 * Money for display. With the company's currency we use shared's formatMoney (the
 * currency's own minor digits, its symbol). Until the company has loaded (or if that
 * call failed) we still show exact amounts, assuming two minor digits, without a
 * symbol rather than guessing one.
 */
export function formatAmount(minor: number, currency: string | null | undefined, locale: string): string {
  if (currency) return formatMoney(minor, currency, locale);
  const text = toDecimalString(minor, 2) as Intl.StringNumericLiteral;
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(text);
}

/** Today's date where the user is, as YYYY-MM-DD (not UTC: 00:30 in Shanghai is still "today"). */
export function localToday(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}
