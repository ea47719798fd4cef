import { bigint, boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth.ts';
import { stores } from './org.ts';
import { customers } from './partners.ts';

/** The one loyalty programme of the company (row id 1); absent means not set up: off. */
export const loyaltyProgram = pgTable('loyalty_program', {
  id: integer('id').primaryKey(),
  enabled: boolean('enabled').notNull(),
  earnPerAmount: integer('earn_per_amount').notNull(),
  pointValue: integer('point_value').notNull(),
  minRedeem: integer('min_redeem').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  updatedBy: uuid('updated_by').references(() => users.id),
});

/**
 * The points ledger, append-only: a customer's points are the sum of their entries.
 * Earning and spending come from till sales as they sync, so a customer who spent the
 * same points at two offline tills shows as a flagged entry, and a negative balance,
 * for a manager to resolve: never silently lost.
 */
export const loyaltyEntries = pgTable(
  'loyalty_entries',
  {
    id: uuid('id').primaryKey(),
    customerId: uuid('customer_id').notNull().references(() => customers.id),
    /** earn and redeem on a sale; reverse (earned points taken back) and refund (spent points given back) on a return; adjust by hand. */
    kind: text('kind', { enum: ['earn', 'redeem', 'reverse', 'refund', 'adjust'] }).notNull(),
    points: bigint('points', { mode: 'number' }).notNull(),
    /** What the points are worth in minor units, signed as `points`: the liability moved. */
    value: bigint('value', { mode: 'number' }).notNull(),
    sourceType: text('source_type', { enum: ['sale', 'return', 'adjustment'] }).notNull(),
    sourceId: uuid('source_id').notNull(),
    storeId: uuid('store_id').references(() => stores.id),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    /** 'overdrawn': spent more points than the customer held when it synced. */
    flag: text('flag'),
    resolvedBy: uuid('resolved_by').references(() => users.id),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    note: text('note').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id),
  },
  (t) => [
    uniqueIndex('loyalty_entries_source_idx').on(t.sourceType, t.sourceId, t.kind),
    index('loyalty_entries_customer_idx').on(t.customerId, t.occurredAt),
  ],
);
