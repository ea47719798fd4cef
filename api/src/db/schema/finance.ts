import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const accounts = pgTable('accounts', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  nameZh: text('name_zh').notNull(),
  type: text('type', { enum: ['asset', 'liability', 'equity', 'revenue', 'expense'] }).notNull(),
  /** System accounts are the ones documents post to; they cannot be removed. */
  system: boolean('system').notNull().default(false),
});

export const journalEntries = pgTable(
  'journal_entries',
  {
    id: uuid('id').primaryKey(),
    entryDate: date('entry_date').notNull(),
    postedAt: timestamp('posted_at', { withTimezone: true }).notNull(),
    sourceType: text('source_type').notNull(),
    sourceId: text('source_id'),
    memo: text('memo').notNull().default(''),
    createdBy: uuid('created_by'),
  },
  (t) => [index('journal_entries_date_idx').on(t.entryDate), index('journal_entries_source_idx').on(t.sourceType, t.sourceId)],
);

/**
 * Money in minor units. A deferred constraint trigger (see the migrations) checks at
 * commit that every entry's debits equal its credits, so no code path can leave the
 * books unbalanced, whatever the application does.
 */
export const journalLines = pgTable(
  'journal_lines',
  {
    id: uuid('id').primaryKey(),
    entryId: uuid('entry_id')
      .notNull()
      .references(() => journalEntries.id),
    lineNo: integer('line_no').notNull(),
    accountCode: text('account_code')
      .notNull()
      .references(() => accounts.code),
    debit: bigint('debit', { mode: 'number' }).notNull().default(0),
    credit: bigint('credit', { mode: 'number' }).notNull().default(0),
    memo: text('memo').notNull().default(''),
  },
  (t) => [
    index('journal_lines_entry_idx').on(t.entryId),
    index('journal_lines_account_idx').on(t.accountCode),
    check('journal_lines_one_side', sql`(${t.debit} >= 0 AND ${t.credit} >= 0 AND (${t.debit} = 0) <> (${t.credit} = 0))`),
  ],
);
