import { toDecimalString } from './money.ts';

// Formatters are costly to build and the till formats every line on every render.
const formatters = new Map<string, Intl.NumberFormat>();

function formatter(currency: string, locale: string | undefined, digits?: number): Intl.NumberFormat {
  const key = `${locale ?? ''}|${currency}|${digits ?? ''}`;
  let found = formatters.get(key);
  if (!found) {
    const options: Intl.NumberFormatOptions = { style: 'currency', currency };
    if (digits !== undefined) {
      options.minimumFractionDigits = digits;
      options.maximumFractionDigits = digits;
    }
    found = new Intl.NumberFormat(locale, options);
    formatters.set(key, found);
  }
  return found;
}

/**
 * The currency's minor-unit digits as ICU knows them (ISO 4217): CNY 2, JPY 0, KWD 3.
 * Throws a RangeError for a code that is not a well-formed currency.
 */
export function currencyDecimals(currency: string): number {
  return formatter(currency, 'en').resolvedOptions().maximumFractionDigits ?? 2;
}

/**
 * Formats an integer of minor units for display: formatMoney(123456, 'CNY', 'zh-CN')
 * → '¥1,234.56'. The major value is built as a decimal string by moving the point,
 * never by dividing a float. Engines with Intl.NumberFormat v3 format that string
 * exactly; older ones convert it as Number() would, which is exact to the cent for
 * any realistic amount and only ever used for display.
 */
export function formatMoney(minor: number, currency: string, locale?: string): string {
  const decimals = currencyDecimals(currency);
  const text = toDecimalString(minor, decimals) as Intl.StringNumericLiteral;
  return formatter(currency, locale, decimals).format(text);
}
