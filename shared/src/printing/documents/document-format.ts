import { currencyDecimals } from '../../money/format.ts';
import { toDecimalString } from '../../money/money.ts';
import type { DocumentLanguage } from './document-words.ts';

/** How documents write numbers: grouped amounts, the narrow currency sign, quantities without trailing zeros. */
export interface DocumentFormat {
  /** 1234.5 yuan → '1,234.50' (columns: the currency is named once in the header). */
  amount(minor: number): string;
  /** → '¥1,234.50', for totals. */
  money(minor: number): string;
  /** 1300 → '13%'. */
  rate(bp: number): string;
  /** '2.500' → '2.5'. */
  qty(text: string): string;
  /** An ISO time or date → '2026-03-05' in the given time zone. */
  date(iso: string): string;
  decimals: number;
}

export function documentFormat(language: DocumentLanguage, currency: string, timeZone?: string): DocumentFormat {
  const decimals = currencyDecimals(currency);
  const locale = language === 'en' ? 'en-US' : 'zh-CN';
  const plain = new Intl.NumberFormat(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  const sign = new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: 'narrowSymbol', minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  const dateParts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const asNumeric = (minor: number) => toDecimalString(minor, decimals) as Intl.StringNumericLiteral;
  return {
    decimals,
    amount: (minor) => plain.format(asNumeric(minor)),
    money: (minor) => sign.format(asNumeric(minor)),
    rate: (bp) => `${toDecimalString(bp, 2).replace(/\.?0+$/, '')}%`,
    qty: (text) => (text.includes('.') ? text.replace(/\.?0+$/, '') : text),
    date: (iso) => (/^\d{4}-\d{2}-\d{2}$/.test(iso) ? iso : dateParts.format(new Date(iso))),
  };
}
