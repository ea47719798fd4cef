import { describe, expect, it } from 'vitest';
import { approvalReasons, priceCart } from '../sales/cart.ts';
import { addItem, emptyCart, overridePrice } from '../sales/cart-edit.ts';
import { applyPriceList, customerUnitPrice } from './price.ts';

describe('customerUnitPrice', () => {
  it('takes the discount off the list price, half-up to the minor unit', () => {
    expect(customerUnitPrice(1000, 0)).toBe(1000);
    expect(customerUnitPrice(1000, 500)).toBe(950);
    expect(customerUnitPrice(999, 250)).toBe(974); // 974.025
    expect(customerUnitPrice(10, 2500)).toBe(8); // 7.5 rounds up
    expect(customerUnitPrice(1, 5000)).toBe(1); // 0.5 rounds up
    expect(customerUnitPrice(1999, 10_000)).toBe(0);
  });

  it('is exact for prices near the safe-integer limit', () => {
    expect(customerUnitPrice(Number.MAX_SAFE_INTEGER, 0)).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('refuses discounts outside 0–100 % and bad prices', () => {
    expect(() => customerUnitPrice(100, -1)).toThrow(RangeError);
    expect(() => customerUnitPrice(100, 10_001)).toThrow(RangeError);
    expect(() => customerUnitPrice(100, 1.5)).toThrow(RangeError);
    expect(() => customerUnitPrice(-1, 0)).toThrow(RangeError);
  });
});

describe('applyPriceList', () => {
  const product = (id: string, price: number) => ({ id, name: id, price, taxRateBp: 1300, weighed: false });
  it("prices the catalogue's lines at the customer's price, leaves overridden and label-priced lines, and restores the catalogue at 0", () => {
    let cart = addItem(addItem(addItem(emptyCart(true), product('a', 1000), 2000, 'L1'), product('b', 999), 1000, 'L2'), product('c', 500), 1000, 'L3');
    cart = overridePrice(cart, 'L2', 800, 'damaged box');
    const catalogue = new Map([['L1', 1000], ['L2', 999]]); // L3 came priced on a label
    const listed = applyPriceList(cart, catalogue, 500);
    expect(listed.lines.map((l) => [l.lineId, l.unitPrice, l.listPrice])).toEqual([['L1', 950, 950], ['L2', 800, 999], ['L3', 500, 500]]);
    // No manager is needed for a customer's own prices (the overridden line still needs one).
    expect(approvalReasons(priceCart(listed), 0)).toEqual([{ kind: 'price_below_list', lineId: 'L2' }]);
    expect(applyPriceList(listed, catalogue, 0).lines[0]).toMatchObject({ unitPrice: 1000, listPrice: 1000 });
  });
});
