import { sql } from 'drizzle-orm';
import type { LogoRaster } from '@shopbook/shared';
import { bigint, boolean, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** One row: the company this installation books for. Its presence means setup is done. */
export const company = pgTable('company', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  taxNumber: text('tax_number').notNull().default(''),
  currency: text('currency').notNull(),
  pricesIncludeTax: boolean('prices_include_tax').notNull().default(true),
  /** What a VAT invoice prints for the seller besides the name and tax number. */
  address: text('address').notNull().default(''),
  phone: text('phone').notNull().default(''),
  bankName: text('bank_name').notNull().default(''),
  bankAccount: text('bank_account').notNull().default(''),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

export const stores = pgTable('stores', {
  id: uuid('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  active: boolean('active').notNull().default(true),
  receiptHeader: text('receipt_header').notNull().default(''),
  receiptFooter: text('receipt_footer').notNull().default(''),
  /** The printer raster printed above the header; tills pull it with the store. */
  receiptLogo: jsonb('receipt_logo').$type<LogoRaster>(),
  revision: bigint('revision', { mode: 'number' }).notNull().default(sql`nextval('catalogue_revision')`),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

/** A store has one or more warehouses; a warehouse without a store is a central one. */
export const warehouses = pgTable('warehouses', {
  id: uuid('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  storeId: uuid('store_id').references(() => stores.id),
  /** 'transit' is the system warehouse that holds stock between a transfer's shipping and receipt. */
  kind: text('kind', { enum: ['store', 'central', 'transit'] }).notNull().default('store'),
  allowNegativeStock: boolean('allow_negative_stock').notNull().default(true),
  active: boolean('active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});
