import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, numeric, pgSequence, pgTable, primaryKey, text, timestamp, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { stores } from './org.ts';

export const catalogueRevision = pgSequence('catalogue_revision');

export const taxRates = pgTable('tax_rates', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  /** 1300 = 13 %. */
  rateBasisPoints: integer('rate_bp').notNull(),
  active: boolean('active').notNull().default(true),
  revision: bigint('revision', { mode: 'number' }).notNull().default(sql`nextval('catalogue_revision')`),
});

export const categories = pgTable(
  'categories',
  {
    id: uuid('id').primaryKey(),
    parentId: uuid('parent_id').references((): AnyPgColumn => categories.id),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    /** A deleted category stays (products and old documents point at it) but leaves the lists and the tills. */
    active: boolean('active').notNull().default(true),
    /** From the catalogue sequence, so tills pull renamed and deleted categories since a cursor. */
    revision: bigint('revision', { mode: 'number' }).notNull().default(sql`nextval('catalogue_revision')`),
  },
  (t) => [index('categories_parent_idx').on(t.parentId), index('categories_revision_idx').on(t.revision)],
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
    serialTracked: boolean('serial_tracked').notNull().default(false),
    status: text('status', { enum: ['active', 'archived'] }).notNull().default('active'),
    /** Variants point at their parent and say what sets them apart ({ size: 'L' }). */
    parentId: uuid('parent_id').references((): AnyPgColumn => products.id),
    attributes: jsonb('attributes').$type<Record<string, string>>().notNull().default({}),
    /** Bumped from one sequence on every change, so tills can pull what changed since a cursor. */
    revision: bigint('revision', { mode: 'number' }).notNull().default(sql`nextval('catalogue_revision')`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('products_category_idx').on(t.categoryId),
    index('products_name_idx').on(sql`lower(${t.name}) text_pattern_ops`),
    index('products_revision_idx').on(t.revision),
  ],
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

/** Store price lists: a store's own sale price overrides the product's. */
export const storePrices = pgTable(
  'store_prices',
  {
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    storeId: uuid('store_id')
      .notNull()
      .references(() => stores.id),
    price: bigint('price', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.productId, t.storeId] })],
);
