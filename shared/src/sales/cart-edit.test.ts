import { describe, expect, it } from 'vitest';
import { isUuidV7 } from '../ids/uuidv7.ts';
import { priceCart } from './cart.ts';
import {
  type CartProduct,
  addItem,
  emptyCart,
  overridePrice,
  removeLine,
  setCartDiscount,
  setLineDiscount,
  setQty,
} from './cart-edit.ts';
import { SalesError } from './errors.ts';

const tea: CartProduct = { id: 'tea', name: 'Green tea', price: 350, taxRateBp: 1300, weighed: false };
const apples: CartProduct = { id: 'apples', name: 'Apples', price: 1299, taxRateBp: 900, weighed: true };

describe('addItem', () => {
  it('merges another scan of the same product and price into its line', () => {
    const once = addItem(emptyCart(true), tea, 1000);
    const twice = addItem(once, tea, 1000);
    expect(twice.lines).toHaveLength(1);
    expect(twice.lines[0]).toMatchObject({ productId: 'tea', qtyMilli: 2000, unitPrice: 350, listPrice: 350 });
    expect(isUuidV7(twice.lines[0]!.lineId)).toBe(true);
    expect(once.lines[0]!.qtyMilli).toBe(1000); // the old cart is untouched
  });

  it('keeps weighed goods, a changed price and agreed deals on lines of their own', () => {
    let c = addItem(emptyCart(true), apples, 1250, 'a1');
    c = addItem(c, apples, 1250, 'a2');
    expect(c.lines.map((l) => l.lineId)).toEqual(['a1', 'a2']);

    c = addItem(emptyCart(true), tea, 1000, 't1');
    c = addItem(c, { ...tea, price: 300 }, 1000, 't2');
    expect(c.lines).toHaveLength(2);

    c = overridePrice(addItem(emptyCart(true), tea, 1000, 't1'), 't1', 300, 'dented');
    expect(addItem(c, tea, 1000, 't2').lines).toHaveLength(2);

    c = setLineDiscount(addItem(emptyCart(true), tea, 1000, 't1'), 't1', { kind: 'amount', amount: 50 });
    expect(addItem(c, tea, 1000, 't2').lines).toHaveLength(2);

    c = setLineDiscount(addItem(emptyCart(true), tea, 1000, 't1'), 't1', { kind: 'percent', bp: 1000 });
    expect(addItem(c, tea, 1000, 't2').lines).toHaveLength(1);
  });

  it('refuses a non-positive quantity', () => {
    expect(() => addItem(emptyCart(true), tea, 0)).toThrow(RangeError);
    expect(() => addItem(emptyCart(true), tea, -1000)).toThrow(RangeError);
  });
});

describe('editing lines', () => {
  const base = addItem(addItem(emptyCart(true), tea, 1000, 't1'), apples, 500, 'a1');

  it('sets quantities, discounts and removes lines', () => {
    expect(setQty(base, 't1', 3000).lines[0]!.qtyMilli).toBe(3000);
    expect(() => setQty(base, 't1', 0)).toThrow(RangeError);
    expect(removeLine(base, 't1').lines.map((l) => l.lineId)).toEqual(['a1']);
    const d = setLineDiscount(base, 'a1', { kind: 'percent', bp: 5000 });
    expect(d.lines[1]!.discount).toEqual({ kind: 'percent', bp: 5000 });
    expect(() => setLineDiscount(base, 'a1', { kind: 'percent', bp: 10_001 })).toThrow(RangeError);
    expect(setCartDiscount(base, { kind: 'amount', amount: 100 }).cartDiscount).toEqual({ kind: 'amount', amount: 100 });
    expect(() => setCartDiscount(base, { kind: 'amount', amount: -1 })).toThrow(RangeError);
  });

  it('names an unknown line', () => {
    for (const edit of [() => setQty(base, 'x', 1000), () => removeLine(base, 'x'), () => overridePrice(base, 'x', 1, 'r')]) {
      expect(edit).toThrow(SalesError);
      try {
        edit();
      } catch (e) {
        expect((e as SalesError).code).toBe('unknown_line');
      }
    }
  });

  it('overrides a price only with a reason, and clears it back at list price', () => {
    expect(() => overridePrice(base, 't1', 300, '  ')).toThrow(expect.objectContaining({ code: 'reason_required' }));
    expect(() => overridePrice(base, 't1', 300, 'x'.repeat(201))).toThrow(expect.objectContaining({ code: 'reason_too_long' }));
    const over = overridePrice(base, 't1', 300, ' price match ');
    expect(over.lines[0]).toMatchObject({ unitPrice: 300, listPrice: 350, overrideReason: 'price match' });
    expect(priceCart(over).totals.amountBeforeDiscount).toBe(300 + 650); // 0.5 kg × 12.99 = 6.495 → 6.50
    expect(overridePrice(over, 't1', 350, '').lines[0]).toMatchObject({ unitPrice: 350, overrideReason: null });
    expect(() => overridePrice(base, 't1', -1, 'refund')).toThrow(RangeError);
  });
});
