import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { billingOf, canStepOrder, reserve, salesLineAmounts, statusAfterShipment } from './rules.ts';

describe('sales order rules', () => {
  it('edits only quotations and ships only confirmed orders', () => {
    expect(canStepOrder('quotation', 'edit')).toBe(true);
    expect(canStepOrder('confirmed', 'edit')).toBe(false);
    expect(canStepOrder('quotation', 'ship')).toBe(false);
    expect(canStepOrder('partially_shipped', 'ship')).toBe(true);
    expect(canStepOrder('shipped', 'cancel')).toBe(false);
    expect(canStepOrder('cancelled', 'confirm')).toBe(false);
  });

  it('prices a line before tax, discount off the amount', () => {
    expect(salesLineAmounts(12_000, 450, 400, 1300)).toEqual({ net: 5000, tax: 650, gross: 5650 });
    expect(() => salesLineAmounts(1000, 100, 101, 1300)).toThrow(RangeError);
  });

  it('is shipped when every line is', () => {
    expect(statusAfterShipment([{ qtyMilli: 5000, shippedMilli: 5000 }, { qtyMilli: 1000, shippedMilli: 0 }])).toBe('partially_shipped');
    expect(statusAfterShipment([{ qtyMilli: 5000, shippedMilli: 5000 }])).toBe('shipped');
  });

  it('reserves in line order from what is available, the rest back-ordered', () => {
    const r = reserve(
      [
        { key: 'a', productId: 'p', needMilli: 6000 },
        { key: 'b', productId: 'p', needMilli: 6000 },
        { key: 'c', productId: 'q', needMilli: 1000 },
      ],
      new Map([['p', 10_000]]),
    );
    expect(r.get('a')).toEqual({ reservedMilli: 6000, backorderMilli: 0 });
    expect(r.get('b')).toEqual({ reservedMilli: 4000, backorderMilli: 2000 });
    expect(r.get('c')).toEqual({ reservedMilli: 0, backorderMilli: 1000 });
  });

  it('never reserves more than is available, nor a negative amount', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50_000 }), { maxLength: 10 }), fc.integer({ min: -5000, max: 80_000 }), (needs, avail) => {
        const r = reserve(needs.map((n, i) => ({ key: String(i), productId: 'p', needMilli: n })), new Map([['p', avail]]));
        const total = [...r.values()].reduce((s, x) => s + x.reservedMilli, 0);
        expect(total).toBeLessThanOrEqual(Math.max(0, avail));
        for (const [k, x] of r) {
          expect(x.reservedMilli).toBeGreaterThanOrEqual(0);
          expect(x.reservedMilli + x.backorderMilli).toBe(needs[Number(k)]);
        }
      }),
    );
  });
});

describe('billingOf', () => {
  const o = { status: 'shipped' as const, qtyMilli: 10_000, shippedMilli: 10_000, invoicedMilli: 0, openOnInvoices: 0 };
  it('follows an order from shipped to invoiced to paid', () => {
    expect(billingOf(o)).toBe('not_invoiced');
    expect(billingOf({ ...o, invoicedMilli: 4000, openOnInvoices: 4520 })).toBe('partly_invoiced');
    expect(billingOf({ ...o, invoicedMilli: 10_000, openOnInvoices: 1520 })).toBe('invoiced');
    expect(billingOf({ ...o, invoicedMilli: 10_000, openOnInvoices: 0 })).toBe('paid');
  });
  it('counts what an order still has to ship until it is shipped in full or cancelled', () => {
    expect(billingOf({ ...o, status: 'partially_shipped', shippedMilli: 8000, invoicedMilli: 8000 })).toBe('partly_invoiced');
    expect(billingOf({ ...o, status: 'cancelled', shippedMilli: 8000, invoicedMilli: 8000 })).toBe('paid');
  });
});
