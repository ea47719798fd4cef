import type { Product, Store } from '@shopbook/shared';
import { moneyToInput, parseMoneyInput } from '../../forms/money-input.ts';

/** Per-store price overrides as typed: store id → text ('' = the product's own price). */
export type StorePriceInputs = Record<string, string>;

export function storePricesToInputs(product: Product | null, stores: readonly Store[], decimals: number): StorePriceInputs {
  const inputs: StorePriceInputs = {};
  for (const s of stores) {
    const found = product?.storePrices.find((p) => p.storeId === s.id);
    inputs[s.id] = found ? moneyToInput(found.price, decimals) : '';
  }
  return inputs;
}

export interface StorePriceChanges {
  /** Only the stores whose override changed; price null removes an override. */
  prices: { storeId: string; price: number | null }[];
  /** Store ids whose text is not an amount. */
  invalid: string[];
}

/** What to send to PUT …/store-prices: the changed overrides only, so an untouched form sends nothing. */
export function storePriceChanges(inputs: StorePriceInputs, product: Product | null, decimals: number): StorePriceChanges {
  const prices: StorePriceChanges['prices'] = [];
  const invalid: string[] = [];
  for (const [storeId, text] of Object.entries(inputs)) {
    const before = product?.storePrices.find((p) => p.storeId === storeId)?.price ?? null;
    let price: number | null = null;
    if (text.trim() !== '') {
      price = parseMoneyInput(text, decimals);
      if (price === null) {
        invalid.push(storeId);
        continue;
      }
    }
    if (price !== before) prices.push({ storeId, price });
  }
  return { prices, invalid };
}
