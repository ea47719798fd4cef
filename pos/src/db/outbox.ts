import { EVENT_TYPES, PAYLOAD_SCHEMAS, newId, type EventType } from '@shopbook/shared';
import type { PosDb } from './PosDb.ts';
import { getMeta, setMeta } from './meta.ts';

/**
 * pending: waiting to be pushed (or to be retried at nextAttemptAt);
 * sending: in a push request whose answer has not come back;
 * done:    the server answered applied or duplicate, the event may be pruned;
 * dead:    the server rejected it (see lastError). Still not on the server, so it still
 *          counts as unsent: nothing is dropped silently, someone has to look at it.
 *
 *   pending ──claim──▶ sending ──applied/duplicate──▶ done
 *      ▲                  │ ──rejected──▶ dead ──retry (by hand)──▶ pending
 *      └──network, 5xx, no answer, reload (backoff)──┘
 */
export type OutboxState = 'pending' | 'sending' | 'done' | 'dead';

/** An event the till recorded and still owes the server (or has just delivered). */
export interface OutboxRecord<P = unknown> {
  /** UUIDv7 minted on the till; the server's unique key, so a retried push is harmless */
  id: string;
  /** per-device sequence number, 1, 2, 3… in the order events were recorded */
  seq: number;
  /** event type: one of EVENT_TYPES ('sale', 'return', 'shift_open', …) */
  type: string;
  /** payload shape version: a till updated after a week offline must still read its outbox */
  v: number;
  payload: P;
  /** ISO time the event happened on the till (not when it was sent) */
  createdAt: string;
  state: OutboxState;
  attempts: number;
  /** epoch ms before which the sender must not retry (backoff) */
  nextAttemptAt: number;
  /** why the last attempt failed, or the server's reason for a rejection */
  lastError: string | null;
  /** ISO time the server acknowledged it (done) or rejected it (dead) */
  settledAt?: string | null;
  /** the server applied it but flagged it for review (e.g. a sale in a closed shift) */
  flagged?: boolean;
}

/** States that mean "the server has not acknowledged this event yet". */
export const UNSENT_STATES: readonly OutboxState[] = ['pending', 'sending', 'dead'];

export interface EnqueueOptions {
  /** payload shape version, 1 unless the event type has evolved */
  v?: number;
  now?: Date;
}

function isEventType(type: string): type is EventType {
  return (EVENT_TYPES as readonly string[]).includes(type);
}

/**
 * Checks a payload against the wire schema of its event type before it is written, so the
 * outbox never holds an event the server is bound to reject for its shape. Returns the
 * parsed payload (with the schema's defaults filled in). Other types (tests, future
 * events) pass through unchanged.
 */
export function validatePayload<P>(type: string, payload: P): P {
  if (!isEventType(type)) return payload;
  return PAYLOAD_SCHEMAS[type].parse(payload) as P;
}

/**
 * The record enqueueEvent writes, built inside the caller's transaction. Exported so a
 * sale can write its own row and its event in one transaction (db/sale.ts).
 *
 * The sequence number comes from a counter in `meta` read and bumped in the same
 * read-write transaction that adds the event. IndexedDB runs read-write transactions
 * with overlapping scopes one after another, so concurrent calls (two buttons, two tabs)
 * can never read the same counter: seq is gap-free and monotonic per device. A counter
 * rather than max(seq)+1, because done events get pruned and numbers must never be reused.
 * Must be called inside a 'rw' transaction over outbox and meta.
 */
export async function addEventInTransaction<P>(
  db: PosDb,
  type: string,
  payload: P,
  options: EnqueueOptions = {},
): Promise<OutboxRecord<P>> {
  const now = options.now ?? new Date();
  const seq = ((await getMeta(db, 'outboxSeq')) ?? 0) + 1;
  await setMeta(db, 'outboxSeq', seq);
  const record: OutboxRecord<P> = {
    id: newId(),
    seq,
    type,
    v: options.v ?? 1,
    payload,
    createdAt: now.toISOString(),
    state: 'pending',
    attempts: 0,
    nextAttemptAt: now.getTime(),
    lastError: null,
  };
  // add(), not put(): an event id is fresh, so a collision is a bug and must fail loudly.
  await db.outbox.add(record);
  return record;
}

/** Records an event for the server (validated first, see validatePayload). */
export async function enqueueEvent<P>(
  db: PosDb,
  type: string,
  payload: P,
  options: EnqueueOptions = {},
): Promise<OutboxRecord<P>> {
  const valid = validatePayload(type, payload);
  return db.transaction('rw', db.outbox, db.meta, () => addEventInTransaction(db, type, valid, options));
}

/** Events the server has not acknowledged: what blocks sign-out and app updates. */
export async function pendingCount(db: PosDb): Promise<number> {
  return db.outbox.where('state').anyOf(UNSENT_STATES as OutboxState[]).count();
}

/** Events the server rejected, oldest first, for the "Sync problems" panel. */
export async function listDead(db: PosDb): Promise<OutboxRecord[]> {
  return db.outbox.where('state').equals('dead').sortBy('seq');
}

export async function deadCount(db: PosDb): Promise<number> {
  return db.outbox.where('state').equals('dead').count();
}

/**
 * On start, events left 'sending' belong to a request whose answer never came (the tab was
 * closed or reloaded mid-push). They go back to pending and are sent again: the server is
 * idempotent by event id, so an event it did apply answers 'duplicate' and becomes done.
 * Another tab of the same till may be mid-push at this moment; its answer then finds the
 * event pending instead of sending, which settleResults handles the same way.
 */
export async function recoverInFlight(db: PosDb, now: Date = new Date()): Promise<number> {
  return db.outbox.where('state').equals('sending').modify({ state: 'pending', nextAttemptAt: now.getTime() });
}

/**
 * Takes up to `limit` due pending events, in seq order, and marks them sending in one
 * transaction, so two senders (two tabs, a timer and an `online` event) never claim the
 * same event.
 */
export async function claimDue(db: PosDb, now: Date, limit = 50): Promise<OutboxRecord[]> {
  return db.transaction('rw', db.outbox, async () => {
    const due = await db.outbox
      .where('[state+nextAttemptAt]')
      .between(['pending', -Infinity], ['pending', now.getTime()], true, true)
      .toArray();
    const batch = due.sort((a, b) => a.seq - b.seq).slice(0, limit);
    for (const e of batch) {
      await db.outbox.update(e.id, { state: 'sending', attempts: e.attempts + 1 });
    }
    return batch.map((e) => ({ ...e, state: 'sending' as const, attempts: e.attempts + 1 }));
  });
}

/** The server answered applied or duplicate: delivered, whatever state the row was in. */
export async function markDelivered(db: PosDb, ids: readonly string[], now: Date, flagged: readonly string[] = []): Promise<void> {
  if (ids.length === 0) return;
  await db.transaction('rw', db.outbox, async () => {
    for (const id of ids) {
      await db.outbox.update(id, { state: 'done', lastError: null, settledAt: now.toISOString(), flagged: flagged.includes(id) });
    }
  });
}

/** The server rejected the event: a dead letter with the reason, kept until someone acts. */
export async function markRejected(db: PosDb, id: string, reason: string, now: Date): Promise<void> {
  await db.outbox.update(id, { state: 'dead', lastError: reason, settledAt: now.toISOString() });
}

/**
 * No usable answer (network, 5xx, timeout, an event the answer did not mention): back to
 * pending, not before `delayFor(attempts)` from now. Only rows still 'sending' move; a row
 * another tab settled meanwhile stays settled.
 */
export async function scheduleRetry(
  db: PosDb,
  ids: readonly string[],
  error: string,
  now: Date,
  delayFor: (attempts: number) => number,
): Promise<void> {
  await db.transaction('rw', db.outbox, async () => {
    for (const id of ids) {
      const row = await db.outbox.get(id);
      if (!row || row.state !== 'sending') continue;
      await db.outbox.update(id, { state: 'pending', lastError: error, nextAttemptAt: now.getTime() + delayFor(row.attempts) });
    }
  });
}

/** A person asked to send a dead letter again (after the cause was fixed on the server). */
export async function retryDead(db: PosDb, id: string, now: Date = new Date()): Promise<void> {
  await db.outbox
    .where('id')
    .equals(id)
    .and((e) => e.state === 'dead')
    .modify({ state: 'pending', attempts: 0, nextAttemptAt: now.getTime() });
}

/** Epoch ms of the earliest pending retry, for the sender's timer; undefined if none. */
export async function nextDueAt(db: PosDb): Promise<number | undefined> {
  const first = await db.outbox.where('[state+nextAttemptAt]').between(['pending', -Infinity], ['pending', Infinity]).first();
  return first?.nextAttemptAt;
}

/**
 * Drops delivered events older than `keepMs`. The sale itself stays in `sales`; the event
 * is only what was owed to the server, and the server has it. The seq counter lives in
 * meta, so pruning never frees a number for reuse.
 */
export async function pruneDelivered(db: PosDb, now: Date, keepMs = 7 * 24 * 3600_000): Promise<number> {
  const cutoff = new Date(now.getTime() - keepMs).toISOString();
  return db.outbox
    .where('state')
    .equals('done')
    .and((e) => (e.settledAt ?? e.createdAt) < cutoff)
    .delete();
}
