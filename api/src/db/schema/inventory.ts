import { sql } from 'drizzle-orm';
import { bigint, date, index, integer, numeric, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { products } from './catalogue.ts';
import { warehouses } from './org.ts';

/** Stands for "no batch" in keys, so (product, warehouse, batch) stays a plain primary key. */
export const NO_BATCH = '00000000-0000-0000-0000-000000000000';

export const batches = pgTable(
  'batches',
  {
    id: uuid('id').primaryKey(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    batchNo: text('batch_no').notNull(),
    productionDate: date('production_date'),
    expiryDate: date('expiry_date'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [unique('batches_product_batch_no').on(t.productId, t.batchNo), index('batches_expiry_idx').on(t.expiryDate)],
);

/**
 * The ledger. Append-only (a trigger refuses UPDATE and DELETE); every change of stock
 * is a row here written by a posted document, in the same transaction as the level.
 */
export const stockMoves = pgTable(
  'stock_moves',
  {
    id: uuid('id').primaryKey(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    warehouseId: uuid('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    batchId: uuid('batch_id').notNull().default(NO_BATCH),
    /** Signed: positive into the warehouse, negative out of it. */
    qty: numeric('qty', { precision: 14, scale: 3 }).notNull(),
    /** Minor units with 4 decimals: the receipt cost inbound, the average cost outbound. */
    unitCost: numeric('unit_cost', { precision: 18, scale: 4 }).notNull(),
    /** Signed value in minor units; the journal's inventory account moves by exactly this. */
    value: bigint('value', { mode: 'number' }).notNull(),
    moveType: text('move_type').notNull(),
    docType: text('doc_type').notNull(),
    docId: uuid('doc_id').notNull(),
    userId: uuid('user_id'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('stock_moves_product_wh_idx').on(t.productId, t.warehouseId, t.occurredAt),
    index('stock_moves_doc_idx').on(t.docType, t.docId),
    index('stock_moves_occurred_idx').on(t.occurredAt),
  ],
);

/**
 * Current quantity and moving-average cost per product × warehouse × batch. Changed only
 * by atomic `UPDATE … SET qty = qty + delta` beside the move that explains it; the
 * ledger check proves every row equals the sum of its moves.
 */
export const stockLevels = pgTable(
  'stock_levels',
  {
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    warehouseId: uuid('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    batchId: uuid('batch_id').notNull().default(NO_BATCH),
    qty: numeric('qty', { precision: 14, scale: 3 }).notNull().default('0'),
    avgCost: numeric('avg_cost', { precision: 18, scale: 4 }).notNull().default('0'),
    /** Sum of the moves' values: what the journal holds for this stock, to the cent. */
    value: bigint('value', { mode: 'number' }).notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [primaryKey({ columns: [t.productId, t.warehouseId, t.batchId] }), index('stock_levels_wh_idx').on(t.warehouseId)],
);

/** Reorder point, minimum and maximum per product and warehouse. */
export const stockRules = pgTable(
  'stock_rules',
  {
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    warehouseId: uuid('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    reorderPoint: numeric('reorder_point', { precision: 14, scale: 3 }).notNull().default('0'),
    minQty: numeric('min_qty', { precision: 14, scale: 3 }).notNull().default('0'),
    maxQty: numeric('max_qty', { precision: 14, scale: 3 }).notNull().default('0'),
    /** Where the product sits in this warehouse (aisle-shelf-bin), for counting by location. */
    location: text('location'),
  },
  (t) => [primaryKey({ columns: [t.productId, t.warehouseId] })],
);

/** Stock adjustments (damage, loss, found, expired, own use, correction). */
export const adjustments = pgTable(
  'stock_adjustments',
  {
    id: uuid('id').primaryKey(),
    number: text('number').notNull().unique(),
    warehouseId: uuid('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    reason: text('reason').notNull(),
    note: text('note').notNull().default(''),
    status: text('status', { enum: ['draft', 'posted'] }).notNull().default('draft'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    postedBy: uuid('posted_by'),
    postedAt: timestamp('posted_at', { withTimezone: true }),
  },
  (t) => [index('stock_adjustments_wh_idx').on(t.warehouseId)],
);

export const adjustmentLines = pgTable(
  'stock_adjustment_lines',
  {
    id: uuid('id').primaryKey(),
    adjustmentId: uuid('adjustment_id')
      .notNull()
      .references(() => adjustments.id),
    lineNo: integer('line_no').notNull(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    batchId: uuid('batch_id'),
    /** Signed quantity: positive found, negative lost. */
    qty: numeric('qty', { precision: 14, scale: 3 }).notNull(),
    /** Serial numbers of the units, for a serial-tracked product (one per unit). */
    serials: text('serials').array().notNull().default(sql`'{}'::text[]`),
    /** For stock found: its cost (minor units, 4 decimals); stock lost goes at average. */
    unitCost: numeric('unit_cost', { precision: 18, scale: 4 }),
  },
  (t) => [index('stock_adjustment_lines_doc_idx').on(t.adjustmentId)],
);
