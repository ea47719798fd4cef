import { z } from 'zod';
import { PAYMENT_METHODS } from './payables.ts';
import { quantityStringSchema } from './inventory.ts';

/** Wire schemas of receivables (应收): customer invoices and credit notes, payments, aging, statements. */

const uuidOf = (field: string) => z.uuid({ message: `${field} must be a uuid` });
const dateOf = (field: string) => z.iso.date({ message: `${field} must be a date YYYY-MM-DD` });
const textOf = (field: string, max: number) => z.string({ message: `${field} must be text` }).trim().max(max, `${field} is at most ${max} characters`);
const moneyOf = (field: string) =>
  z.number({ message: `${field} must be a number` }).int(`${field} must be whole minor units`).min(0, `${field} must not be negative`).max(Number.MAX_SAFE_INTEGER);
const positiveQty = (field: string) => quantityStringSchema.refine((q) => Number(q) > 0, `${field} must be greater than zero`);
const uniqueBy = <T>(key: (t: T) => string, field: string) => (list: T[], ctx: z.RefinementCtx) => {
  const seen = new Set<string>();
  list.forEach((l, i) => {
    if (seen.has(key(l))) ctx.addIssue({ code: 'custom', path: [i, field], message: `${field} is listed twice` });
    seen.add(key(l));
  });
};

export const customerInvoiceInputSchema = z.object({
  customerId: uuidOf('customerId'),
  storeId: uuidOf('storeId'),
  invoiceDate: dateOf('invoiceDate'),
  note: textOf('note', 500).default(''),
  lines: z
    .array(z.object({ orderLineId: uuidOf('orderLineId'), qty: positiveQty('qty') }))
    .min(1, 'an invoice bills at least one shipped line')
    .max(500)
    .superRefine(uniqueBy((l) => l.orderLineId, 'orderLineId')),
});
export type CustomerInvoiceInput = z.input<typeof customerInvoiceInputSchema>;

export const saleInvoiceInputSchema = z.object({
  saleId: uuidOf('saleId'),
  /** Needed when the sale was rung up without a customer. */
  customerId: uuidOf('customerId').optional(),
  invoiceDate: dateOf('invoiceDate'),
});

export const creditNoteInputSchema = z.object({
  reason: textOf('reason', 500).min(1, 'reason is required'),
  creditDate: dateOf('creditDate'),
  lines: z
    .array(z.object({ invoiceLineId: uuidOf('invoiceLineId'), qty: positiveQty('qty'), returnToStock: z.boolean().default(true) }))
    .min(1, 'a credit note credits at least one line')
    .max(500)
    .superRefine(uniqueBy((l) => l.invoiceLineId, 'invoiceLineId')),
});
export type CreditNoteInput = z.input<typeof creditNoteInputSchema>;

export const customerInvoiceLineSchema = z.object({
  id: z.string(),
  lineNo: z.number().int(),
  productId: z.string(),
  sku: z.string(),
  name: z.string(),
  sourceLineId: z.string(),
  qty: z.string(),
  price: z.number().int(),
  taxRateBp: z.number().int(),
  net: z.number().int(),
  tax: z.number().int(),
  gross: z.number().int(),
  /** Already credited by credit notes (invoices only). */
  qtyCredited: z.string(),
});

export const customerInvoiceSummarySchema = z.object({
  id: z.string(),
  number: z.string(),
  kind: z.enum(['invoice', 'credit_note']),
  source: z.enum(['shipments', 'till_sale']),
  customerId: z.string(),
  customerName: z.string(),
  storeId: z.string(),
  creditOf: z.string().nullable(),
  invoiceDate: z.string(),
  dueDate: z.string(),
  buyerTitle: z.string(),
  buyerTaxNumber: z.string(),
  net: z.number().int(),
  tax: z.number().int(),
  gross: z.number().int(),
  settled: z.number().int(),
  /** Invoices: still to be paid. Credit notes: credit not yet used. */
  open: z.number().int(),
  note: z.string(),
  createdAt: z.string(),
});
export type CustomerInvoiceSummary = z.infer<typeof customerInvoiceSummarySchema>;
export const customerInvoiceSchema = customerInvoiceSummarySchema.extend({
  lines: z.array(customerInvoiceLineSchema),
  /** Per tax rate, as the VAT invoice shows it. */
  byRate: z.array(z.object({ taxRateBp: z.number().int(), net: z.number().int(), tax: z.number().int() })),
});
export type CustomerInvoice = z.infer<typeof customerInvoiceSchema>;

export const customerInvoiceQuerySchema = z.object({
  customerId: uuidOf('customerId').optional(),
  open: z.enum(['true', 'false'], { message: 'open must be true or false' }).optional(),
});

/** Shipped sales-order lines not yet invoiced. */
export const invoiceableShipmentLineSchema = z.object({
  orderLineId: z.string(),
  orderNumber: z.string(),
  sku: z.string(),
  name: z.string(),
  qtyOpen: z.string(),
  price: z.number().int(),
  taxRateBp: z.number().int(),
});

export const customerPaymentInputSchema = z
  .object({
    customerId: uuidOf('customerId'),
    paymentDate: dateOf('paymentDate'),
    method: z.enum(PAYMENT_METHODS, { message: `method must be one of ${PAYMENT_METHODS.join(', ')}` }),
    amount: moneyOf('amount').refine((a) => a > 0, 'amount must be greater than zero'),
    reference: textOf('reference', 100).default(''),
    allocations: z
      .array(z.object({ invoiceId: uuidOf('invoiceId'), amount: moneyOf('amount').refine((a) => a > 0, 'amount must be greater than zero') }))
      .max(200)
      .default([])
      .superRefine(uniqueBy((a) => a.invoiceId, 'invoiceId')),
  })
  .superRefine((v, ctx) => {
    const total = v.allocations.reduce((s, a) => s + a.amount, 0);
    if (total > v.amount) ctx.addIssue({ code: 'custom', path: ['allocations'], message: `allocations add up to ${total}, more than the amount ${v.amount}` });
  });
export type CustomerPaymentInput = z.input<typeof customerPaymentInputSchema>;

/** A payment's credit (what it left unallocated) applied to the customer's later invoices. */
export const applyCreditInputSchema = z.object({
  allocations: z
    .array(z.object({ invoiceId: uuidOf('invoiceId'), amount: moneyOf('amount').refine((a) => a > 0, 'amount must be greater than zero') }))
    .min(1, 'allocations must name at least one invoice')
    .max(200)
    .superRefine(uniqueBy((a) => a.invoiceId, 'invoiceId')),
});
export type ApplyCreditInput = z.input<typeof applyCreditInputSchema>;

export const customerCreditQuerySchema = z.object({ customerId: uuidOf('customerId') });

export const customerPaymentSchema = z.object({
  id: z.string(),
  number: z.string(),
  customerId: z.string(),
  paymentDate: z.string(),
  method: z.enum(PAYMENT_METHODS),
  amount: z.number().int(),
  unallocated: z.number().int(),
  reference: z.string(),
  allocations: z.array(z.object({ invoiceId: z.string(), invoiceNumber: z.string(), amount: z.number().int() })),
});
export type CustomerPayment = z.infer<typeof customerPaymentSchema>;

export const receivablesAgingRowSchema = z.object({
  customerId: z.string(),
  customerCode: z.string(),
  customerName: z.string(),
  current: z.number().int(),
  d1_30: z.number().int(),
  d31_60: z.number().int(),
  d61_90: z.number().int(),
  d90_plus: z.number().int(),
  /** Payments not allocated and credit notes not used: what the customer has to their credit. */
  credit: z.number().int(),
  total: z.number().int(),
});
export type ReceivablesAgingRow = z.infer<typeof receivablesAgingRowSchema>;

export const statementEntrySchema = z.object({
  date: z.string(),
  kind: z.enum(['invoice', 'credit_note', 'payment']),
  id: z.string(),
  number: z.string(),
  amount: z.number().int(),
  balance: z.number().int(),
});
export type StatementEntry = z.infer<typeof statementEntrySchema>;
