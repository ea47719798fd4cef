import { invoiceLineAmounts, parseQuantity, supplierInvoiceInputSchema, type InvoiceableLine, type SupplierInvoiceInput } from '@shopbook/shared';
import { issuesToFieldErrors, type FieldErrors } from '../../forms/field-errors.ts';
import { moneyToInput, parseMoneyInput } from '../../forms/money-input.ts';

/**
 * Entering a supplier's invoice: the received lines still to bill, each ticked or not,
 * with the quantity and price as typed (prefilled from the receipt and the order, the
 * usual case being "as ordered"). Whether a line differs from the order, and by how much,
 * shows before saving; the API computes the same with the same shared rule.
 */
export interface InvoiceLineForm {
  line: InvoiceableLine;
  billed: boolean;
  qty: string;
  /** Price per purchase unit in major units, as typed. */
  price: string;
}

export interface InvoiceForm {
  supplierId: string;
  supplierInvoiceNo: string;
  invoiceDate: string;
  note: string;
  lines: InvoiceLineForm[];
}

export function invoiceFormFor(supplierId: string, lines: readonly InvoiceableLine[], decimals: number, today: string): InvoiceForm {
  return {
    supplierId, supplierInvoiceNo: '', invoiceDate: today, note: '',
    lines: lines.map((line) => ({ line, billed: true, qty: line.qtyOpen, price: moneyToInput(line.orderPrice, decimals) })),
  };
}

/** Minor units of a typed price, or null. */
const priceOf = (l: InvoiceLineForm, decimals: number) => parseMoneyInput(l.price, decimals);

/** The line's amounts and its difference from the order, or null while the input is not valid. */
export function previewLine(l: InvoiceLineForm, decimals: number) {
  const price = priceOf(l, decimals);
  let qtyMilli: number;
  try {
    qtyMilli = parseQuantity(l.qty.trim());
  } catch {
    return null;
  }
  if (price === null || qtyMilli <= 0) return null;
  return invoiceLineAmounts(
    { qtyMilli, packSizeMilli: parseQuantity(l.line.packSize), priceMinor: price, taxRateBp: l.line.taxRateBp },
    { priceMinor: l.line.orderPrice, taxRateBp: l.line.taxRateBp },
  );
}

export function validateInvoice(form: InvoiceForm, decimals: number): { request: SupplierInvoiceInput | null; errors: FieldErrors } {
  const billed = form.lines.map((l, i) => ({ l, i })).filter((x) => x.l.billed);
  const request: SupplierInvoiceInput = {
    supplierId: form.supplierId,
    supplierInvoiceNo: form.supplierInvoiceNo.trim(),
    invoiceDate: form.invoiceDate,
    note: form.note.trim(),
    lines: billed.map(({ l }) => ({ receiptLineId: l.line.receiptLineId, qty: l.qty.trim(), price: priceOf(l, decimals) ?? -1 })),
  };
  const parsed = supplierInvoiceInputSchema.safeParse(request);
  const errors: FieldErrors = {};
  if (!parsed.success) {
    // The request numbers only billed lines; the form shows every line.
    for (const [key, e] of Object.entries(issuesToFieldErrors(parsed.error.issues))) {
      const m = /^lines\.(\d+)\.(.*)$/.exec(key);
      errors[m ? `lines.${billed[Number(m[1])]!.i}.${m[2]}` : key] = e;
    }
  }
  billed.forEach(({ l, i }) => {
    if (priceOf(l, decimals) === null) errors[`lines.${i}.price`] = { key: 'costFormat', raw: 'not a price' };
    try {
      if (parseQuantity(l.qty.trim()) > parseQuantity(l.line.qtyOpen)) errors[`lines.${i}.qty`] = { key: null, raw: `only ${l.line.qtyOpen} is left to bill` };
    } catch {
      errors[`lines.${i}.qty`] ??= { key: 'quantityFormat', raw: 'not a quantity' };
    }
  });
  return { request: Object.keys(errors).length === 0 && parsed.success ? (parsed.data as SupplierInvoiceInput) : null, errors };
}

/** Maps the API's `lines.N.field` (billed lines only) back to the form's rows. */
export function apiFieldToForm(form: InvoiceForm, field: string): string {
  const billed = form.lines.map((l, i) => ({ l, i })).filter((x) => x.l.billed);
  const m = /^lines\.(\d+)\.(.*)$/.exec(field);
  return m && billed[Number(m[1])] ? `lines.${billed[Number(m[1])]!.i}.${m[2]}` : field;
}
