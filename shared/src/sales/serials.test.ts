import { describe, expect, it } from 'vitest';
import { newId } from '../ids/uuidv7.ts';
import { priceCart } from './cart.ts';
import { type CartProduct, addItem, addSerialUnit, emptyCart, removeSerialUnit, setQty } from './cart-edit.ts';
import { SalesError } from './errors.ts';
import { buildReturnEvent, refundableLines } from './returns.ts';
import { buildSaleEvent } from './sale-event.ts';
import { storeIds } from './test-support.ts';

const phone: CartProduct = { id: newId(), name: 'Phone', price: 199_900, taxRateBp: 1300, weighed: false };
const common = { ...storeIds, receiptNo: 'S01-T1-000300' };

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof SalesError ? e.code : String(e);
  }
  return null;
};

describe('serial-tracked units in the cart', () => {
  it('adds one unit per serial to one line, and refuses the same unit twice or a serial that is not one', () => {
    let cart = addSerialUnit(emptyCart(true), phone, ' imei-1 ');
    cart = addSerialUnit(cart, phone, 'IMEI-2');
    expect(cart.lines).toHaveLength(1);
    expect(cart.lines[0]).toMatchObject({ qtyMilli: 2000, serials: ['IMEI-1', 'IMEI-2'] });
    expect(code(() => addSerialUnit(cart, phone, 'imei-1'))).toBe('serial_in_cart');
    expect(code(() => addSerialUnit(cart, phone, 'two words'))).toBe('serial_invalid');
  });

  it('keeps units off plain lines: the quantity follows the serials, and removing the last unit removes the line', () => {
    const plain = addItem(emptyCart(true), phone, 1000);
    const both = addSerialUnit(plain, phone, 'IMEI-1');
    expect(both.lines).toHaveLength(2);
    const serialLine = both.lines[1]!;
    expect(code(() => setQty(both, serialLine.lineId, 2000))).toBe('serial_quantity');
    const withTwo = addSerialUnit(both, phone, 'IMEI-2');
    const withOne = removeSerialUnit(withTwo, serialLine.lineId, 'imei-1');
    expect(withOne.lines[1]).toMatchObject({ qtyMilli: 1000, serials: ['IMEI-2'] });
    expect(removeSerialUnit(withOne, serialLine.lineId, 'IMEI-2').lines).toHaveLength(1);
    expect(code(() => removeSerialUnit(withOne, serialLine.lineId, 'IMEI-9'))).toBe('unknown_serial');
  });

  it('sends the serials with the sale and takes back exactly the units sold, each once', () => {
    let cart = addSerialUnit(emptyCart(true), phone, 'IMEI-1');
    cart = addSerialUnit(cart, phone, 'IMEI-2');
    const sale = buildSaleEvent({ ...common, priced: priceCart(cart), payments: [{ tender: 'cash', amount: 399_800 }] });
    const line = sale.lines[0]!;
    expect(line.serials).toEqual(['IMEI-1', 'IMEI-2']);

    const pick = (serials: string[], qtyMilli = serials.length * 1000) => ({ originalLineId: line.lineId, qtyMilli, serials });
    const first = buildReturnEvent({ ...common, originalSale: sale, picks: [pick(['imei-2'])] });
    expect(first.lines[0]).toMatchObject({ qty: '1', serials: ['IMEI-2'], gross: 199_900 });
    expect(refundableLines(sale, [first])[0]!.serialsOut).toEqual(['IMEI-1']);
    expect(code(() => buildReturnEvent({ ...common, originalSale: sale, previousReturns: [first], picks: [pick(['IMEI-2'])] }))).toBe('unknown_serial');
    expect(code(() => buildReturnEvent({ ...common, originalSale: sale, picks: [pick(['IMEI-9'])] }))).toBe('unknown_serial');
    expect(code(() => buildReturnEvent({ ...common, originalSale: sale, picks: [pick(['IMEI-1'], 2000)] }))).toBe('serial_quantity');
    expect(code(() => buildReturnEvent({ ...common, originalSale: sale, picks: [{ originalLineId: line.lineId, qtyMilli: 1000 }] }))).toBe('serial_quantity');
  });
});
