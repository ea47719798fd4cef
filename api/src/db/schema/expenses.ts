import { bigint, date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth.ts';
import { stores } from './org.ts';

/**
 * A simple money document for what is not bought for stock or sold: rent, wages,
 * electricity (an expense) or a rebate, a subsidy (other income). Posting books it
 * against cash or bank; it is never edited, a mistake is put right by another one.
 */
export const expenseDocuments = pgTable(
  'expense_documents',
  {
    id: uuid('id').primaryKey(),
    number: text('number').notNull().unique(),
    kind: text('kind', { enum: ['expense', 'income'] }).notNull(),
    documentDate: date('document_date').notNull(),
    accountCode: text('account_code').notNull(),
    storeId: uuid('store_id').references(() => stores.id),
    description: text('description').notNull(),
    /** What was paid or received, tax included, minor units. */
    amount: bigint('amount', { mode: 'number' }).notNull(),
    /** Input VAT on an expense with a VAT invoice, minor units (part of `amount`). */
    tax: bigint('tax', { mode: 'number' }).notNull().default(0),
    method: text('method', { enum: ['cash', 'bank'] }).notNull(),
    reference: text('reference').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('expense_documents_date_idx').on(t.documentDate)],
);
