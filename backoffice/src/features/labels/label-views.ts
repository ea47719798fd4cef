import { barcodeSvg, currencyDecimals, labelBarcode, labelPrice, toDecimalString, type Product } from '@shopbook/shared';
import type { LabelView } from './LabelSheet.vue';

/**
 * A price as a shelf shows it: the narrow symbol (¥3.00, not CN¥3.00 as English would
 * write the yuan), since a label speaks to the shop's own customers.
 */
export function shelfPrice(minor: number, currency: string | null, locale: string): string {
  if (!currency) return toDecimalString(minor, 2);
  const decimals = currencyDecimals(currency);
  return new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: 'narrowSymbol', minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(
    toDecimalString(minor, decimals) as Intl.StringNumericLiteral,
  );
}

/** One product's label as shown: price in the chosen store, unit in the page's language. */
export function labelView(product: Product, storeId: string | null, money: (minor: number) => string, unitName: (unit: string) => string): LabelView {
  const code = labelBarcode(product);
  return {
    productId: product.id,
    name: product.name,
    price: money(labelPrice(product, storeId)),
    unit: unitName(product.unit),
    sku: product.sku,
    barcodeSvg: barcodeSvg(code),
    code: code.data,
  };
}
