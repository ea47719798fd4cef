import type { Product, SalesOrder } from '@shopbook/shared';
import { describe, expect, it } from 'vitest';
import { emptyOrderForm, formFromOrder, lineFromProduct, orderTotals, shipFormFrom, validateOrder, withCustomer } from './order-form.ts';

const C = '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a21';
const W = '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a22';
const P = '0190a1b2-c3d4-7e5f-8a6b-000000000001';
const product = { id: P, sku: 'A', name: 'Tea', unit: 'each', salePrice: 1130, taxRateBasisPoints: 1300 } as Product;

describe('a quotation as typed', () => {
  it('starts a line at the shelf price less its tax, and prices it before tax', () => {
    const line = lineFromProduct(product, 2);
    expect([line.qty, line.price]).toEqual(['1', '10.00']);
    const form = { ...emptyOrderForm(W), customerId: C, lines: [{ ...line, qty: '12', price: '4.50', discount: '4' }] };
    expect(orderTotals(form, 2)).toEqual({ net: 5000, tax: 650, gross: 5650 });
    const { request, errors } = validateOrder(form, 2);
    expect(errors).toEqual({});
    expect(request!.lines).toEqual([{ productId: P, qty: '12', price: 450, discount: 400, taxRateBp: 1300 }]);
  });

  it("prices new lines at the customer's price list once the customer is picked", () => {
    const form = emptyOrderForm(W);
    withCustomer(form, { id: C, discountBp: 500 });
    expect(form.discountBp).toBe(500);
    // 11.30 on the shelf, 5 % off: 10.74 (half-up), 9.50 before 13 % tax.
    expect(lineFromProduct(product, 2, form.discountBp).price).toBe('9.50');
    expect('discountBp' in validateOrder({ ...form, lines: [lineFromProduct(product, 2, 500)] }, 2).request!).toBe(false);
  });

  it('names what is missing or wrong', () => {
    const form = { ...emptyOrderForm(), lines: [{ ...lineFromProduct(product, 2), price: 'x' }, { ...lineFromProduct(product, 2), price: '1', discount: '5' }] };
    const { request, errors } = validateOrder(form, 2);
    expect(request).toBeNull();
    expect(Object.keys(errors).sort()).toEqual(['customerId', 'lines.0.price', 'lines.1.discount', 'warehouseId']);
  });

  it("takes the customer's salesperson, and sends it only for someone who may assign orders", () => {
    const SP = '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a23';
    const form = { ...emptyOrderForm(W), lines: [lineFromProduct(product, 2)] };
    withCustomer(form, { id: C, salespersonId: SP });
    expect([form.customerId, form.salespersonId]).toEqual([C, SP]);
    expect(validateOrder(form, 2, true).request?.salespersonId).toBe(SP);
    // Sales staff leave it out: the API makes a new order theirs and keeps it on an edit.
    expect('salespersonId' in validateOrder(form, 2).request!).toBe(false);
    withCustomer(form, { id: C, salespersonId: null });
    expect(validateOrder(form, 2, true).request?.salespersonId).toBeNull();
    withCustomer(form, { id: C });
    expect(form.salespersonId).toBe('');
    const order = { customerId: C, warehouseId: W, reference: '', deliveryDate: null, note: '', salespersonId: SP, lines: [] } as unknown as SalesOrder;
    expect(formFromOrder(order, 2).salespersonId).toBe(SP);
  });

  it('ships what is reserved unless told otherwise', () => {
    const o = { lines: [{ id: 'l1', qtyReserved: '4' }, { id: 'l2', qtyReserved: '0' }] } as unknown as SalesOrder;
    expect(shipFormFrom(o)).toEqual({ l1: '4', l2: '' });
  });
});
