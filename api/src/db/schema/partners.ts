import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, numeric, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth.ts';
import { products } from './catalogue.ts';

export const suppliers = pgTable('suppliers', {
  id: uuid('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  taxNumber: text('tax_number').notNull().default(''),
  contact: text('contact').notNull().default(''),
  phone: text('phone').notNull().default(''),
  email: text('email').notNull().default(''),
  address: text('address').notNull().default(''),
  paymentTermsDays: integer('payment_terms_days').notNull().default(30),
  leadTimeDays: integer('lead_time_days').notNull().default(7),
  currency: text('currency').notNull(),
  /** Archived suppliers keep their history but take no new orders. */
  status: text('status', { enum: ['active', 'archived'] }).notNull().default('active'),
  note: text('note').notNull().default(''),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
});

/**
 * Customers (客户). `address` and `phone` are the registered ones printed with the tax
 * number, invoice title and bank account on a VAT invoice; delivery and billing
 * addresses live in `customer_addresses`. Every change takes a new `revision` so tills
 * pull it; an archived customer goes to them as a tombstone.
 */
export const customers = pgTable('customers', {
  id: uuid('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  taxNumber: text('tax_number').notNull().default(''),
  /** The buyer's name on a VAT invoice (发票抬头), when it differs from `name`. */
  invoiceTitle: text('invoice_title').notNull().default(''),
  phone: text('phone').notNull().default(''),
  email: text('email').notNull().default(''),
  address: text('address').notNull().default(''),
  /** 开户行及账号 on a VAT invoice. */
  bankName: text('bank_name').notNull().default(''),
  bankAccount: text('bank_account').notNull().default(''),
  category: text('category', { enum: ['retail', 'wholesale', 'vip'] }).notNull().default('retail'),
  /** Price list: this discount off the list price, basis points (500 = 5 %); see shared customerUnitPrice. */
  discountBp: integer('discount_bp').notNull().default(0),
  /** Minor units; 0 means no credit. */
  creditLimit: bigint('credit_limit', { mode: 'number' }).notNull().default(0),
  paymentTermsDays: integer('payment_terms_days').notNull().default(0),
  note: text('note').notNull().default(''),
  /** Archived customers keep their history but leave the tills and take no new sales. */
  status: text('status', { enum: ['active', 'archived'] }).notNull().default('active'),
  /** The salesperson looking after the customer; staff without sales.all see only their own. */
  salespersonId: uuid('salesperson_id').references(() => users.id),
  revision: bigint('revision', { mode: 'number' }).notNull().default(sql`nextval('catalogue_revision')`),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
}, (t) => [index('customers_salesperson_idx').on(t.salespersonId)]);

/** What a supplier sells us: their item code, pack size, price and minimum order. */
export const supplierProducts = pgTable(
  'supplier_products',
  {
    supplierId: uuid('supplier_id')
      .notNull()
      .references(() => suppliers.id),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    itemCode: text('item_code').notNull().default(''),
    packSize: numeric('pack_size', { precision: 14, scale: 3 }).notNull().default('1'),
    price: bigint('price', { mode: 'number' }).notNull().default(0),
    minOrderQty: numeric('min_order_qty', { precision: 14, scale: 3 }).notNull().default('0'),
    /** The supplier reorder suggestions choose for this product. */
    preferred: boolean('preferred').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.supplierId, t.productId] }), index('supplier_products_product_idx').on(t.productId)],
);
