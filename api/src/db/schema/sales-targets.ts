import { sql } from 'drizzle-orm';
import { bigint, check, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth.ts';
import { stores } from './org.ts';

/**
 * A month's sales target (销售目标) for a store, or for one salesperson in a store: net
 * sales before tax, minor units. A row without a salesperson is the store's own target;
 * NULLS NOT DISTINCT makes (store, no salesperson, month) unique too, so a store has one.
 */
export const salesTargets = pgTable(
  'sales_targets',
  {
    id: uuid('id').primaryKey(),
    storeId: uuid('store_id').notNull().references(() => stores.id),
    salespersonId: uuid('salesperson_id').references(() => users.id),
    /** Calendar month 'YYYY-MM' (UTC days, like the other date filters). */
    month: text('month').notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    updatedBy: uuid('updated_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    unique('sales_targets_store_salesperson_month').on(t.storeId, t.salespersonId, t.month).nullsNotDistinct(),
    check('sales_targets_month', sql`${t.month} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
    check('sales_targets_amount', sql`${t.amount} >= 0`),
  ],
);
