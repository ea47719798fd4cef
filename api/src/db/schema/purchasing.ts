import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, numeric, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth.ts';
import { products } from './catalogue.ts';
import { batches } from './inventory.ts';
import { warehouses } from './org.ts';
import { suppliers } from './partners.ts';

/**
 * Purchasing (采购): supplier contacts and bank accounts, approval limits, purchase
 * orders, goods receipts against them and returns to suppliers. Order amounts are minor
 * units of the order's currency; `base_…` columns and every unit cost and value are in
 * the company's currency. Quantities on order lines are purchase units (`qty`) and
 * stock units (`stock_qty` = qty × pack size); receipts and returns count stock units.
 */

export const supplierContacts = pgTable(
  'supplier_contacts',
  {
    id: uuid('id').primaryKey(),
    supplierId: uuid('supplier_id').notNull().references(() => suppliers.id),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    role: text('role').notNull().default(''),
    phone: text('phone').notNull().default(''),
    email: text('email').notNull().default(''),
  },
  (t) => [index('supplier_contacts_supplier_idx').on(t.supplierId)],
);

export const supplierBankAccounts = pgTable(
  'supplier_bank_accounts',
  {
    id: uuid('id').primaryKey(),
    supplierId: uuid('supplier_id').notNull().references(() => suppliers.id),
    position: integer('position').notNull(),
    bankName: text('bank_name').notNull(),
    accountName: text('account_name').notNull(),
    accountNumber: text('account_number').notNull(),
    branch: text('branch').notNull().default(''),
    swift: text('swift').notNull().default(''),
    isDefault: boolean('is_default').notNull().default(false),
  },
  (t) => [index('supplier_bank_accounts_supplier_idx').on(t.supplierId)],
);

/**
 * Per role, the largest order (base-currency total including tax, minor units) its
 * holders may approve, or submit without approval; NULL is unlimited. A role without
 * a row approves nothing.
 */
export const approvalLimits = pgTable('approval_limits', {
  role: text('role').primaryKey(),
  maxAmount: bigint('max_amount', { mode: 'number' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
});

export const purchaseOrders = pgTable(
  'purchase_orders',
  {
    id: uuid('id').primaryKey(),
    number: text('number').notNull().unique(),
    supplierId: uuid('supplier_id').notNull().references(() => suppliers.id),
    warehouseId: uuid('warehouse_id').notNull().references(() => warehouses.id),
    status: text('status', {
      enum: ['draft', 'submitted', 'approved', 'rejected', 'sent', 'partially_received', 'received', 'closed', 'cancelled'],
    })
      .notNull()
      .default('draft'),
    currency: text('currency').notNull(),
    /** Base currency per one unit of the order currency. */
    exchangeRate: numeric('exchange_rate', { precision: 18, scale: 6 }).notNull(),
    expectedDate: date('expected_date'),
    reference: text('reference').notNull().default(''),
    note: text('note').notNull().default(''),
    net: bigint('net', { mode: 'number' }).notNull(),
    tax: bigint('tax', { mode: 'number' }).notNull(),
    gross: bigint('gross', { mode: 'number' }).notNull(),
    baseNet: bigint('base_net', { mode: 'number' }).notNull(),
    baseTax: bigint('base_tax', { mode: 'number' }).notNull(),
    baseGross: bigint('base_gross', { mode: 'number' }).notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    submittedBy: uuid('submitted_by').references(() => users.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    approvalMode: text('approval_mode', { enum: ['self', 'approver'] }),
    approvedBy: uuid('approved_by').references(() => users.id),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    rejectedBy: uuid('rejected_by').references(() => users.id),
    rejectedAt: timestamp('rejected_at', { withTimezone: true }),
    rejectReason: text('reject_reason'),
    sentBy: uuid('sent_by').references(() => users.id),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    closedBy: uuid('closed_by').references(() => users.id),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closeReason: text('close_reason'),
    cancelledBy: uuid('cancelled_by').references(() => users.id),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelReason: text('cancel_reason'),
  },
  (t) => [
    index('purchase_orders_supplier_idx').on(t.supplierId),
    index('purchase_orders_status_idx').on(t.status, t.warehouseId),
    check('purchase_orders_rate_positive', sql`${t.exchangeRate} > 0`),
  ],
);

export const purchaseOrderLines = pgTable(
  'purchase_order_lines',
  {
    id: uuid('id').primaryKey(),
    orderId: uuid('order_id').notNull().references(() => purchaseOrders.id),
    lineNo: integer('line_no').notNull(),
    productId: uuid('product_id').notNull().references(() => products.id),
    itemCode: text('item_code').notNull().default(''),
    /** Purchase units. */
    qty: numeric('qty', { precision: 14, scale: 3 }).notNull(),
    /** Stock units per purchase unit. */
    packSize: numeric('pack_size', { precision: 14, scale: 3 }).notNull(),
    stockQty: numeric('stock_qty', { precision: 14, scale: 3 }).notNull(),
    /** Per purchase unit, order currency, before tax. */
    price: bigint('price', { mode: 'number' }).notNull(),
    taxRateBp: integer('tax_rate_bp').notNull(),
    net: bigint('net', { mode: 'number' }).notNull(),
    tax: bigint('tax', { mode: 'number' }).notNull(),
    gross: bigint('gross', { mode: 'number' }).notNull(),
    baseNet: bigint('base_net', { mode: 'number' }).notNull(),
    baseTax: bigint('base_tax', { mode: 'number' }).notNull(),
    /** Base currency per stock unit, 4 decimals of a minor unit: what receipts bring stock in at. */
    unitCost: numeric('unit_cost', { precision: 18, scale: 4 }).notNull(),
    expectedDate: date('expected_date'),
    /** Running totals in stock units, kept by posted receipts and returns. */
    qtyReceived: numeric('qty_received', { precision: 14, scale: 3 }).notNull().default('0'),
    qtyRejected: numeric('qty_rejected', { precision: 14, scale: 3 }).notNull().default('0'),
    qtyReturned: numeric('qty_returned', { precision: 14, scale: 3 }).notNull().default('0'),
  },
  (t) => [
    index('purchase_order_lines_order_idx').on(t.orderId),
    index('purchase_order_lines_product_idx').on(t.productId),
    check('purchase_order_lines_qty_positive', sql`${t.qty} > 0 AND ${t.packSize} > 0 AND ${t.stockQty} > 0`),
    check('purchase_order_lines_returned_le_received', sql`${t.qtyReturned} <= ${t.qtyReceived}`),
  ],
);

/** A delivery against an order (采购入库): accepted goods into stock, rejected ones refused. */
export const purchaseReceipts = pgTable(
  'purchase_receipts',
  {
    id: uuid('id').primaryKey(),
    number: text('number').notNull().unique(),
    orderId: uuid('order_id').notNull().references(() => purchaseOrders.id),
    warehouseId: uuid('warehouse_id').notNull().references(() => warehouses.id),
    status: text('status', { enum: ['draft', 'posted', 'cancelled'] }).notNull().default('draft'),
    reference: text('reference').notNull().default(''),
    note: text('note').notNull().default(''),
    /** Base-currency value booked, set when posted. */
    value: bigint('value', { mode: 'number' }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    postedBy: uuid('posted_by').references(() => users.id),
    postedAt: timestamp('posted_at', { withTimezone: true }),
  },
  (t) => [index('purchase_receipts_order_idx').on(t.orderId)],
);

export const purchaseReceiptLines = pgTable(
  'purchase_receipt_lines',
  {
    id: uuid('id').primaryKey(),
    receiptId: uuid('receipt_id').notNull().references(() => purchaseReceipts.id),
    lineNo: integer('line_no').notNull(),
    orderLineId: uuid('order_line_id').notNull().references(() => purchaseOrderLines.id),
    productId: uuid('product_id').notNull().references(() => products.id),
    qtyReceived: numeric('qty_received', { precision: 14, scale: 3 }).notNull(),
    qtyAccepted: numeric('qty_accepted', { precision: 14, scale: 3 }).notNull(),
    /** Serial numbers of the accepted units, for a serial-tracked product (one per unit). */
    serials: text('serials').array().notNull().default(sql`'{}'::text[]`),
    qtyRejected: numeric('qty_rejected', { precision: 14, scale: 3 }).notNull(),
    rejectReason: text('reject_reason').notNull().default(''),
    /** Accepted stock since sent back to the supplier by posted returns. */
    qtyReturned: numeric('qty_returned', { precision: 14, scale: 3 }).notNull().default('0'),
    /** Accepted stock billed by posted supplier invoices. */
    qtyInvoiced: numeric('qty_invoiced', { precision: 14, scale: 3 }).notNull().default('0'),
    batchNo: text('batch_no'),
    productionDate: date('production_date'),
    expiryDate: date('expiry_date'),
    batchId: uuid('batch_id').references(() => batches.id),
    unitCost: numeric('unit_cost', { precision: 18, scale: 4 }),
    value: bigint('value', { mode: 'number' }),
    /** Set when posted: this receipt took its order line beyond the over-receipt tolerance (posted by someone with purchasing.approve). */
    overReceipt: boolean('over_receipt').notNull().default(false),
  },
  (t) => [
    index('purchase_receipt_lines_receipt_idx').on(t.receiptId),
    index('purchase_receipt_lines_order_line_idx').on(t.orderLineId),
    check('purchase_receipt_lines_quantities', sql`${t.qtyAccepted} >= 0 AND ${t.qtyRejected} >= 0 AND ${t.qtyAccepted} + ${t.qtyRejected} = ${t.qtyReceived}`),
    check('purchase_receipt_lines_returned_le_accepted', sql`${t.qtyReturned} >= 0 AND ${t.qtyReturned} <= ${t.qtyAccepted}`),
    check('purchase_receipt_lines_invoiced_le_accepted', sql`${t.qtyInvoiced} >= 0 AND ${t.qtyInvoiced} <= ${t.qtyAccepted}`),
  ],
);

/** Goods sent back to the supplier (采购退货), out of the warehouse and batch they came into. */
export const purchaseReturns = pgTable(
  'purchase_returns',
  {
    id: uuid('id').primaryKey(),
    number: text('number').notNull().unique(),
    orderId: uuid('order_id').notNull().references(() => purchaseOrders.id),
    receiptId: uuid('receipt_id').notNull().references(() => purchaseReceipts.id),
    warehouseId: uuid('warehouse_id').notNull().references(() => warehouses.id),
    status: text('status', { enum: ['draft', 'posted', 'cancelled'] }).notNull().default('draft'),
    reason: text('reason').notNull(),
    note: text('note').notNull().default(''),
    value: bigint('value', { mode: 'number' }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    postedBy: uuid('posted_by').references(() => users.id),
    postedAt: timestamp('posted_at', { withTimezone: true }),
  },
  (t) => [index('purchase_returns_order_idx').on(t.orderId), index('purchase_returns_receipt_idx').on(t.receiptId)],
);

export const purchaseReturnLines = pgTable(
  'purchase_return_lines',
  {
    id: uuid('id').primaryKey(),
    returnId: uuid('return_id').notNull().references(() => purchaseReturns.id),
    lineNo: integer('line_no').notNull(),
    receiptLineId: uuid('receipt_line_id').notNull().references(() => purchaseReceiptLines.id),
    qty: numeric('qty', { precision: 14, scale: 3 }).notNull(),
    /** Serial numbers of the units, for a serial-tracked product (one per unit). */
    serials: text('serials').array().notNull().default(sql`'{}'::text[]`),
    reason: text('reason').notNull().default(''),
    unitCost: numeric('unit_cost', { precision: 18, scale: 4 }),
    value: bigint('value', { mode: 'number' }),
  },
  (t) => [
    index('purchase_return_lines_return_idx').on(t.returnId),
    unique('purchase_return_lines_once').on(t.returnId, t.receiptLineId),
    check('purchase_return_lines_qty_positive', sql`${t.qty} > 0`),
  ],
);
