import { currencyDecimals } from '@shopbook/shared';
import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import { costMinorToMajor } from '../../forms/money-input.ts';
import { useCompanyStore } from '../org/company.store.ts';
import { formatAmount } from './money-format.ts';

const costFormatters = new Map<string, Intl.NumberFormat>();

/**
 * A unit cost in minor units ('150.5000') for display in major units: '¥1.505'. Shows
 * the currency's digits at least and up to four more, since averages carry them.
 */
export function formatUnitCost(minorText: string, currency: string | null, decimals: number, locale: string): string {
  const major = costMinorToMajor(minorText, decimals);
  const key = `${locale}|${currency ?? ''}|${decimals}`;
  let f = costFormatters.get(key);
  if (!f) {
    const options: Intl.NumberFormatOptions = { minimumFractionDigits: decimals, maximumFractionDigits: decimals + 4 };
    if (currency) Object.assign(options, { style: 'currency', currency });
    f = new Intl.NumberFormat(locale, options);
    costFormatters.set(key, f);
  }
  return f.format(major as Intl.StringNumericLiteral);
}

/** Money helpers in the company's currency and the UI's language, for any page. */
export function useMoney() {
  const { locale } = useI18n();
  const company = useCompanyStore();
  void company.ensureLoaded();
  const currency = computed(() => company.company?.currency ?? null);
  /** Minor-unit digits of the currency; 2 until the company has loaded. */
  const decimals = computed(() => {
    try {
      return currency.value ? currencyDecimals(currency.value) : 2;
    } catch {
      return 2;
    }
  });
  const money = (minor: number) => formatAmount(minor, currency.value, locale.value);
  const unitCost = (minorText: string) => formatUnitCost(minorText, currency.value, decimals.value, locale.value);
  return { currency, decimals, money, unitCost };
}
