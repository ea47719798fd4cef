import type { OutboxEvent, PushResult } from '@shopbook/shared';
import type { PosDb } from '../db/PosDb.ts';
import { claimDue, markDelivered, markRejected, scheduleRetry, type OutboxRecord } from '../db/outbox.ts';
import { describeFailure, isAuthFailure, isTransient, type Result, type TransportFailure } from './api.ts';
import { backoffDelay } from './backoff.ts';

/**
 * The push: the outbox's events to the server, and the server's per-event answers back
 * onto the outbox states (see the state diagram in db/outbox.ts).
 */
export type SendEvents = (events: OutboxEvent[]) => Promise<Result<PushResult[]>>;

export const PUSH_BATCH_SIZE = 50;

export interface PushOptions {
  batchSize?: number;
  now?: () => Date;
  /** backoff per attempt count; injectable so tests need no randomness */
  delayFor?: (attempts: number) => number;
}

export interface PushOutcome {
  /** events put on the wire */
  sent: number;
  delivered: number;
  rejected: number;
  /** events sent back to pending for a later retry */
  retried: number;
  /** why the last request failed, if it did */
  failure: TransportFailure | null;
}

export function toWire(record: OutboxRecord, deviceId: string): OutboxEvent {
  return {
    id: record.id,
    deviceId,
    seq: record.seq,
    type: record.type as OutboxEvent['type'],
    occurredAt: record.createdAt,
    payload: record.payload,
  };
}

function emptyOutcome(): PushOutcome {
  return { sent: 0, delivered: 0, rejected: 0, retried: 0, failure: null };
}

/** Applies the server's answer for a batch; events it did not mention are retried. */
async function settle(db: PosDb, batch: OutboxRecord[], results: PushResult[], now: Date, delayFor: (n: number) => number, out: PushOutcome) {
  const byId = new Map(results.map((r) => [r.id, r]));
  const delivered: string[] = [];
  const flagged: string[] = [];
  const missing: string[] = [];
  for (const e of batch) {
    const r = byId.get(e.id);
    if (!r) missing.push(e.id);
    else if (r.status === 'applied' || r.status === 'duplicate') {
      delivered.push(e.id);
      if (r.flagged) flagged.push(e.id);
    } else {
      await markRejected(db, e.id, r.reason ?? 'rejected by the server', now);
      out.rejected += 1;
    }
  }
  await markDelivered(db, delivered, now, flagged);
  out.delivered += delivered.length;
  if (missing.length) {
    await scheduleRetry(db, missing, 'the server did not answer for this event', now, delayFor);
    out.retried += missing.length;
  }
}

/**
 * One batch: claim up to `batchSize` due events (pending → sending), send, settle.
 *  - applied / duplicate → done; rejected → dead with the server's reason;
 *  - no answer, 5xx, 429, a revoked token (401/403) → back to pending with backoff; the
 *    server is idempotent by event id, so sending again is always safe;
 *  - any other 4xx refuses the request as a whole. The events are then sent one by one,
 *    so a single malformed event becomes a dead letter instead of blocking the others.
 */
export async function pushBatch(db: PosDb, send: SendEvents, deviceId: string, options: PushOptions = {}): Promise<PushOutcome> {
  const now = options.now ?? (() => new Date());
  const delayFor = options.delayFor ?? ((n: number) => backoffDelay(n));
  const out = emptyOutcome();
  const batch = await claimDue(db, now(), options.batchSize ?? PUSH_BATCH_SIZE);
  if (batch.length === 0) return out;
  out.sent = batch.length;
  const res = await send(batch.map((e) => toWire(e, deviceId)));
  if (res.ok) {
    await settle(db, batch, res.value, now(), delayFor, out);
    return out;
  }
  out.failure = res.failure;
  if (isTransient(res.failure) || isAuthFailure(res.failure)) {
    await scheduleRetry(db, batch.map((e) => e.id), describeFailure(res.failure), now(), delayFor);
    out.retried += batch.length;
    return out;
  }
  if (batch.length === 1) {
    await markRejected(db, batch[0]!.id, describeFailure(res.failure), now());
    out.rejected += 1;
    return out;
  }
  for (const e of batch) {
    const single = await send([toWire(e, deviceId)]);
    if (single.ok) await settle(db, [e], single.value, now(), delayFor, out);
    else if (isTransient(single.failure) || isAuthFailure(single.failure)) {
      out.failure = single.failure;
      await scheduleRetry(db, [e.id], describeFailure(single.failure), now(), delayFor);
      out.retried += 1;
    } else {
      await markRejected(db, e.id, describeFailure(single.failure), now());
      out.rejected += 1;
    }
  }
  return out;
}

/** Batches until nothing is due or a request fails (then the backoff decides when to go on). */
export async function pushAll(db: PosDb, send: SendEvents, deviceId: string, options: PushOptions = {}): Promise<PushOutcome> {
  const total = emptyOutcome();
  for (;;) {
    const o = await pushBatch(db, send, deviceId, options);
    total.sent += o.sent;
    total.delivered += o.delivered;
    total.rejected += o.rejected;
    total.retried += o.retried;
    total.failure = o.failure;
    if (o.sent === 0 || o.failure || o.retried > 0) return total;
  }
}
