import { bigint, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

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
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

export const customers = pgTable('customers', {
  id: uuid('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  taxNumber: text('tax_number').notNull().default(''),
  phone: text('phone').notNull().default(''),
  email: text('email').notNull().default(''),
  address: text('address').notNull().default(''),
  /** Minor units; 0 means no credit. */
  creditLimit: bigint('credit_limit', { mode: 'number' }).notNull().default(0),
  paymentTermsDays: integer('payment_terms_days').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});
