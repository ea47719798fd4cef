import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { claimDue, enqueueEvent, getMeta, pendingCount, type PosDb } from '../db/index.ts';
import { openTestDb } from '../db/testDb.ts';
import { DEVICE } from '../testing/fixtures.ts';
import { setMeta } from '../db/meta.ts';
import { SyncEngine } from './engine.ts';

let db: PosDb;
let engine: SyncEngine | undefined;
beforeEach(async () => {
  db = openTestDb();
  await setMeta(db, 'device', DEVICE);
});
afterEach(async () => {
  engine?.stop();
  vi.unstubAllGlobals();
  await db.delete();
});

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** A server that applies every pushed event and has nothing to pull. */
function fakeServer() {
  const calls: string[] = [];
  const fetchFn = vi.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
    const u = String(url);
    calls.push(`${init?.method ?? 'GET'} ${u.replace(/\?.*/, '')}`);
    if (u === '/api/sync/push') {
      const { events } = JSON.parse(String(init?.body)) as { events: { id: string }[] };
      return json({ results: events.map((e) => ({ id: e.id, status: 'applied' })) });
    }
    const entity = u.match(/pull\/([^?]+)/)![1];
    return json({ entity, rows: [], tombstones: [], cursor: 0, more: false });
  });
  return { calls, fetchFn: fetchFn as unknown as typeof fetch };
}

describe('SyncEngine', () => {
  it('pushes first, then pulls every entity, with the device token, and records the sync time', async () => {
    await enqueueEvent(db, 'test', {});
    const server = fakeServer();
    engine = new SyncEngine({ db, fetchFn: server.fetchFn, intervalMs: 60_000 });
    await engine.kick();
    expect(server.calls).toEqual([
      'POST /api/sync/push',
      'GET /api/sync/pull/store',
      'GET /api/sync/pull/cashiers',
      'GET /api/sync/pull/tax-rates',
      'GET /api/sync/pull/customers',
      'GET /api/sync/pull/categories',
      'GET /api/sync/pull/products',
    ]);
    const init = (server.fetchFn as unknown as ReturnType<typeof vi.fn>).mock.calls[0]![1] as RequestInit;
    expect(new Headers(init.headers).get('authorization')).toBe(`Bearer ${DEVICE.token}`);
    expect(await pendingCount(db)).toBe(0);
    expect(await getMeta(db, 'lastSyncAt')).toBeDefined();
  });

  it('runs one round at a time: kicks during a round make one more round, not many', async () => {
    const server = fakeServer();
    engine = new SyncEngine({ db, fetchFn: server.fetchFn, intervalMs: 60_000 });
    await Promise.all([engine.kick(), engine.kick(), engine.kick(), engine.kick()]);
    expect(server.calls.filter((c) => c.includes('pull/store'))).toHaveLength(2);
  });

  it('does nothing while the browser is offline, and keeps events pending without burning attempts', async () => {
    const ev = await enqueueEvent(db, 'test', {});
    vi.stubGlobal('navigator', { ...navigator, onLine: false });
    const server = fakeServer();
    engine = new SyncEngine({ db, fetchFn: server.fetchFn, intervalMs: 60_000 });
    await engine.kick();
    expect(server.calls).toEqual([]);
    expect(await db.outbox.get(ev.id)).toMatchObject({ state: 'pending', attempts: 0 });
  });

  it('on start, sends again what a reload left in flight', async () => {
    await enqueueEvent(db, 'test', {});
    await claimDue(db, new Date()); // "sending" when the tab died
    const server = fakeServer();
    engine = new SyncEngine({ db, fetchFn: server.fetchFn, intervalMs: 60_000 });
    await engine.start();
    await engine.kick();
    expect(server.calls[0]).toBe('POST /api/sync/push');
    expect(await pendingCount(db)).toBe(0);
  });

  it('reports a network failure as unreachable and keeps the events', async () => {
    await enqueueEvent(db, 'test', {});
    const statuses: boolean[] = [];
    engine = new SyncEngine({
      db,
      fetchFn: (async () => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch,
      intervalMs: 60_000,
      onStatus: (s) => s.reachable !== null && statuses.push(s.reachable),
    });
    await engine.kick();
    expect(statuses).toContain(false);
    expect(await pendingCount(db)).toBe(1);
    expect(await getMeta(db, 'lastSyncAt')).toBeUndefined();
  });
});
