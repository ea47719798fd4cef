import type { OutboxEvent, PushResult } from '@shopbook/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { enqueueEvent, pendingCount, type PosDb } from '../db/index.ts';
import { openTestDb } from '../db/testDb.ts';
import { DEVICE } from '../testing/fixtures.ts';
import type { Result, TransportFailure } from './api.ts';
import { BACKOFF_BASE_MS, BACKOFF_MAX_MS, backoffDelay } from './backoff.ts';
import { PUSH_BATCH_SIZE, pushAll, pushBatch, type SendEvents } from './push.ts';

let db: PosDb;
afterEach(async () => {
  await db?.delete();
});

const T0 = new Date('2025-03-01T08:00:00Z');
const now = () => T0;
const delayFor = (n: number) => n * 1000;

async function enqueue(n: number) {
  const out = [];
  for (let i = 0; i < n; i++) out.push(await enqueueEvent(db, 'test', { i }, { now: T0 }));
  return out;
}

/** A server that answers with `answer(events)`, recording every request. */
function server(answer: (events: OutboxEvent[]) => Result<PushResult[]>) {
  const requests: OutboxEvent[][] = [];
  const send: SendEvents = async (events) => {
    requests.push(events);
    return answer(events);
  };
  return { requests, send };
}
const ok = (events: OutboxEvent[], status: PushResult['status'] = 'applied'): Result<PushResult[]> => ({ ok: true, value: events.map((e) => ({ id: e.id, status })) });
const fail = (failure: TransportFailure): Result<PushResult[]> => ({ ok: false, failure });

describe('pushBatch', () => {
  it('sends the wire form and marks applied and duplicate events done', async () => {
    db = openTestDb();
    const [a, b] = await enqueue(2);
    const srv = server((evs) => ({ ok: true, value: [{ id: evs[0]!.id, status: 'applied' }, { id: evs[1]!.id, status: 'duplicate' }] }));
    const out = await pushBatch(db, srv.send, DEVICE.deviceId, { now, delayFor });
    expect(out).toMatchObject({ sent: 2, delivered: 2, rejected: 0, retried: 0, failure: null });
    expect(srv.requests[0]![0]).toEqual({ id: a!.id, deviceId: DEVICE.deviceId, seq: 1, type: 'test', occurredAt: a!.createdAt, payload: { i: 0 } });
    expect((await db.outbox.get(b!.id))?.state).toBe('done');
    expect(await pendingCount(db)).toBe(0);
  });

  it('turns a rejection into a dead letter with the reason and delivers the rest', async () => {
    db = openTestDb();
    const [a, b] = await enqueue(2);
    const srv = server((evs) => ({ ok: true, value: [{ id: evs[0]!.id, status: 'rejected', reason: 'unknown product' }, { id: evs[1]!.id, status: 'applied', flagged: true }] }));
    await pushBatch(db, srv.send, DEVICE.deviceId, { now, delayFor });
    expect(await db.outbox.get(a!.id)).toMatchObject({ state: 'dead', lastError: 'unknown product' });
    expect(await db.outbox.get(b!.id)).toMatchObject({ state: 'done', flagged: true });
  });

  it('puts the batch back with backoff on a network error or a 5xx', async () => {
    db = openTestDb();
    const [a] = await enqueue(1);
    const out = await pushBatch(db, server(() => fail({ kind: 'network', message: 'Failed to fetch' })).send, DEVICE.deviceId, { now, delayFor });
    expect(out.retried).toBe(1);
    expect(await db.outbox.get(a!.id)).toMatchObject({ state: 'pending', attempts: 1, nextAttemptAt: T0.getTime() + 1000, lastError: 'network: Failed to fetch' });
    // not due yet: nothing is sent
    const early = server((evs) => ok(evs));
    expect((await pushBatch(db, early.send, DEVICE.deviceId, { now, delayFor })).sent).toBe(0);
    // after the backoff a 503 doubles it
    const later = () => new Date(T0.getTime() + 1000);
    await pushBatch(db, server(() => fail({ kind: 'http', status: 503, code: 'internal', message: 'busy' })).send, DEVICE.deviceId, { now: later, delayFor });
    expect(await db.outbox.get(a!.id)).toMatchObject({ state: 'pending', attempts: 2, nextAttemptAt: T0.getTime() + 1000 + 2000 });
  });

  it('retries events the answer did not mention', async () => {
    db = openTestDb();
    const [a, b] = await enqueue(2);
    await pushBatch(db, server((evs) => ok(evs.slice(0, 1))).send, DEVICE.deviceId, { now, delayFor });
    expect((await db.outbox.get(a!.id))?.state).toBe('done');
    expect((await db.outbox.get(b!.id))?.state).toBe('pending');
  });

  it('a revoked device token (401) is retried, not dropped', async () => {
    db = openTestDb();
    const [a] = await enqueue(1);
    const out = await pushBatch(db, server(() => fail({ kind: 'http', status: 401, code: 'unauthenticated', message: 'no' })).send, DEVICE.deviceId, { now, delayFor });
    expect(out.failure).toMatchObject({ status: 401 });
    expect((await db.outbox.get(a!.id))?.state).toBe('pending');
  });

  it('a request refused as a whole (400) is split so one bad event does not block the others', async () => {
    db = openTestDb();
    const [a, b, c] = await enqueue(3);
    const srv = server((evs) =>
      evs.length > 1 || evs[0]!.id === b!.id ? fail({ kind: 'http', status: 400, code: 'validation_failed', message: 'bad payload' }) : ok(evs),
    );
    const out = await pushBatch(db, srv.send, DEVICE.deviceId, { now, delayFor });
    expect(srv.requests.map((r) => r.length)).toEqual([3, 1, 1, 1]);
    expect(out).toMatchObject({ delivered: 2, rejected: 1 });
    expect((await db.outbox.get(a!.id))?.state).toBe('done');
    expect(await db.outbox.get(b!.id)).toMatchObject({ state: 'dead', lastError: 'HTTP 400 validation_failed: bad payload' });
    expect((await db.outbox.get(c!.id))?.state).toBe('done');
  });
});

describe('pushAll', () => {
  it('sends in batches of at most 50, in seq order, until the outbox is empty', async () => {
    db = openTestDb();
    await enqueue(120);
    const srv = server((evs) => ok(evs));
    const out = await pushAll(db, srv.send, DEVICE.deviceId, { now, delayFor });
    expect(PUSH_BATCH_SIZE).toBe(50);
    expect(srv.requests.map((r) => r.length)).toEqual([50, 50, 20]);
    expect(srv.requests.flat().map((e) => e.seq)).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
    expect(out.delivered).toBe(120);
    expect(await pendingCount(db)).toBe(0);
  });

  it('stops at the first failed request and leaves the rest pending', async () => {
    db = openTestDb();
    await enqueue(120);
    let n = 0;
    const srv = server((evs) => (++n === 2 ? fail({ kind: 'network', message: 'gone' }) : ok(evs)));
    const out = await pushAll(db, srv.send, DEVICE.deviceId, { now, delayFor });
    expect(srv.requests).toHaveLength(2);
    expect(out).toMatchObject({ delivered: 50, retried: 50 });
    expect(await pendingCount(db)).toBe(70);
  });
});

describe('backoffDelay', () => {
  it('doubles from 2 s up to 5 minutes, with jitter in the upper half', () => {
    expect(backoffDelay(1, () => 0)).toBe(BACKOFF_BASE_MS / 2);
    expect(backoffDelay(1, () => 1)).toBe(BACKOFF_BASE_MS);
    expect(backoffDelay(2, () => 1)).toBe(2 * BACKOFF_BASE_MS);
    expect(backoffDelay(4, () => 1)).toBe(8 * BACKOFF_BASE_MS);
    expect(backoffDelay(30, () => 1)).toBe(BACKOFF_MAX_MS);
    expect(backoffDelay(30, () => 0)).toBe(BACKOFF_MAX_MS / 2);
    for (let i = 0; i < 100; i++) {
      const d = backoffDelay(3);
      expect(d).toBeGreaterThanOrEqual(2 * BACKOFF_BASE_MS);
      expect(d).toBeLessThanOrEqual(4 * BACKOFF_BASE_MS);
    }
  });
});
