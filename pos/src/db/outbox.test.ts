import { isUuidV7 } from '@shopbook/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { PosDb } from './PosDb.ts';
import { enqueueEvent, pendingCount } from './outbox.ts';
import { openTestDb } from './testDb.ts';

let db: PosDb;
afterEach(async () => {
  await db?.delete();
});

describe('enqueueEvent', () => {
  it('records a pending event with a UUIDv7 id and seq 1', async () => {
    db = openTestDb();
    const now = new Date('2025-03-01T08:30:00Z');
    const ev = await enqueueEvent(db, 'sale.completed', { total: 350 }, { now });
    expect(isUuidV7(ev.id)).toBe(true);
    expect(ev).toMatchObject({
      seq: 1,
      type: 'sale.completed',
      v: 1,
      payload: { total: 350 },
      createdAt: '2025-03-01T08:30:00.000Z',
      state: 'pending',
      attempts: 0,
      nextAttemptAt: now.getTime(),
      lastError: null,
    });
    expect(await db.outbox.get(ev.id)).toEqual(ev);
  });

  it('hands out gap-free, unique, increasing seq numbers under concurrent enqueues', async () => {
    db = openTestDb();
    const events = await Promise.all(Array.from({ length: 50 }, (_, i) => enqueueEvent(db, 'test', { i })));
    const seqs = events.map((e) => e.seq).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(new Set(events.map((e) => e.id)).size).toBe(50);
    // stored order by seq is the order of createdAt/id generation as well
    const stored = await db.outbox.orderBy('seq').toArray();
    expect(stored.map((e) => e.seq)).toEqual(seqs);
  });

  it('never reuses a seq after events are pruned', async () => {
    db = openTestDb();
    const a = await enqueueEvent(db, 'test', {});
    await db.outbox.delete(a.id);
    const b = await enqueueEvent(db, 'test', {});
    expect(b.seq).toBe(2);
  });

  it('keeps events and the counter across a reopen of the database', async () => {
    db = openTestDb();
    const name = db.name;
    const ev = await enqueueEvent(db, 'sale.completed', { lines: [{ sku: 'A', qty: 1 }] });
    db.close();

    db = new PosDb(name);
    expect(await db.outbox.get(ev.id)).toEqual(ev);
    expect(await pendingCount(db)).toBe(1);
    expect((await enqueueEvent(db, 'test', {})).seq).toBe(2);
  });
});

describe('pendingCount', () => {
  it('counts every event the server has not acknowledged', async () => {
    db = openTestDb();
    expect(await pendingCount(db)).toBe(0);
    const evs = await Promise.all(['a', 'b', 'c', 'd'].map((t) => enqueueEvent(db, t, {})));
    await db.outbox.update(evs[1]!.id, { state: 'sending' });
    await db.outbox.update(evs[2]!.id, { state: 'done' });
    await db.outbox.update(evs[3]!.id, { state: 'dead', lastError: 'rejected' });
    // pending + sending + dead; done is delivered
    expect(await pendingCount(db)).toBe(3);
  });
});
