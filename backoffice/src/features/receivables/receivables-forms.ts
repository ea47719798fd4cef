import {
  creditNoteInputSchema, customerInvoiceInputSchema, customerPaymentInputSchema, parseQuantity,
  type ApplyCreditInput, type CreditNoteInput, type CustomerInvoice, type CustomerInvoiceInput, type CustomerInvoiceSummary, type CustomerPaymentInput,
} from '@shopbook/shared';
import { issuesToFieldErrors, type FieldErrors } from '../../forms/field-errors.ts';
import { moneyToInput, parseMoneyInput } from '../../forms/money-input.ts';

/**
 * The three things a person types in receivables: which shipped lines an invoice bills,
 * which invoice lines a credit note gives back, and how a customer's payment is spread.
 * Each validates with the schema the API runs; errors are keyed like the API's.
 */
export interface BillLine {
  orderLineId: string;
  orderNumber: string;
  sku: string;
  name: string;
  qtyOpen: string;
  billed: boolean;
  qty: string;
}

export function validateBill(customerId: string, storeId: string, invoiceDate: string, lines: readonly BillLine[]): { request: CustomerInvoiceInput | null; errors: FieldErrors } {
  const billed = lines.map((l, i) => ({ l, i })).filter((x) => x.l.billed);
  const request: CustomerInvoiceInput = { customerId, storeId, invoiceDate, lines: billed.map(({ l }) => ({ orderLineId: l.orderLineId, qty: l.qty.trim() })) };
  const parsed = customerInvoiceInputSchema.safeParse(request);
  const errors: FieldErrors = {};
  if (!parsed.success) {
    for (const [key, e] of Object.entries(issuesToFieldErrors(parsed.error.issues))) {
      const m = /^lines\.(\d+)\.(.*)$/.exec(key);
      errors[m && billed[Number(m[1])] ? `lines.${billed[Number(m[1])]!.i}.${m[2]}` : key] = e;
    }
  }
  billed.forEach(({ l, i }) => {
    try {
      if (parseQuantity(l.qty.trim()) > parseQuantity(l.qtyOpen)) errors[`lines.${i}.qty`] = { key: null, raw: `only ${l.qtyOpen} is left to invoice` };
    } catch {
      errors[`lines.${i}.qty`] ??= { key: 'quantityFormat', raw: 'not a quantity' };
    }
  });
  return { request: Object.keys(errors).length === 0 && parsed.success ? (parsed.data as CustomerInvoiceInput) : null, errors };
}

export interface CreditLine {
  invoiceLineId: string;
  sku: string;
  name: string;
  left: string;
  qty: string;
  returnToStock: boolean;
}

export function creditLinesFrom(invoice: CustomerInvoice): CreditLine[] {
  return invoice.lines
    .map((l) => ({ l, left: parseQuantity(l.qty) - parseQuantity(l.qtyCredited) }))
    .filter((x) => x.left > 0)
    .map(({ l, left }) => ({ invoiceLineId: l.id, sku: l.sku, name: l.name, left: String(left / 1000), qty: '', returnToStock: true }));
}

export function validateCredit(reason: string, creditDate: string, lines: readonly CreditLine[]): { request: CreditNoteInput | null; errors: FieldErrors } {
  const sent = lines.map((l, i) => ({ l, i })).filter((x) => x.l.qty.trim() !== '');
  const request: CreditNoteInput = { reason: reason.trim(), creditDate, lines: sent.map(({ l }) => ({ invoiceLineId: l.invoiceLineId, qty: l.qty.trim(), returnToStock: l.returnToStock })) };
  const parsed = creditNoteInputSchema.safeParse(request);
  const errors: FieldErrors = {};
  if (!parsed.success) {
    for (const [key, e] of Object.entries(issuesToFieldErrors(parsed.error.issues))) {
      const m = /^lines\.(\d+)\.(.*)$/.exec(key);
      errors[m && sent[Number(m[1])] ? `lines.${sent[Number(m[1])]!.i}.${m[2]}` : key] = e;
    }
  }
  return { request: Object.keys(errors).length === 0 && parsed.success ? (parsed.data as CreditNoteInput) : null, errors };
}

export interface ReceiptAllocation {
  invoice: CustomerInvoiceSummary;
  pay: string;
}

/** Open invoices oldest due first, each prefilled with what is open. */
export function allocationsFor(open: readonly CustomerInvoiceSummary[], decimals: number): ReceiptAllocation[] {
  return open
    .filter((i) => i.kind === 'invoice' && i.open > 0)
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate))
    .map((invoice) => ({ invoice, pay: moneyToInput(invoice.open, decimals) }));
}

/** The amount received is typed; what the invoices do not take stays as the customer's credit. */
export function validateReceipt(
  customerId: string, paymentDate: string, method: 'bank' | 'cash' | 'other', amount: string, allocations: readonly ReceiptAllocation[], decimals: number,
): { request: CustomerPaymentInput | null; errors: FieldErrors; credit: number } {
  const errors: FieldErrors = {};
  const total = parseMoneyInput(amount, decimals);
  if (total === null) errors.amount = { key: 'costFormat', raw: 'enter the amount received' };
  const rows = allocations.map((a, i) => ({ a, i, amount: a.pay.trim() === '' ? 0 : parseMoneyInput(a.pay, decimals) }));
  rows.forEach(({ a, i, amount: x }) => {
    if (x === null) errors[`allocations.${i}.amount`] = { key: 'costFormat', raw: 'not an amount' };
    else if (x > a.invoice.open) errors[`allocations.${i}.amount`] = { key: null, raw: `only ${moneyToInput(a.invoice.open, decimals)} is open` };
  });
  const paid = rows.filter((r) => (r.amount ?? 0) > 0);
  const allocated = paid.reduce((s, r) => s + r.amount!, 0);
  const request: CustomerPaymentInput = {
    customerId, paymentDate, method, amount: total ?? 0, allocations: paid.map((r) => ({ invoiceId: r.a.invoice.id, amount: r.amount! })),
  };
  const parsed = customerPaymentInputSchema.safeParse(request);
  if (!parsed.success) {
    for (const [key, e] of Object.entries(issuesToFieldErrors(parsed.error.issues))) errors[key] ??= e;
  }
  return { request: Object.keys(errors).length === 0 && parsed.success ? (parsed.data as CustomerPaymentInput) : null, errors, credit: Math.max(0, (total ?? 0) - allocated) };
}

/**
 * A payment's credit over the customer's open invoices, oldest due first: each takes
 * what is open until the credit runs out.
 */
export function creditAllocationsFor(open: readonly CustomerInvoiceSummary[], credit: number, decimals: number): ReceiptAllocation[] {
  let left = credit;
  return allocationsFor(open, decimals).map(({ invoice }) => {
    const take = Math.min(left, invoice.open);
    left -= take;
    return { invoice, pay: take > 0 ? moneyToInput(take, decimals) : '' };
  });
}

/** The typed amounts → what to apply, no more than each invoice has open nor the credit holds. */
export function validateCreditApplication(
  allocations: readonly ReceiptAllocation[], credit: number, decimals: number,
): { request: ApplyCreditInput | null; errors: FieldErrors; applied: number } {
  const errors: FieldErrors = {};
  const rows = allocations.map((a, i) => ({ a, i, amount: a.pay.trim() === '' ? 0 : parseMoneyInput(a.pay, decimals) }));
  rows.forEach(({ a, i, amount: x }) => {
    if (x === null) errors[`allocations.${i}.amount`] = { key: 'costFormat', raw: 'not an amount' };
    else if (x > a.invoice.open) errors[`allocations.${i}.amount`] = { key: null, raw: `only ${moneyToInput(a.invoice.open, decimals)} is open` };
  });
  const paid = rows.filter((r) => (r.amount ?? 0) > 0);
  const applied = paid.reduce((s, r) => s + r.amount!, 0);
  if (applied > credit) errors.allocations = { key: null, raw: `only ${moneyToInput(credit, decimals)} of credit is left` };
  if (paid.length === 0 && Object.keys(errors).length === 0) errors.allocations = { key: null, raw: 'enter what to apply to at least one invoice' };
  const request = { allocations: paid.map((r) => ({ invoiceId: r.a.invoice.id, amount: r.amount! })) };
  return { request: Object.keys(errors).length === 0 ? request : null, errors, applied };
}
