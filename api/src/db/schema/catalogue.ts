import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, numeric, pgTable, text, timestamp, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';

export const taxRates = pgTable('tax_rates', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  /** 1300 = 13 %. */
  rateBasisPoints: integer('rate_bp').notNull(),
  active: boolean('active').notNull().default(true),
});

export const categories = pgTable(
  'categories',
  {
    id: uuid('id').primaryKey(),
    parentId: uuid('parent_id').references((): AnyPgColumn => categories.id),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
  },
  (t) => [index('categories_parent_idx').on(t.parentId)],
);

export const products = pgTable(
  'products',
  {
    id: uuid('id').primaryKey(),
    sku: text('sku').notNull().unique(),
    name: text('name').notNull(),
    categoryId: uuid('category_id').references(() => categories.id),
    unit: text('unit').notNull().default('each'),
    taxRateId: uuid('tax_rate_id')
      .notNull()
      .references(() => taxRates.id),
    /** Minor units; costs may later carry more precision in the ledger. */
    purchasePrice: bigint('purchase_price', { mode: 'number' }).notNull().default(0),
    salePrice: bigint('sale_price', { mode: 'number' }).notNull().default(0),
    weighed: boolean('weighed').notNull().default(false),
    /** The item code a scale prints in weighed-goods barcodes (prefix 20–29). */
    plu: text('plu').unique(),
    batchTracked: boolean('batch_tracked').notNull().default(false),
    tracksExpiry: boolean('tracks_expiry').notNull().default(false),
    shelfLifeDays: integer('shelf_life_days'),
    status: text('status', { enum: ['active', 'archived'] }).notNull().default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('products_category_idx').on(t.categoryId), index('products_name_idx').on(sql`lower(${t.name})`)],
);

/** A barcode names one product; a pack barcode stands for `packQty` units of it. */
export const productBarcodes = pgTable(
  'product_barcodes',
  {
    barcode: text('barcode').primaryKey(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    packQty: numeric('pack_qty', { precision: 14, scale: 3 }).notNull().default('1'),
  },
  (t) => [index('product_barcodes_product_idx').on(t.productId)],
);
