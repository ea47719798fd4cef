import { describe, expect, it } from 'vitest';
import { isUuidV7, newId } from '../ids/uuidv7.ts';
import { saleV1 } from '../sync/events.ts';
import { priceCart } from './cart.ts';
import { addItem, emptyCart, overridePrice, setCartDiscount } from './cart-edit.ts';
import { buildSaleEvent, receiptNumber } from './sale-event.ts';

const ids = { storeId: newId(), warehouseId: newId(), cashierId: newId(), shiftId: newId() };
const tea = { id: newId(), name: 'Tea', price: 350, taxRateBp: 1300, weighed: false };
const apples = { id: newId(), name: 'Apples', price: 1299, taxRateBp: 900, weighed: true };

function pricedExample() {
  let cart = addItem(emptyCart(true), tea, 2000);
  cart = addItem(cart, apples, 1250);
  cart = setCartDiscount(cart, { kind: 'percent', bp: 1000 });
  return priceCart(cart);
}

describe('buildSaleEvent', () => {
  it('writes the priced cart and payments as a valid saleV1', () => {
    const priced = pricedExample();
    // 7.00 + 1.25 kg × 12.99 = 16.2375 → 16.24; 23.24 − 10 % (2.32) = 20.92.
    expect(priced.totals).toMatchObject({ amountBeforeDiscount: 2324, cartDiscount: 232, gross: 2092 });
    const sale = buildSaleEvent({
      ...ids,
      priced,
      payments: [
        { tender: 'card', amount: 1000, reference: 'A1' },
        { tender: 'cash', amount: 2000 },
      ],
      receiptNo: receiptNumber('S01-T1', 123),
    });
    expect(saleV1.parse(sale)).toEqual(sale);
    expect(isUuidV7(sale.saleId)).toBe(true);
    expect(sale).toMatchObject({
      v: 1,
      receiptNo: 'S01-T1-000123',
      pricesIncludeTax: true,
      customerId: null,
      approvedBy: null,
      cartDiscount: 232,
      totals: { gross: 2092, discount: 232, net: priced.totals.net, tax: priced.totals.tax },
      payments: [
        { tender: 'card', amount: 1000, tendered: null, reference: 'A1' },
        { tender: 'cash', amount: 1092, tendered: 2000, reference: null },
      ],
      change: 908,
    });
    expect(sale.lines.map((l) => [l.qty, l.unitPrice, l.discount, l.gross])).toEqual([
      ['2', 350, 70, 630],
      ['1.25', 1299, 162, 1462],
    ]);
    expect(sale.lines.reduce((s, l) => s + l.gross, 0)).toBe(sale.totals.gross);
    expect(sale.payments.reduce((s, p) => s + p.amount, 0)).toBe(sale.totals.gross);
  });

  it('keeps an override with its reason and the approving manager', () => {
    let cart = addItem(emptyCart(false), tea, 1000, newId());
    cart = overridePrice(cart, cart.lines[0]!.lineId, 300, 'price match');
    const manager = newId();
    const sale = buildSaleEvent({
      ...ids,
      priced: priceCart(cart),
      payments: [{ tender: 'cash', amount: 339 }],
      receiptNo: 'S01-T1-000124',
      approvedBy: manager,
      customerId: null,
    });
    expect(sale.lines[0]).toMatchObject({ unitPrice: 300, listPrice: 350, overrideReason: 'price match', net: 300, tax: 39 });
    expect(sale.approvedBy).toBe(manager);
  });

  it('refuses an empty cart, an unpaid or overpaid sale', () => {
    const base = { ...ids, receiptNo: 'S01-T1-000001' };
    expect(() => buildSaleEvent({ ...base, priced: priceCart(emptyCart(true)), payments: [{ tender: 'cash', amount: 0 }] })).toThrow(
      expect.objectContaining({ code: 'empty_sale' }),
    );
    const priced = pricedExample();
    expect(() => buildSaleEvent({ ...base, priced, payments: [{ tender: 'cash', amount: 100 }] })).toThrow(
      expect.objectContaining({ code: 'payment_incomplete' }),
    );
    expect(() => buildSaleEvent({ ...base, priced, payments: [{ tender: 'card', amount: 5000 }] })).toThrow(
      expect.objectContaining({ code: 'overpaid_non_cash', field: 'payments.0' }),
    );
  });

  it('takes a zero-total sale paid with nothing', () => {
    const free = priceCart(setCartDiscount(addItem(emptyCart(true), tea, 1000), { kind: 'percent', bp: 10_000 }));
    const sale = buildSaleEvent({ ...ids, priced: free, payments: [{ tender: 'cash', amount: 0 }], receiptNo: 'X-000001' });
    expect(sale.totals).toMatchObject({ gross: 0, discount: 350 });
  });
});

describe('receiptNumber', () => {
  it('pads the sequence after the device code', () => {
    expect(receiptNumber('S01-T1', 123)).toBe('S01-T1-000123');
    expect(receiptNumber('T2', 1_234_567)).toBe('T2-1234567');
    expect(() => receiptNumber('S01 T1', 1)).toThrow(RangeError);
    expect(() => receiptNumber('S01', 0)).toThrow(RangeError);
    expect(() => receiptNumber('X'.repeat(40), 1)).toThrow(/40/);
  });
});
