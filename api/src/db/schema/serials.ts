import { index, pgTable, smallint, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { products } from './catalogue.ts';
import { stockMoves } from './inventory.ts';
import { warehouses } from './org.ts';

/**
 * Where each unit of a serial-tracked product is now. Changed only by postMoves, beside
 * the stock move that carries the unit; `serial_moves` keeps its history.
 */
export const serialNumbers = pgTable(
  'serial_numbers',
  {
    id: uuid('id').primaryKey(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    /** As printed on the unit, upper-cased (shared/src/inventory/serials.ts). */
    serial: text('serial').notNull(),
    /** 'in_stock' (in `warehouse_id`, possibly the transit one) or 'out' (sold, returned to the supplier, written off). */
    state: text('state').notNull(),
    warehouseId: uuid('warehouse_id').references(() => warehouses.id),
    batchId: uuid('batch_id'),
    firstSeenAt: timestamp('first_seen_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [unique('serial_numbers_product_serial').on(t.productId, t.serial), index('serial_numbers_serial_idx').on(t.serial)],
);

/** Append-only: every move of a unit, tied to the stock move (and so the document) that made it. */
export const serialMoves = pgTable(
  'serial_moves',
  {
    id: uuid('id').primaryKey(),
    serialId: uuid('serial_id')
      .notNull()
      .references(() => serialNumbers.id),
    stockMoveId: uuid('stock_move_id')
      .notNull()
      .references(() => stockMoves.id),
    /** +1 into the move's warehouse, −1 out of it. */
    direction: smallint('direction').notNull(),
    /** Set when the unit moved although the ledger said it could not (a paid sale of a unit not in stock). */
    problem: text('problem'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('serial_moves_serial_idx').on(t.serialId), index('serial_moves_stock_move_idx').on(t.stockMoveId)],
);
