import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lineAmount, lineTax, newId, parseQuantity } from '@shopbook/shared';
import { startServer, type RunningServer } from '../browser/harness.ts';

const adminUrl = process.env.TEST_DATABASE_URL;
if (!adminUrl && process.env.CI) throw new Error('CI=true but TEST_DATABASE_URL is not set');

/**
 * The server is killed (-9) while it applies a batch a till pushed. After a restart the
 * till pushes the same batch again: every sale must exist exactly once, and the stock
 * ledger and the books must still agree.
 */
describe.skipIf(!adminUrl)('a server killed in the middle of a push', () => {
  const dbName = `sb_crash_${randomBytes(5).toString('hex')}`;
  let databaseUrl = '';
  let server: RunningServer;

  beforeAll(async () => {
    const admin = postgres(adminUrl!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE ${dbName}`);
    await admin.end();
    const u = new URL(adminUrl!);
    u.pathname = `/${dbName}`;
    databaseUrl = u.toString();
    server = await startServer({ env: { DATABASE_URL: databaseUrl } });
  });
  afterAll(async () => {
    await server?.stop();
    const admin = postgres(adminUrl!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  });

  const json = async (res: Response) => {
    if (!res.ok) throw new Error(`${res.status} ${await res.text()}`);
    return res.json() as Promise<any>;
  };

  it('loses nothing and duplicates nothing when the till retries', async () => {
    const post = (path: string, body: unknown, token?: string) =>
      fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
    const get = (path: string, token: string) => fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    const manager = (await json(await post('/api/auth/login', { username: 'manager', password: 'demo1234' }))).token as string;
    const stores = await json(await get('/api/org/stores', manager));
    const till = await json(await post('/api/devices/register', { name: 'crash till', storeId: stores.items[0].id }, manager));
    const cashier = (await json(await get('/api/sync/pull/cashiers', till.token))).rows.find((c: { username: string }) => c.username === 'cashier');
    const catalogue = (await json(await get('/api/sync/pull/products?limit=40', till.token))).rows.filter((p: { weighed: boolean; batchTracked: boolean }) => !p.weighed && !p.batchTracked);

    const events = Array.from({ length: 500 }, (_, i) => {
      const lines = [0, 1, 2].map((j) => {
        const p = catalogue[(i + j * 5) % catalogue.length];
        const split = lineTax(lineAmount(parseQuantity('1'), p.price), p.taxRateBp, true);
        return { lineId: newId(), productId: p.id, batchId: null, qty: '1', unitPrice: p.price, listPrice: p.price, overrideReason: null, discount: 0, taxRateBp: p.taxRateBp, ...split };
      });
      const sum = (k: 'net' | 'tax' | 'gross') => lines.reduce((s, l) => s + l[k], 0);
      const saleId = newId();
      return {
        id: saleId, deviceId: till.deviceId, seq: i + 1, type: 'sale', occurredAt: new Date().toISOString(),
        payload: {
          v: 1, saleId, receiptNo: `C-${i + 1}`, storeId: till.storeId, warehouseId: till.warehouseId, cashierId: cashier.id, shiftId: null, customerId: null,
          pricesIncludeTax: true, lines, cartDiscount: 0, totals: { net: sum('net'), tax: sum('tax'), gross: sum('gross'), discount: 0 },
          payments: [{ tender: 'cash', amount: sum('gross'), tendered: sum('gross'), reference: null }], change: 0, approvedBy: null,
        },
      };
    });

    // Push a batch of 50, then pull the plug once the next batch is partly applied.
    await json(await post('/api/sync/push', { events: events.slice(0, 50) }, till.token));
    const inFlight = post('/api/sync/push', { events: events.slice(50, 500) }, till.token).catch((e: unknown) => e);
    const watcher = postgres(databaseUrl, { max: 1, onnotice: () => {} });
    for (let i = 0; i < 400; i++) {
      const [{ n }] = (await watcher`SELECT count(*)::int AS n FROM sales`) as unknown as [{ n: number }];
      if (n >= 60) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    await watcher.end();
    await server.crash();
    expect(await inFlight).toBeInstanceOf(Error);

    server = await startServer({ env: { DATABASE_URL: databaseUrl } });
    const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
    try {
      const [{ n: partial }] = (await sql`SELECT count(*)::int AS n FROM sales`) as unknown as [{ n: number }];
      expect(partial).toBeGreaterThanOrEqual(50);
      expect(partial).toBeLessThan(500);

      // The till never got an answer for the second batch, so it sends all of it again.
      const retry = await json(await post('/api/sync/push', { events: events.slice(50, 500) }, till.token));
      const statuses = retry.results.map((r: { status: string }) => r.status);
      expect(statuses.filter((s: string) => s === 'duplicate').length).toBe(partial - 50);
      expect(statuses.filter((s: string) => s === 'applied').length).toBe(500 - partial);

      const [{ n: salesCount }] = (await sql`SELECT count(*)::int AS n FROM sales`) as unknown as [{ n: number }];
      const [{ n: distinctReceipts }] = (await sql`SELECT count(DISTINCT receipt_no)::int AS n FROM sales`) as unknown as [{ n: number }];
      const [{ n: saleMoves }] = (await sql`SELECT count(*)::int AS n FROM stock_moves WHERE move_type = 'sale'`) as unknown as [{ n: number }];
      const [{ n: saleEntries }] = (await sql`SELECT count(*)::int AS n FROM journal_entries WHERE source_type = 'sale'`) as unknown as [{ n: number }];
      expect([salesCount, distinctReceipts, saleMoves, saleEntries]).toEqual([500, 500, 1500, 500]);

      const owner = (await json(await post('/api/auth/login', { username: 'owner', password: 'demo1234' }))).token as string;
      const check = await json(await get('/api/inventory/ledger-check', owner));
      expect(check.ok).toBe(true);
      const tb = await json(await get('/api/finance/trial-balance', owner));
      expect(tb.totals.debit).toBe(tb.totals.credit);
    } finally {
      await sql.end();
    }
  });
});
