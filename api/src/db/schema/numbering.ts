import { bigint, pgTable, text } from 'drizzle-orm/pg-core';

/**
 * Document number series (`ADJ-2026`, later `INV-S01-2026`). Incremented with an atomic
 * upsert inside the document's transaction, so numbers are gapless: a rolled-back
 * document gives its number back.
 */
export const numberSeries = pgTable('number_series', {
  key: text('key').primaryKey(),
  lastValue: bigint('last_value', { mode: 'number' }).notNull(),
});
