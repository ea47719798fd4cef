import { z } from 'zod';
import { quantityStringSchema } from './inventory.ts';

/**
 * Wire schemas of payables (应付): supplier invoices matched to receipts, payments and
 * their allocations, aging and the supplier ledger. Money is integer minor units; base
 * amounts are in the company's currency.
 */

const uuidOf = (field: string) => z.uuid({ message: `${field} must be a uuid` });
const dateOf = (field: string) => z.iso.date({ message: `${field} must be a date YYYY-MM-DD` });
const textOf = (field: string, max: number) => z.string({ message: `${field} must be text` }).trim().max(max, `${field} is at most ${max} characters`);
const moneyOf = (field: string) =>
  z.number({ message: `${field} must be a number` }).int(`${field} must be whole minor units`).min(0, `${field} must not be negative`).max(Number.MAX_SAFE_INTEGER);

export const SUPPLIER_INVOICE_STATUSES = ['draft', 'posted', 'cancelled'] as const;
export const PAYMENT_METHODS = ['bank', 'cash', 'other'] as const;

export const supplierInvoiceInputSchema = z
  .object({
    supplierId: uuidOf('supplierId'),
    supplierInvoiceNo: textOf('supplierInvoiceNo', 64).min(1, 'supplierInvoiceNo is required'),
    invoiceDate: dateOf('invoiceDate'),
    note: textOf('note', 500).default(''),
    lines: z
      .array(
        z.object({
          receiptLineId: uuidOf('receiptLineId'),
          qty: quantityStringSchema.refine((q) => Number(q) > 0, 'qty must be greater than zero').describe('Stock units billed'),
          /** Per purchase unit, before tax; defaults to the order's price. */
          price: moneyOf('price').optional(),
          /** Defaults to the order line's rate. */
          taxRateBp: z.number().int('taxRateBp must be whole basis points').min(0).max(10_000, 'taxRateBp is at most 10000').optional(),
        }),
      )
      .min(1, 'an invoice bills at least one receipt line')
      .max(500, 'an invoice has at most 500 lines'),
  })
  .superRefine((v, ctx) => {
    const seen = new Set<string>();
    v.lines.forEach((l, i) => {
      if (seen.has(l.receiptLineId)) ctx.addIssue({ code: 'custom', path: ['lines', i, 'receiptLineId'], message: 'receiptLineId is listed twice' });
      seen.add(l.receiptLineId);
    });
  });
export type SupplierInvoiceInput = z.input<typeof supplierInvoiceInputSchema>;

export const supplierInvoiceLineSchema = z.object({
  id: z.string(),
  lineNo: z.number().int(),
  receiptLineId: z.string(),
  receiptNumber: z.string(),
  orderNumber: z.string(),
  productId: z.string(),
  sku: z.string(),
  name: z.string(),
  qty: z.string(),
  price: z.number().int(),
  orderPrice: z.number().int(),
  taxRateBp: z.number().int(),
  orderTaxRateBp: z.number().int(),
  net: z.number().int(),
  tax: z.number().int(),
  gross: z.number().int(),
  baseNet: z.number().int(),
  expectedBaseNet: z.number().int(),
  differences: z.array(z.enum(['price', 'tax_rate'])),
  grniCleared: z.number().int().nullable(),
  variance: z.number().int().nullable(),
});

export const supplierInvoiceSchema = z.object({
  id: z.string(),
  number: z.string(),
  supplierId: z.string(),
  supplierName: z.string(),
  supplierInvoiceNo: z.string(),
  invoiceDate: z.string(),
  dueDate: z.string(),
  currency: z.string(),
  exchangeRate: z.string(),
  status: z.enum(SUPPLIER_INVOICE_STATUSES),
  net: z.number().int(),
  tax: z.number().int(),
  gross: z.number().int(),
  baseNet: z.number().int(),
  baseTax: z.number().int(),
  baseGross: z.number().int(),
  paid: z.number().int(),
  open: z.number().int(),
  needsApproval: z.boolean(),
  approvedBy: z.string().nullable(),
  note: z.string(),
  createdAt: z.string(),
  postedAt: z.string().nullable(),
  lines: z.array(supplierInvoiceLineSchema),
});
export type SupplierInvoice = z.infer<typeof supplierInvoiceSchema>;
export const supplierInvoiceSummarySchema = supplierInvoiceSchema.omit({ lines: true });
export type SupplierInvoiceSummary = z.infer<typeof supplierInvoiceSummarySchema>;

export const supplierInvoiceQuerySchema = z.object({
  supplierId: uuidOf('supplierId').optional(),
  status: z.enum(SUPPLIER_INVOICE_STATUSES, { message: `status must be one of ${SUPPLIER_INVOICE_STATUSES.join(', ')}` }).optional(),
  /** Only posted invoices with something left to pay. */
  open: z.enum(['true', 'false'], { message: 'open must be true or false' }).optional(),
});

/** A received line still to be billed: accepted − returned − billed by posted invoices. */
export const invoiceableLineSchema = z.object({
  receiptLineId: z.string(),
  receiptNumber: z.string(),
  receivedAt: z.string().nullable(),
  orderNumber: z.string(),
  productId: z.string(),
  sku: z.string(),
  name: z.string(),
  packSize: z.string(),
  qtyOpen: z.string(),
  orderPrice: z.number().int(),
  taxRateBp: z.number().int(),
  currency: z.string(),
});
export type InvoiceableLine = z.infer<typeof invoiceableLineSchema>;

export const supplierPaymentInputSchema = z
  .object({
    supplierId: uuidOf('supplierId'),
    paymentDate: dateOf('paymentDate'),
    method: z.enum(PAYMENT_METHODS, { message: `method must be one of ${PAYMENT_METHODS.join(', ')}` }),
    amount: moneyOf('amount').refine((a) => a > 0, 'amount must be greater than zero'),
    reference: textOf('reference', 100).default(''),
    note: textOf('note', 500).default(''),
    allocations: z
      .array(z.object({ invoiceId: uuidOf('invoiceId'), amount: moneyOf('amount').refine((a) => a > 0, 'amount must be greater than zero') }))
      .min(1, 'a payment settles at least one invoice')
      .max(200),
  })
  .superRefine((v, ctx) => {
    const seen = new Set<string>();
    v.allocations.forEach((a, i) => {
      if (seen.has(a.invoiceId)) ctx.addIssue({ code: 'custom', path: ['allocations', i, 'invoiceId'], message: 'invoiceId is listed twice' });
      seen.add(a.invoiceId);
    });
    const total = v.allocations.reduce((s, a) => s + a.amount, 0);
    if (total !== v.amount) ctx.addIssue({ code: 'custom', path: ['allocations'], message: `allocations add up to ${total}, not the amount ${v.amount}` });
  });
export type SupplierPaymentInput = z.input<typeof supplierPaymentInputSchema>;

export const supplierPaymentSchema = z.object({
  id: z.string(),
  number: z.string(),
  supplierId: z.string(),
  supplierName: z.string(),
  paymentDate: z.string(),
  method: z.enum(PAYMENT_METHODS),
  amount: z.number().int(),
  reference: z.string(),
  note: z.string(),
  createdAt: z.string(),
  allocations: z.array(z.object({ invoiceId: z.string(), invoiceNumber: z.string(), supplierInvoiceNo: z.string(), amount: z.number().int() })),
});
export type SupplierPayment = z.infer<typeof supplierPaymentSchema>;

export const agingRowSchema = z.object({
  supplierId: z.string(),
  supplierCode: z.string(),
  supplierName: z.string(),
  current: z.number().int(),
  d1_30: z.number().int(),
  d31_60: z.number().int(),
  d61_90: z.number().int(),
  d90_plus: z.number().int(),
  total: z.number().int(),
});
export type AgingRow = z.infer<typeof agingRowSchema>;

export const agingQuerySchema = z.object({ asOf: dateOf('asOf').optional() });

export const dueInvoiceSchema = supplierInvoiceSummarySchema.extend({ daysPastDue: z.number().int() });

export const ledgerEntrySchema = z.object({
  date: z.string(),
  kind: z.enum(['invoice', 'payment']),
  id: z.string(),
  number: z.string(),
  reference: z.string(),
  /** What the supplier is owed more (invoices) or less (payments). */
  amount: z.number().int(),
  balance: z.number().int(),
});
export type LedgerEntry = z.infer<typeof ledgerEntrySchema>;
