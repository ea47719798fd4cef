import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { categories, products } from './catalogue.ts';
import { warehouses } from './org.ts';
import { suppliers } from './partners.ts';
import { users } from './auth.ts';

/**
 * Stock documents. Drafts never touch the ledger; posting (or shipping, receiving,
 * approving) writes the moves in the same transaction that flips the status.
 */

/** A direct goods receipt: opening stock or a delivery without a purchase order. */
export const stockReceipts = pgTable(
  'stock_receipts',
  {
    id: uuid('id').primaryKey(),
    number: text('number').notNull().unique(),
    warehouseId: uuid('warehouse_id').notNull().references(() => warehouses.id),
    supplierId: uuid('supplier_id').references(() => suppliers.id),
    reference: text('reference').notNull().default(''),
    note: text('note').notNull().default(''),
    status: text('status', { enum: ['draft', 'posted'] }).notNull().default('draft'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    postedBy: uuid('posted_by').references(() => users.id),
    postedAt: timestamp('posted_at', { withTimezone: true }),
  },
  (t) => [index('stock_receipts_wh_idx').on(t.warehouseId)],
);

export const stockReceiptLines = pgTable(
  'stock_receipt_lines',
  {
    id: uuid('id').primaryKey(),
    receiptId: uuid('receipt_id').notNull().references(() => stockReceipts.id),
    lineNo: integer('line_no').notNull(),
    productId: uuid('product_id').notNull().references(() => products.id),
    qty: numeric('qty', { precision: 14, scale: 3 }).notNull(),
    /** Serial numbers of the units, for a serial-tracked product (one per unit). */
    serials: text('serials').array().notNull().default(sql`'{}'::text[]`),
    /** Minor units with 4 decimals, before tax. */
    unitCost: numeric('unit_cost', { precision: 18, scale: 4 }).notNull(),
    batchNo: text('batch_no'),
    productionDate: date('production_date'),
    expiryDate: date('expiry_date'),
  },
  (t) => [index('stock_receipt_lines_doc_idx').on(t.receiptId)],
);

export const transfers = pgTable(
  'transfers',
  {
    id: uuid('id').primaryKey(),
    number: text('number').notNull().unique(),
    fromWarehouseId: uuid('from_warehouse_id').notNull().references(() => warehouses.id),
    toWarehouseId: uuid('to_warehouse_id').notNull().references(() => warehouses.id),
    status: text('status', { enum: ['draft', 'shipped', 'received', 'cancelled'] }).notNull().default('draft'),
    note: text('note').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    shippedBy: uuid('shipped_by').references(() => users.id),
    shippedAt: timestamp('shipped_at', { withTimezone: true }),
    receivedBy: uuid('received_by').references(() => users.id),
    receivedAt: timestamp('received_at', { withTimezone: true }),
  },
  (t) => [index('transfers_from_idx').on(t.fromWarehouseId), index('transfers_to_idx').on(t.toWarehouseId)],
);

export const transferLines = pgTable(
  'transfer_lines',
  {
    id: uuid('id').primaryKey(),
    transferId: uuid('transfer_id').notNull().references(() => transfers.id),
    lineNo: integer('line_no').notNull(),
    productId: uuid('product_id').notNull().references(() => products.id),
    /** Named batch, or null for first-expiry-first-out when shipped. */
    batchId: uuid('batch_id'),
    qty: numeric('qty', { precision: 14, scale: 3 }).notNull(),
    qtyReceived: numeric('qty_received', { precision: 14, scale: 3 }),
    /** Serial numbers of the units shipped, for a serial-tracked product (one per unit). */
    serials: text('serials').array().notNull().default(sql`'{}'::text[]`),
    /** Of those, the units that arrived (set when received). */
    serialsReceived: text('serials_received').array().notNull().default(sql`'{}'::text[]`),
  },
  (t) => [index('transfer_lines_doc_idx').on(t.transferId)],
);

/** 盘点: a count of a warehouse (whole or one category) against a snapshot taken at start. */
export const stockTakes = pgTable(
  'stock_takes',
  {
    id: uuid('id').primaryKey(),
    number: text('number').notNull().unique(),
    warehouseId: uuid('warehouse_id').notNull().references(() => warehouses.id),
    categoryId: uuid('category_id').references(() => categories.id),
    /** Count only products kept at locations starting with this (e.g. 'A-03'). */
    location: text('location'),
    blind: boolean('blind').notNull().default(false),
    status: text('status', { enum: ['counting', 'approved', 'cancelled'] }).notNull().default('counting'),
    note: text('note').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    approvedBy: uuid('approved_by').references(() => users.id),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
  },
  (t) => [index('stock_takes_wh_idx').on(t.warehouseId)],
);

/** Expected quantities frozen when the count starts. */
export const stockTakeLines = pgTable(
  'stock_take_lines',
  {
    id: uuid('id').primaryKey(),
    stockTakeId: uuid('stock_take_id').notNull().references(() => stockTakes.id),
    productId: uuid('product_id').notNull().references(() => products.id),
    batchId: uuid('batch_id').notNull(),
    expectedQty: numeric('expected_qty', { precision: 14, scale: 3 }).notNull(),
  },
  (t) => [index('stock_take_lines_doc_idx').on(t.stockTakeId, t.productId)],
);

/** Each scan or typed count by each counter; several counters add up. */
export const stockTakeCounts = pgTable(
  'stock_take_counts',
  {
    id: uuid('id').primaryKey(),
    stockTakeId: uuid('stock_take_id').notNull().references(() => stockTakes.id),
    productId: uuid('product_id').notNull().references(() => products.id),
    batchId: uuid('batch_id').notNull(),
    qty: numeric('qty', { precision: 14, scale: 3 }).notNull(),
    counterId: uuid('counter_id').references(() => users.id),
    countedAt: timestamp('counted_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('stock_take_counts_doc_idx').on(t.stockTakeId, t.productId)],
);
