import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const users = pgTable('users', {
  id: uuid('id').primaryKey(),
  /** Stored lower-case so logins are case-insensitive and unique. */
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  roles: text('roles').array().notNull(),
  storeIds: uuid('store_ids').array().notNull(),
  active: boolean('active').notNull().default(true),
  /** PBKDF2 hash of the till PIN, checked offline on the till (it syncs to the store's tills). */
  pinHash: text('pin_hash'),
  /** Largest discount the user may give at the till without a manager, in basis points. */
  maxDiscountBp: integer('max_discount_bp').notNull().default(500),
  revision: bigint('revision', { mode: 'number' }).notNull().default(sql`nextval('catalogue_revision')`),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

/** Only the SHA-256 of a session token is stored, so a database dump cannot log anyone in. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/**
 * Failed logins, kept in the database rather than in memory so that several API
 * processes behind a load balancer throttle together.
 */
export const loginFailures = pgTable(
  'login_failures',
  {
    id: uuid('id').primaryKey(),
    username: text('username').notNull(),
    address: text('address').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('login_failures_username_idx').on(t.username, t.at), index('login_failures_address_idx').on(t.address, t.at)],
);
