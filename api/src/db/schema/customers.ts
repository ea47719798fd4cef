import { boolean, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { customers } from './partners.ts';

/**
 * A customer's people and places, kept in entry order (`position`). A save replaces
 * them all, so they carry no history of their own: the audit log holds it.
 */

export const customerContacts = pgTable(
  'customer_contacts',
  {
    id: uuid('id').primaryKey(),
    customerId: uuid('customer_id').notNull().references(() => customers.id),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    role: text('role').notNull().default(''),
    phone: text('phone').notNull().default(''),
    email: text('email').notNull().default(''),
  },
  (t) => [index('customer_contacts_customer_idx').on(t.customerId)],
);

/** Where invoices go (billing) and goods go (shipping); one of each kind may be the default. */
export const customerAddresses = pgTable(
  'customer_addresses',
  {
    id: uuid('id').primaryKey(),
    customerId: uuid('customer_id').notNull().references(() => customers.id),
    position: integer('position').notNull(),
    kind: text('kind', { enum: ['billing', 'shipping'] }).notNull(),
    recipient: text('recipient').notNull().default(''),
    phone: text('phone').notNull().default(''),
    address: text('address').notNull(),
    isDefault: boolean('is_default').notNull().default(false),
  },
  (t) => [index('customer_addresses_customer_idx').on(t.customerId)],
);
