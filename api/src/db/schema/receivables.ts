import { bigint, date, index, integer, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth.ts';
import { products } from './catalogue.ts';
import { stores } from './org.ts';
import { customers } from './partners.ts';

/**
 * A customer invoice (销售发票) or credit note, numbered without gaps per store and year
 * when it is issued. From shipped sales-order lines it books the receivable; for a till
 * sale, already booked when it was rung up, it is the tax document only.
 */
export const customerInvoices = pgTable(
  'customer_invoices',
  {
    id: uuid('id').primaryKey(),
    number: text('number').notNull().unique(),
    kind: text('kind', { enum: ['invoice', 'credit_note'] }).notNull(),
    source: text('source', { enum: ['shipments', 'till_sale'] }).notNull(),
    customerId: uuid('customer_id').notNull().references(() => customers.id),
    storeId: uuid('store_id').notNull().references(() => stores.id),
    /** The invoice a credit note corrects. */
    creditOf: uuid('credit_of'),
    /** The till sale invoiced, for source 'till_sale'. */
    saleId: uuid('sale_id'),
    invoiceDate: date('invoice_date').notNull(),
    dueDate: date('due_date').notNull(),
    /** The buyer as printed: invoice title and tax number at the time of issue. */
    buyerTitle: text('buyer_title').notNull(),
    buyerTaxNumber: text('buyer_tax_number').notNull(),
    net: bigint('net', { mode: 'number' }).notNull(),
    tax: bigint('tax', { mode: 'number' }).notNull(),
    gross: bigint('gross', { mode: 'number' }).notNull(),
    /** Settled so far: payments allocated (invoices) or credit used (credit notes); a till sale's paid part from the start. */
    settled: bigint('settled', { mode: 'number' }).notNull().default(0),
    note: text('note').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('customer_invoices_customer_idx').on(t.customerId), index('customer_invoices_due_idx').on(t.dueDate)],
);

export const customerInvoiceLines = pgTable(
  'customer_invoice_lines',
  {
    id: uuid('id').primaryKey(),
    invoiceId: uuid('invoice_id').notNull().references(() => customerInvoices.id),
    lineNo: integer('line_no').notNull(),
    productId: uuid('product_id').notNull().references(() => products.id),
    /** The sales-order line, the till sale line, or for a credit note the invoice line it credits. */
    sourceLineId: uuid('source_line_id').notNull(),
    qty: numeric('qty', { precision: 14, scale: 3 }).notNull(),
    price: bigint('price', { mode: 'number' }).notNull(),
    taxRateBp: integer('tax_rate_bp').notNull(),
    net: bigint('net', { mode: 'number' }).notNull(),
    tax: bigint('tax', { mode: 'number' }).notNull(),
    gross: bigint('gross', { mode: 'number' }).notNull(),
    /** Credit notes: units taken back into stock, and their cost. */
    qtyReturned: numeric('qty_returned', { precision: 14, scale: 3 }).notNull().default('0'),
    costReturned: bigint('cost_returned', { mode: 'number' }).notNull().default(0),
  },
  (t) => [index('customer_invoice_lines_invoice_idx').on(t.invoiceId), index('customer_invoice_lines_source_idx').on(t.sourceLineId)],
);

/** Money received from a customer; what no invoice takes stays as the customer's credit. */
export const customerPayments = pgTable(
  'customer_payments',
  {
    id: uuid('id').primaryKey(),
    number: text('number').notNull().unique(),
    customerId: uuid('customer_id').notNull().references(() => customers.id),
    paymentDate: date('payment_date').notNull(),
    method: text('method', { enum: ['bank', 'cash', 'other'] }).notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    /** Not allocated to any invoice: the customer's credit. */
    unallocated: bigint('unallocated', { mode: 'number' }).notNull(),
    reference: text('reference').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('customer_payments_customer_idx').on(t.customerId)],
);

export const customerPaymentAllocations = pgTable(
  'customer_payment_allocations',
  {
    id: uuid('id').primaryKey(),
    paymentId: uuid('payment_id').notNull().references(() => customerPayments.id),
    invoiceId: uuid('invoice_id').notNull().references(() => customerInvoices.id),
    amount: bigint('amount', { mode: 'number' }).notNull(),
  },
  (t) => [index('customer_payment_allocations_invoice_idx').on(t.invoiceId)],
);

