import type { Product } from '@shopbook/shared';
import { describe, expect, it } from 'vitest';
import { storePriceChanges, storePricesToInputs } from './store-prices.ts';

const stores = [
  { id: 's1', code: 'S01', name: 'One' },
  { id: 's2', code: 'S02', name: 'Two' },
];
const product = { storePrices: [{ storeId: 's1', price: 450 }] } as Product;

describe('store prices', () => {
  it('shows overrides and leaves the others empty', () => {
    expect(storePricesToInputs(product, stores, 2)).toEqual({ s1: '4.50', s2: '' });
    expect(storePricesToInputs(null, stores, 2)).toEqual({ s1: '', s2: '' });
  });

  it('sends only what changed; empty text removes an override', () => {
    expect(storePriceChanges({ s1: '4.50', s2: '' }, product, 2)).toEqual({ prices: [], invalid: [] });
    expect(storePriceChanges({ s1: '', s2: '3.99' }, product, 2)).toEqual({
      prices: [
        { storeId: 's1', price: null },
        { storeId: 's2', price: 399 },
      ],
      invalid: [],
    });
    expect(storePriceChanges({ s1: 'x', s2: '' }, product, 2)).toEqual({ prices: [], invalid: ['s1'] });
  });
});
