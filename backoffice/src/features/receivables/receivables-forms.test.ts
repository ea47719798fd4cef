import type { CustomerInvoice, CustomerInvoiceSummary } from '@shopbook/shared';
import { describe, expect, it } from 'vitest';
import { allocationsFor, creditAllocationsFor, creditLinesFrom, validateBill, validateCredit, validateCreditApplication, validateReceipt, type BillLine } from './receivables-forms.ts';

const C = '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a21';
const S = '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a22';
const L = (n: number) => `0190a1b2-c3d4-7e5f-8a6b-00000000000${n}`;

describe('receivables forms', () => {
  it('invoices the ticked shipped lines, never more than is open', () => {
    const lines: BillLine[] = [
      { orderLineId: L(1), orderNumber: 'SO-1', sku: 'A', name: 'A', qtyOpen: '10', billed: true, qty: '10' },
      { orderLineId: L(2), orderNumber: 'SO-1', sku: 'B', name: 'B', qtyOpen: '2', billed: false, qty: '2' },
    ];
    expect(validateBill(C, S, '2026-03-02', lines).request?.lines).toEqual([{ orderLineId: L(1), qty: '10' }]);
    lines[0]!.qty = '11';
    expect(validateBill(C, S, '2026-03-02', lines).errors['lines.0.qty']?.raw).toBe('only 10 is left to invoice');
  });

  it('credits what is left on each line, sending only lines with a quantity, with a reason', () => {
    const invoice = { lines: [{ id: L(1), sku: 'A', name: 'A', qty: '10', qtyCredited: '3' }, { id: L(2), sku: 'B', name: 'B', qty: '1', qtyCredited: '1' }] } as CustomerInvoice;
    const lines = creditLinesFrom(invoice);
    expect(lines.map((l) => [l.sku, l.left])).toEqual([['A', '7']]);
    lines[0]!.qty = '2';
    expect(validateCredit('', '2026-03-04', lines).errors.reason).toBeDefined();
    expect(validateCredit('torn', '2026-03-04', lines).request?.lines).toEqual([{ invoiceLineId: L(1), qty: '2', returnToStock: true }]);
  });

  it('spreads a payment over open invoices, the rest kept as credit', () => {
    const inv = (n: number, open: number, due: string) => ({ id: L(n), kind: 'invoice', open, dueDate: due }) as CustomerInvoiceSummary;
    const allocations = allocationsFor([inv(1, 5000, '2026-04-01'), inv(2, 2000, '2026-03-01')], 2);
    expect(allocations.map((a) => a.pay)).toEqual(['20.00', '50.00']);
    const ok = validateReceipt(C, '2026-03-05', 'bank', '80', allocations, 2);
    expect(ok.credit).toBe(1000);
    expect(ok.request).toMatchObject({ amount: 8000, allocations: [{ invoiceId: L(2), amount: 2000 }, { invoiceId: L(1), amount: 5000 }] });
    expect(validateReceipt(C, '2026-03-05', 'bank', '60', allocations, 2).errors.allocations).toBeDefined();
  });

  it('applies credit to the oldest invoices first, never more than the credit or what is open', () => {
    const inv = (n: number, open: number, due: string) => ({ id: L(n), kind: 'invoice', open, dueDate: due }) as CustomerInvoiceSummary;
    const rows = creditAllocationsFor([inv(1, 5000, '2026-04-01'), inv(2, 2000, '2026-03-01'), inv(3, 900, '2026-05-01')], 4500, 2);
    expect(rows.map((r) => [r.invoice.id, r.pay])).toEqual([[L(2), '20.00'], [L(1), '25.00'], [L(3), '']]);
    expect(validateCreditApplication(rows, 4500, 2)).toMatchObject({ applied: 4500, request: { allocations: [{ invoiceId: L(2), amount: 2000 }, { invoiceId: L(1), amount: 2500 }] } });
    rows[2]!.pay = '1';
    expect(validateCreditApplication(rows, 4500, 2).errors.allocations?.raw).toBe('only 45.00 of credit is left');
    rows[2]!.pay = '9.01';
    expect(validateCreditApplication(rows, 9999, 2).errors['allocations.2.amount']?.raw).toBe('only 9.00 is open');
    expect(validateCreditApplication(rows.map((r) => ({ ...r, pay: '' })), 4500, 2).request).toBeNull();
  });
});
