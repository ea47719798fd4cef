import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth.ts';
import { products } from './catalogue.ts';
import { stores, warehouses } from './org.ts';

/** A registered till. Only the SHA-256 of its token is kept. */
export const devices = pgTable(
  'devices',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    storeId: uuid('store_id').notNull().references(() => stores.id),
    warehouseId: uuid('warehouse_id').notNull().references(() => warehouses.id),
    tokenHash: text('token_hash').notNull().unique(),
    registeredBy: uuid('registered_by').references(() => users.id),
    registeredAt: timestamp('registered_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }),
  },
  (t) => [index('devices_store_idx').on(t.storeId)],
);

/**
 * Every event a till pushed, keyed by the id the till minted. The primary key is what
 * makes a retried push harmless; a rejected event stays here, with its reason, until a
 * manager re-applies or voids it.
 */
export const syncEvents = pgTable(
  'sync_events',
  {
    id: uuid('id').primaryKey(),
    deviceId: uuid('device_id').notNull().references(() => devices.id),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    type: text('type').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    payload: jsonb('payload').notNull(),
    payloadHash: text('payload_hash').notNull(),
    status: text('status', { enum: ['applied', 'rejected', 'voided'] }).notNull(),
    reason: text('reason'),
    flagged: text('flagged'),
    resolvedBy: uuid('resolved_by').references(() => users.id),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (t) => [index('sync_events_device_seq_idx').on(t.deviceId, t.seq), index('sync_events_status_idx').on(t.status)],
);

export const shifts = pgTable(
  'shifts',
  {
    id: uuid('id').primaryKey(),
    storeId: uuid('store_id').notNull().references(() => stores.id),
    deviceId: uuid('device_id').notNull().references(() => devices.id),
    cashierId: uuid('cashier_id').notNull().references(() => users.id),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
    openingFloat: bigint('opening_float', { mode: 'number' }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    counted: jsonb('counted'),
    expected: jsonb('expected'),
    zReport: jsonb('z_report'),
  },
  (t) => [index('shifts_store_idx').on(t.storeId, t.openedAt)],
);

export const cashMovements = pgTable('cash_movements', {
  id: uuid('id').primaryKey(),
  shiftId: uuid('shift_id').notNull(),
  storeId: uuid('store_id').notNull().references(() => stores.id),
  cashierId: uuid('cashier_id').notNull().references(() => users.id),
  amount: bigint('amount', { mode: 'number' }).notNull(),
  reason: text('reason').notNull(),
  occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
});

export const sales = pgTable(
  'sales',
  {
    id: uuid('id').primaryKey(),
    eventId: uuid('event_id').notNull().unique(),
    receiptNo: text('receipt_no').notNull(),
    storeId: uuid('store_id').notNull().references(() => stores.id),
    warehouseId: uuid('warehouse_id').notNull().references(() => warehouses.id),
    deviceId: uuid('device_id').notNull().references(() => devices.id),
    cashierId: uuid('cashier_id').notNull().references(() => users.id),
    shiftId: uuid('shift_id'),
    customerId: uuid('customer_id'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    net: bigint('net', { mode: 'number' }).notNull(),
    tax: bigint('tax', { mode: 'number' }).notNull(),
    gross: bigint('gross', { mode: 'number' }).notNull(),
    discount: bigint('discount', { mode: 'number' }).notNull(),
    change: bigint('change', { mode: 'number' }).notNull(),
    /** Cost of goods sold fixed when the sale was recorded. */
    cost: bigint('cost', { mode: 'number' }).notNull(),
    approvedBy: uuid('approved_by'),
    /** Why the sale needs a look (a closed shift, stock gone negative); null when it doesn't. */
    flag: text('flag'),
  },
  (t) => [
    index('sales_store_time_idx').on(t.storeId, t.occurredAt),
    index('sales_receipt_idx').on(t.receiptNo),
    // A customer's purchase history and on-account balance.
    index('sales_customer_idx').on(t.customerId, t.occurredAt),
  ],
);

export const saleLines = pgTable(
  'sale_lines',
  {
    id: uuid('id').primaryKey(),
    saleId: uuid('sale_id').notNull().references(() => sales.id),
    lineNo: integer('line_no').notNull(),
    productId: uuid('product_id').notNull().references(() => products.id),
    qty: numeric('qty', { precision: 14, scale: 3 }).notNull(),
    /** Serial numbers of the units, for a serial-tracked product (one per unit). */
    serials: text('serials').array().notNull().default(sql`'{}'::text[]`),
    unitPrice: bigint('unit_price', { mode: 'number' }).notNull(),
    listPrice: bigint('list_price', { mode: 'number' }).notNull(),
    overrideReason: text('override_reason'),
    discount: bigint('discount', { mode: 'number' }).notNull(),
    taxRateBp: integer('tax_rate_bp').notNull(),
    net: bigint('net', { mode: 'number' }).notNull(),
    tax: bigint('tax', { mode: 'number' }).notNull(),
    gross: bigint('gross', { mode: 'number' }).notNull(),
    cost: bigint('cost', { mode: 'number' }).notNull(),
  },
  (t) => [index('sale_lines_sale_idx').on(t.saleId), index('sale_lines_product_idx').on(t.productId)],
);

export const salePayments = pgTable(
  'sale_payments',
  {
    id: uuid('id').primaryKey(),
    saleId: uuid('sale_id').notNull(),
    /** 'sale' or 'return': refunds live here too, negative, so tenders sum per shift. */
    kind: text('kind', { enum: ['sale', 'return'] }).notNull(),
    tender: text('tender').notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    tendered: bigint('tendered', { mode: 'number' }),
    reference: text('reference'),
  },
  (t) => [index('sale_payments_sale_idx').on(t.saleId)],
);

export const saleReturns = pgTable(
  'sale_returns',
  {
    id: uuid('id').primaryKey(),
    eventId: uuid('event_id').notNull().unique(),
    receiptNo: text('receipt_no').notNull(),
    originalSaleId: uuid('original_sale_id'),
    storeId: uuid('store_id').notNull().references(() => stores.id),
    warehouseId: uuid('warehouse_id').notNull().references(() => warehouses.id),
    deviceId: uuid('device_id').notNull().references(() => devices.id),
    cashierId: uuid('cashier_id').notNull().references(() => users.id),
    shiftId: uuid('shift_id'),
    reason: text('reason').notNull().default(''),
    approvedBy: uuid('approved_by'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    net: bigint('net', { mode: 'number' }).notNull(),
    tax: bigint('tax', { mode: 'number' }).notNull(),
    gross: bigint('gross', { mode: 'number' }).notNull(),
    cost: bigint('cost', { mode: 'number' }).notNull(),
    flag: text('flag'),
  },
  (t) => [index('sale_returns_original_idx').on(t.originalSaleId)],
);

export const returnLines = pgTable(
  'sale_return_lines',
  {
    id: uuid('id').primaryKey(),
    returnId: uuid('return_id').notNull().references(() => saleReturns.id),
    originalLineId: uuid('original_line_id'),
    productId: uuid('product_id').notNull().references(() => products.id),
    qty: numeric('qty', { precision: 14, scale: 3 }).notNull(),
    /** Serial numbers of the units, for a serial-tracked product (one per unit). */
    serials: text('serials').array().notNull().default(sql`'{}'::text[]`),
    taxRateBp: integer('tax_rate_bp').notNull(),
    net: bigint('net', { mode: 'number' }).notNull(),
    tax: bigint('tax', { mode: 'number' }).notNull(),
    gross: bigint('gross', { mode: 'number' }).notNull(),
    cost: bigint('cost', { mode: 'number' }).notNull(),
  },
  (t) => [index('sale_return_lines_return_idx').on(t.returnId), index('sale_return_lines_original_idx').on(t.originalLineId)],
);

