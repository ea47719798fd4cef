import type { InvoiceableLine, SupplierInvoiceSummary } from '@shopbook/shared';
import { describe, expect, it } from 'vitest';
import { apiFieldToForm, invoiceFormFor, previewLine, validateInvoice } from './invoice-form.ts';
import { paymentFormFor, paymentTotal, validatePayment } from './payment-form.ts';

const S = '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a21';
const RL = (n: number) => `0190a1b2-c3d4-7e5f-8a6b-00000000000${n}`;
const line = (n: number, over: Partial<InvoiceableLine> = {}): InvoiceableLine => ({
  receiptLineId: RL(n), receiptNumber: 'GRN-1', receivedAt: null, orderNumber: 'PO-1', productId: RL(9), sku: `A${n}`, name: 'A', packSize: '10',
  qtyOpen: '20', orderPrice: 20_000, taxRateBp: 1300, currency: 'CNY', ...over,
});

describe('entering a supplier invoice', () => {
  it('prefills every open line as ordered, and sends only the ticked ones', () => {
    const form = invoiceFormFor(S, [line(1), line(2, { qtyOpen: '5', packSize: '1', orderPrice: 500 })], 2, '2026-03-02');
    expect(form.lines.map((l) => [l.qty, l.price])).toEqual([['20', '200.00'], ['5', '5.00']]);
    form.supplierInvoiceNo = ' INV-1 ';
    form.lines[0]!.billed = false;
    const { request, errors } = validateInvoice(form, 2);
    expect(errors).toEqual({});
    expect(request).toEqual({ supplierId: S, supplierInvoiceNo: 'INV-1', invoiceDate: '2026-03-02', note: '', lines: [{ receiptLineId: RL(2), qty: '5', price: 500 }] });
  });

  it('shows the difference from the order before saving', () => {
    const form = invoiceFormFor(S, [line(1)], 2, '2026-03-02');
    form.lines[0]!.price = '210';
    expect(previewLine(form.lines[0]!, 2)).toMatchObject({ net: 42_000, expectedBaseNet: 40_000, differences: ['price'], needsApproval: true });
    form.lines[0]!.price = 'abc';
    expect(previewLine(form.lines[0]!, 2)).toBeNull();
  });

  it('puts errors on the form row, also for errors the API names by billed line', () => {
    const form = invoiceFormFor(S, [line(1), line(2)], 2, '2026-03-02');
    form.supplierInvoiceNo = 'X';
    form.lines[0]!.billed = false;
    form.lines[1]!.qty = '21';
    expect(validateInvoice(form, 2).errors['lines.1.qty']?.raw).toBe('only 20 is left to bill');
    expect(apiFieldToForm(form, 'lines.0.qty')).toBe('lines.1.qty');
    form.lines[1]!.qty = '2';
    form.supplierInvoiceNo = '';
    expect(validateInvoice(form, 2).errors.supplierInvoiceNo).toBeDefined();
  });
});

describe('paying a supplier', () => {
  const inv = (n: number, open: number, due: string): SupplierInvoiceSummary =>
    ({ id: RL(n), number: `SI-${n}`, dueDate: due, open, baseGross: open, paid: 0 }) as SupplierInvoiceSummary;

  it('prefills open invoices oldest due first, and adds up what is paid on each', () => {
    const form = paymentFormFor(S, [inv(1, 5000, '2026-04-01'), inv(2, 2500, '2026-03-15')], 2, '2026-03-05');
    expect(form.allocations.map((a) => [a.invoice.number, a.pay])).toEqual([['SI-2', '25.00'], ['SI-1', '50.00']]);
    form.allocations[1]!.pay = '10';
    expect(paymentTotal(form, 2)).toBe(3500);
    const { request, errors } = validatePayment(form, 2);
    expect(errors).toEqual({});
    expect(request).toMatchObject({ amount: 3500, allocations: [{ invoiceId: RL(2), amount: 2500 }, { invoiceId: RL(1), amount: 1000 }] });
  });

  it('refuses paying more than is open, or nothing at all', () => {
    const form = paymentFormFor(S, [inv(1, 5000, '2026-04-01')], 2, '2026-03-05');
    form.allocations[0]!.pay = '60';
    expect(validatePayment(form, 2).errors['allocations.0.amount']?.raw).toBe('only 50.00 is open');
    form.allocations[0]!.pay = '';
    expect(validatePayment(form, 2).request).toBeNull();
  });
});
