import { sql } from 'drizzle-orm';
import { bigint, check, date, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth.ts';

/**
 * Period close, append-only: each close or reopen is a row, and the latest (highest
 * `seq`) holds the current closed-through date. A trigger on journal_entries (see the
 * migration) refuses any entry dated on or before it, whatever code inserts it.
 */
export const periodCloses = pgTable(
  'period_closes',
  {
    id: uuid('id').primaryKey(),
    /** Order of the steps; closes are serialised (they lock journal_entries), so it is their history. */
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity().notNull(),
    action: text('action', { enum: ['close', 'reopen'] }).notNull(),
    /** The month closed or reopened, `YYYY-MM`. */
    month: text('month').notNull(),
    /** Last day of the last closed month after this step; null when nothing stays closed. */
    closedThrough: date('closed_through'),
    userId: uuid('user_id').references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
    note: text('note').notNull().default(''),
  },
  (t) => [check('period_closes_action', sql`${t.action} IN ('close', 'reopen')`)],
);
