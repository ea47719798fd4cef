import { newId } from '@shopbook/shared';
import type { PosDb } from './PosDb.ts';
import { getMeta, setMeta } from './meta.ts';

/**
 * pending: waiting to be pushed (or to be retried at nextAttemptAt);
 * sending: in a push request whose answer has not come back;
 * done:    the server answered applied or duplicate, the event may be pruned;
 * dead:    gave up retrying (see lastError). Still not on the server, so it still counts
 *          as unsent: nothing is dropped silently, someone has to look at it.
 */
export type OutboxState = 'pending' | 'sending' | 'done' | 'dead';

/** An event the till recorded and still owes the server (or has just delivered). */
export interface OutboxRecord<P = unknown> {
  /** UUIDv7 minted on the till; the server's unique key, so a retried push is harmless */
  id: string;
  /** per-device sequence number, 1, 2, 3… in the order events were recorded */
  seq: number;
  /** event type, e.g. 'sale.completed' */
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
  lastError: string | null;
}

/** States that mean "the server has not acknowledged this event yet". */
export const UNSENT_STATES: readonly OutboxState[] = ['pending', 'sending', 'dead'];

export interface EnqueueOptions {
  /** payload shape version, 1 unless the event type has evolved */
  v?: number;
  now?: Date;
}

/**
 * Records an event for the server. The sequence number comes from a counter in `meta`
 * read and bumped in the same read-write transaction that adds the event. IndexedDB runs
 * read-write transactions with overlapping scopes one after another, so concurrent calls
 * (two buttons, two tabs) can never read the same counter: seq is gap-free and
 * monotonic per device. A counter rather than max(seq)+1, because done events get pruned
 * and the numbers must never be reused.
 */
export async function enqueueEvent<P>(
  db: PosDb,
  type: string,
  payload: P,
  options: EnqueueOptions = {},
): Promise<OutboxRecord<P>> {
  const now = options.now ?? new Date();
  return db.transaction('rw', db.outbox, db.meta, async () => {
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
  });
}

/** Events the server has not acknowledged: what blocks sign-out and app updates. */
export async function pendingCount(db: PosDb): Promise<number> {
  return db.outbox.where('state').anyOf(UNSENT_STATES as OutboxState[]).count();
}
