import { boolean, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { stores } from './org.ts';

/**
 * A store's network receipt printers (raw TCP). Tills print to these by id and to no
 * other address. A deleted printer stays, inactive, so the audit log's ids still resolve.
 */
export const storePrinters = pgTable(
  'store_printers',
  {
    id: uuid('id').primaryKey(),
    storeId: uuid('store_id')
      .notNull()
      .references(() => stores.id),
    name: text('name').notNull(),
    host: text('host').notNull(),
    port: integer('port').notNull().default(9100),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('store_printers_store_idx').on(t.storeId)],
);
