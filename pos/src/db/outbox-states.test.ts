import { newId } from '@shopbook/shared';
import { afterEach, describe, expect, it } from 'vitest';
import type { PosDb } from './PosDb.ts';
import {
  claimDue,
  deadCount,
  enqueueEvent,
  listDead,
  markDelivered,
  markRejected,
  nextDueAt,
  pendingCount,
  pruneDelivered,
  recoverInFlight,
  retryDead,
  scheduleRetry,
} from './outbox.ts';
import { openTestDb } from './testDb.ts';

let db: PosDb;
afterEach(async () => {
  await db?.delete();
});

const T0 = new Date('2025-03-01T08:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

async function events(n: number) {
  const out = [];
  for (let i = 0; i < n; i++) out.push(await enqueueEvent(db, 'test', { i }, { now: T0 }));
  return out;
}

describe('outbox state machine', () => {
  it('claims due pending events in seq order, at most the batch size, and marks them sending', async () => {
    db = openTestDb();
    const evs = await events(5);
    const batch = await claimDue(db, T0, 3);
    expect(batch.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(batch.every((e) => e.state === 'sending' && e.attempts === 1)).toBe(true);
    expect((await db.outbox.get(evs[0]!.id))?.state).toBe('sending');
    // a second claimer gets only what is left, never the same event
    const second = await claimDue(db, T0, 50);
    expect(second.map((e) => e.seq)).toEqual([4, 5]);
    expect(await claimDue(db, T0, 50)).toEqual([]);
  });

  it('two concurrent claims never share an event', async () => {
    db = openTestDb();
    await events(30);
    const [a, b] = await Promise.all([claimDue(db, T0, 20), claimDue(db, T0, 20)]);
    const ids = [...a, ...b].map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(30);
  });

  it('does not claim an event whose backoff has not expired', async () => {
    db = openTestDb();
    const [e] = await events(1);
    await claimDue(db, T0);
    await scheduleRetry(db, [e!.id], 'network: offline', T0, () => 4000);
    expect(await claimDue(db, at(3999))).toEqual([]);
    expect(await nextDueAt(db)).toBe(T0.getTime() + 4000);
    const again = await claimDue(db, at(4000));
    expect(again.map((x) => x.id)).toEqual([e!.id]);
    expect(again[0]!.attempts).toBe(2);
  });

  it('backs off per attempt and keeps the error for the screen', async () => {
    db = openTestDb();
    const [e] = await events(1);
    const delays: number[] = [];
    for (let i = 0; i < 3; i++) {
      await claimDue(db, at(1e9));
      await scheduleRetry(db, [e!.id], 'HTTP 503', T0, (attempts) => (delays.push(attempts), 1000 * attempts));
    }
    expect(delays).toEqual([1, 2, 3]);
    const row = await db.outbox.get(e!.id);
    expect(row).toMatchObject({ state: 'pending', attempts: 3, lastError: 'HTTP 503', nextAttemptAt: T0.getTime() + 3000 });
  });

  it('retries only rows still sending: an event another tab settled stays settled', async () => {
    db = openTestDb();
    const [e] = await events(1);
    await claimDue(db, T0);
    await markDelivered(db, [e!.id], T0);
    await scheduleRetry(db, [e!.id], 'late network error', T0, () => 1000);
    expect((await db.outbox.get(e!.id))?.state).toBe('done');
  });

  it('applied/duplicate → done; rejected → dead with the reason, never deleted', async () => {
    db = openTestDb();
    const [a, b] = await events(2);
    await claimDue(db, T0);
    await markDelivered(db, [a!.id], at(10), [a!.id]);
    await markRejected(db, b!.id, 'shift is closed', at(10));
    expect(await db.outbox.get(a!.id)).toMatchObject({ state: 'done', flagged: true, settledAt: at(10).toISOString() });
    expect(await db.outbox.get(b!.id)).toMatchObject({ state: 'dead', lastError: 'shift is closed' });
    expect(await pendingCount(db)).toBe(1); // the dead letter is still unsent
    expect(await deadCount(db)).toBe(1);
    expect((await listDead(db)).map((e) => e.id)).toEqual([b!.id]);
    // pruning removes old delivered events only
    expect(await pruneDelivered(db, at(8 * 24 * 3600_000))).toBe(1);
    expect(await db.outbox.get(b!.id)).toBeDefined();
  });

  it('a dead letter can be sent again by hand', async () => {
    db = openTestDb();
    const [e] = await events(1);
    await claimDue(db, T0);
    await markRejected(db, e!.id, 'unknown product', T0);
    await retryDead(db, e!.id, at(5));
    expect(await db.outbox.get(e!.id)).toMatchObject({ state: 'pending', attempts: 0, nextAttemptAt: at(5).getTime() });
  });

  it('on reload, events left sending go back to pending (the server is idempotent)', async () => {
    db = openTestDb();
    await events(3);
    await claimDue(db, T0, 2);
    expect(await recoverInFlight(db, at(100))).toBe(2);
    const rows = await db.outbox.orderBy('seq').toArray();
    expect(rows.map((r) => r.state)).toEqual(['pending', 'pending', 'pending']);
    expect(rows[0]!.nextAttemptAt).toBe(at(100).getTime());
  });

  it('refuses an event whose payload the server would refuse', async () => {
    db = openTestDb();
    await expect(enqueueEvent(db, 'shift_open', { v: 1, shiftId: 'not-a-uuid' })).rejects.toThrow();
    expect(await db.outbox.count()).toBe(0);
    const ok = await enqueueEvent(db, 'shift_open', { v: 1, shiftId: newId(), storeId: newId(), cashierId: newId(), openingFloat: 10000 });
    expect(ok.type).toBe('shift_open');
  });
});
