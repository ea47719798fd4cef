import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth.ts';
import { products } from './catalogue.ts';
import { suppliers } from './partners.ts';
import { purchaseOrderLines, purchaseReceiptLines } from './purchasing.ts';

/**
 * A supplier's invoice (应付发票) matched to the receipt lines it bills: posting clears
 * goods received not invoiced, books input VAT and the payable. Money in the order's
 * currency, with base-currency amounts at the order's rate.
 */
export const supplierInvoices = pgTable(
  'supplier_invoices',
  {
    id: uuid('id').primaryKey(),
    number: text('number').notNull().unique(),
    supplierId: uuid('supplier_id').notNull().references(() => suppliers.id),
    /** The number printed on the supplier's invoice. */
    supplierInvoiceNo: text('supplier_invoice_no').notNull(),
    invoiceDate: date('invoice_date').notNull(),
    dueDate: date('due_date').notNull(),
    currency: text('currency').notNull(),
    exchangeRate: numeric('exchange_rate', { precision: 18, scale: 6 }).notNull(),
    status: text('status', { enum: ['draft', 'posted', 'cancelled'] }).notNull().default('draft'),
    net: bigint('net', { mode: 'number' }).notNull(),
    tax: bigint('tax', { mode: 'number' }).notNull(),
    gross: bigint('gross', { mode: 'number' }).notNull(),
    baseNet: bigint('base_net', { mode: 'number' }).notNull(),
    baseTax: bigint('base_tax', { mode: 'number' }).notNull(),
    baseGross: bigint('base_gross', { mode: 'number' }).notNull(),
    /** Base minor units paid so far by allocations of supplier payments. */
    paid: bigint('paid', { mode: 'number' }).notNull().default(0),
    /** A line's price or tax rate differs from the order beyond the tolerance: posting needs an approver. */
    needsApproval: boolean('needs_approval').notNull().default(false),
    approvedBy: uuid('approved_by').references(() => users.id),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    note: text('note').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    postedBy: uuid('posted_by').references(() => users.id),
    postedAt: timestamp('posted_at', { withTimezone: true }),
  },
  (t) => [
    index('supplier_invoices_supplier_idx').on(t.supplierId),
    index('supplier_invoices_due_idx').on(t.dueDate),
    uniqueIndex('supplier_invoices_supplier_no').on(t.supplierId, t.supplierInvoiceNo).where(sql`${t.status} <> 'cancelled'`),
  ],
);

export const supplierInvoiceLines = pgTable(
  'supplier_invoice_lines',
  {
    id: uuid('id').primaryKey(),
    invoiceId: uuid('invoice_id').notNull().references(() => supplierInvoices.id),
    lineNo: integer('line_no').notNull(),
    receiptLineId: uuid('receipt_line_id').notNull().references(() => purchaseReceiptLines.id),
    orderLineId: uuid('order_line_id').notNull().references(() => purchaseOrderLines.id),
    productId: uuid('product_id').notNull().references(() => products.id),
    /** Stock units billed. */
    qty: numeric('qty', { precision: 14, scale: 3 }).notNull(),
    /** Per purchase unit, invoice currency, before tax. */
    price: bigint('price', { mode: 'number' }).notNull(),
    taxRateBp: integer('tax_rate_bp').notNull(),
    net: bigint('net', { mode: 'number' }).notNull(),
    tax: bigint('tax', { mode: 'number' }).notNull(),
    gross: bigint('gross', { mode: 'number' }).notNull(),
    baseNet: bigint('base_net', { mode: 'number' }).notNull(),
    baseTax: bigint('base_tax', { mode: 'number' }).notNull(),
    /** Base net of the same quantity at the order's price: the match. */
    expectedBaseNet: bigint('expected_base_net', { mode: 'number' }).notNull(),
    /** What the invoice differs in: 'price', 'tax_rate' (comma-separated), '' when it matches. */
    differences: text('differences').notNull().default(''),
    /** Set when posted: goods received not invoiced cleared for these units, and base net − that. */
    grniCleared: bigint('grni_cleared', { mode: 'number' }),
    variance: bigint('variance', { mode: 'number' }),
  },
  (t) => [index('supplier_invoice_lines_invoice_idx').on(t.invoiceId), index('supplier_invoice_lines_receipt_line_idx').on(t.receiptLineId)],
);

/** Money paid to a supplier (付款), spread over their open invoices. */
export const supplierPayments = pgTable(
  'supplier_payments',
  {
    id: uuid('id').primaryKey(),
    number: text('number').notNull().unique(),
    supplierId: uuid('supplier_id').notNull().references(() => suppliers.id),
    paymentDate: date('payment_date').notNull(),
    method: text('method', { enum: ['bank', 'cash', 'other'] }).notNull(),
    /** Base minor units. */
    amount: bigint('amount', { mode: 'number' }).notNull(),
    reference: text('reference').notNull().default(''),
    note: text('note').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('supplier_payments_supplier_idx').on(t.supplierId)],
);

export const supplierPaymentAllocations = pgTable(
  'supplier_payment_allocations',
  {
    id: uuid('id').primaryKey(),
    paymentId: uuid('payment_id').notNull().references(() => supplierPayments.id),
    invoiceId: uuid('invoice_id').notNull().references(() => supplierInvoices.id),
    amount: bigint('amount', { mode: 'number' }).notNull(),
  },
  (t) => [index('supplier_payment_allocations_payment_idx').on(t.paymentId), index('supplier_payment_allocations_invoice_idx').on(t.invoiceId)],
);
