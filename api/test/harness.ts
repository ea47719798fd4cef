import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { createApp, type App } from '../src/app.ts';
import type { Database } from '../src/db/client.ts';
import { rows } from '../src/db/rows.ts';
import type { AppConfig, Clock } from '../src/http/context.ts';
import { DEMO_PASSWORD, seedDemo } from '../src/seed/demo.ts';
import { freshDatabase, type Driver } from './databases.ts';

/** A clock the test moves by hand. */
export function manualClock(start = new Date('2026-03-02T09:00:00Z')) {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advance(ms: number) {
      now += ms;
    },
  } satisfies Clock & { advance(ms: number): void };
}

export interface TestContext {
  app: App;
  database: Database;
  clock: ReturnType<typeof manualClock>;
  /** Signs in a demo user and returns a bearer token. */
  login(username: string, password?: string): Promise<string>;
  call(method: string, path: string, opts?: { token?: string; body?: unknown; headers?: Record<string, string> }): Promise<Response>;
}

/**
 * Sets up an app over a fresh database for the enclosing describe block. `demo` seeds
 * the demo company; without it the database is empty and setup is required.
 */
export function useApp(driver: Driver, opts: { demo?: boolean; config?: Partial<AppConfig> } = {}): TestContext {
  const ctx = { clock: manualClock() } as TestContext;
  beforeAll(async () => {
    ctx.database = await freshDatabase(driver);
    if (opts.demo ?? true) await seedDemo(ctx.database.db, ctx.clock.now());
    ctx.app = createApp({ db: ctx.database.db, driver, clock: ctx.clock, config: opts.config });
  });
  // Whatever a test did, the books balance after it: every entry, and so the trial balance.
  afterEach(async () => {
    if (!ctx.database) return;
    expect(await unbalancedBooks(ctx.database)).toEqual({ unbalancedEntries: 0, trialBalance: 0 });
  });
  afterAll(async () => {
    await ctx.database?.close();
  });
  ctx.call = (method, path, o = {}) => {
    const headers: Record<string, string> = { ...o.headers };
    if (o.token) headers.authorization = `Bearer ${o.token}`;
    let body: string | undefined;
    if (o.body !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = typeof o.body === 'string' ? o.body : JSON.stringify(o.body);
    }
    return Promise.resolve(ctx.app.request(path, { method, headers, body }));
  };
  ctx.login = async (username, password = DEMO_PASSWORD) => {
    const res = await ctx.call('POST', '/api/auth/login', { body: { username, password } });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { token: string }).token;
  };
  return ctx;
}

/** Entries whose debits and credits differ, and the trial balance's debit less credit: both 0 in sound books. */
export async function unbalancedBooks(database: Database): Promise<{ unbalancedEntries: number; trialBalance: number }> {
  const [r] = await rows<{ unbalanced: string | number; difference: string | number }>(
    database.db,
    sql`SELECT (SELECT count(*) FROM (SELECT entry_id FROM journal_lines GROUP BY entry_id HAVING sum(debit) <> sum(credit)) x) AS unbalanced,
               (SELECT coalesce(sum(debit), 0) - coalesce(sum(credit), 0) FROM journal_lines) AS difference`,
  );
  return { unbalancedEntries: Number(r?.unbalanced ?? 0), trialBalance: Number(r?.difference ?? 0) };
}
