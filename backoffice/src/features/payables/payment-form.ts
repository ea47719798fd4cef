import { supplierPaymentInputSchema, type SupplierInvoiceSummary, type SupplierPaymentInput } from '@shopbook/shared';
import { issuesToFieldErrors, type FieldErrors } from '../../forms/field-errors.ts';
import { moneyToInput, parseMoneyInput } from '../../forms/money-input.ts';

/**
 * Paying a supplier: their open invoices, oldest due first, each with the amount to pay
 * now as typed (prefilled with what is open, the usual case being "pay these in full").
 * The payment's amount is the sum of what is paid on each invoice.
 */
export interface AllocationForm {
  invoice: SupplierInvoiceSummary;
  pay: string;
}

export interface PaymentForm {
  supplierId: string;
  paymentDate: string;
  method: 'bank' | 'cash' | 'other';
  reference: string;
  note: string;
  allocations: AllocationForm[];
}

export function paymentFormFor(supplierId: string, open: readonly SupplierInvoiceSummary[], decimals: number, today: string): PaymentForm {
  return {
    supplierId, paymentDate: today, method: 'bank', reference: '', note: '',
    allocations: [...open].sort((a, b) => a.dueDate.localeCompare(b.dueDate)).map((invoice) => ({ invoice, pay: moneyToInput(invoice.open, decimals) })),
  };
}

/** What the payment comes to, from the amounts that parse (others count as nothing). */
export function paymentTotal(form: PaymentForm, decimals: number): number {
  return form.allocations.reduce((s, a) => s + (parseMoneyInput(a.pay, decimals) ?? 0), 0);
}

export function validatePayment(form: PaymentForm, decimals: number): { request: SupplierPaymentInput | null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const rows = form.allocations.map((a, i) => ({ a, i, amount: a.pay.trim() === '' ? 0 : parseMoneyInput(a.pay, decimals) }));
  rows.forEach(({ a, i, amount }) => {
    if (amount === null) errors[`allocations.${i}.amount`] = { key: 'costFormat', raw: 'not an amount' };
    else if (amount > a.invoice.open) errors[`allocations.${i}.amount`] = { key: null, raw: `only ${moneyToInput(a.invoice.open, decimals)} is open` };
  });
  const paid = rows.filter((r) => (r.amount ?? 0) > 0);
  const request: SupplierPaymentInput = {
    supplierId: form.supplierId, paymentDate: form.paymentDate, method: form.method, reference: form.reference.trim(), note: form.note.trim(),
    amount: paid.reduce((s, r) => s + r.amount!, 0),
    allocations: paid.map((r) => ({ invoiceId: r.a.invoice.id, amount: r.amount! })),
  };
  const parsed = supplierPaymentInputSchema.safeParse(request);
  if (!parsed.success) {
    for (const [key, e] of Object.entries(issuesToFieldErrors(parsed.error.issues))) {
      const m = /^allocations\.(\d+)\.(.*)$/.exec(key);
      errors[m ? `allocations.${paid[Number(m[1])]!.i}.${m[2]}` : key] ??= e;
    }
  }
  return { request: Object.keys(errors).length === 0 && parsed.success ? (parsed.data as SupplierPaymentInput) : null, errors };
}
