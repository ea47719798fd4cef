import { createHash } from 'node:crypto';
import { PAYLOAD_SCHEMAS, type OutboxEvent, type PushResult, type SaleV1 } from '@shopbook/shared';
import { eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { pgArray } from '../../db/pg-array.ts';
import { rows } from '../../db/rows.ts';
import { syncEvents } from '../../db/schema/index.ts';
import type { DeviceContext } from '../../http/context.ts';
import { DomainError } from '../../http/errors.ts';
import { applyReturn } from './apply-return.ts';
import { applySalesBatch, AverageMoved, batchFacts, fitsBatch, type BatchFacts, type BatchSale } from './apply-sales-batch.ts';
import { applySale } from './apply-sale.ts';
import { applyCashMovement, applyShiftClose, applyShiftOpen } from './apply-shift.ts';

/** Canonical JSON (keys sorted) so the same content always hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function payloadHash(event: Pick<OutboxEvent, 'type' | 'payload'>): string {
  return createHash('sha256').update(`${event.type}:${canonical(event.payload)}`).digest('hex');
}

export interface ApplyContext {
  db: DbOrTx;
  device: DeviceContext;
  eventId: string;
  occurredAt: Date;
  now: Date;
}

/**
 * Applies one event in its own transaction. The event row is written first: its
 * primary key is the idempotency guard, so two pushes of the same event (a retry, or
 * two tabs) serialise on it and the second sees a duplicate. A business rule that
 * refuses the event rolls back to a savepoint and the event is kept as rejected, with
 * its reason, for a manager to resolve; nothing is dropped.
 */
export async function ingestEvent(db: DbOrTx, device: DeviceContext, event: OutboxEvent, now: Date): Promise<PushResult> {
  if (event.deviceId !== device.id) return otherTill(event);
  return db.transaction(async (tx) => {
    const [seen] = await recordEvents(tx, device, [event], now);
    return seen ?? (await applyRecorded(tx, device, event, now));
  });
}

/**
 * A till back from a week offline pushes thousands of sales: each transaction takes at
 * most this many, so stock locks are held briefly and a failure costs one slice.
 */
const SALES_PER_TRANSACTION = 50;

/**
 * A push, in order. Runs of sales go together: one transaction per run (of up to
 * SALES_PER_TRANSACTION), its events recorded with one statement and the plain ones
 * applied with a fixed number of statements (apply-sales-batch.ts); a sale the batch
 * cannot take, or a batch that fails, goes event by event inside the same transaction,
 * each under its savepoint. Anything else is applied on its own, as ingestEvent does.
 */
export async function ingestPush(db: DbOrTx, device: DeviceContext, events: readonly OutboxEvent[], now: Date): Promise<PushResult[]> {
  const results: PushResult[] = [];
  for (let i = 0; i < events.length; ) {
    let j = i;
    while (j < events.length && j - i < SALES_PER_TRANSACTION && events[j]!.type === 'sale' && events[j]!.deviceId === device.id) j++;
    if (j - i > 1) {
      results.push(...(await retryOnDeadlock(() => ingestSaleRun(db, device, events.slice(i, j), now))));
      i = j;
    } else {
      results.push(await retryOnDeadlock(() => ingestEvent(db, device, events[i]!, now)));
      i += 1;
    }
  }
  return results;
}

async function ingestSaleRun(db: DbOrTx, device: DeviceContext, run: readonly OutboxEvent[], now: Date): Promise<PushResult[]> {
  return db.transaction(async (tx) => {
    const seen = await recordEvents(tx, device, run, now);
    const fresh = run.filter((_, k) => seen[k] === null);
    const parsed = fresh.map((e) => ({ event: e, sale: PAYLOAD_SCHEMAS.sale.safeParse(e.payload) }));
    const facts = await batchFacts(tx, parsed.flatMap((p) => (p.sale.success ? [p.sale.data as SaleV1] : [])));
    const batch = parsed.flatMap((p) => (p.sale.success && fitsBatch(p.sale.data as SaleV1, device, facts) ? [{ eventId: p.event.id, occurredAt: new Date(p.event.occurredAt), sale: p.sale.data as SaleV1 }] : []));
    const applied = new Map<string, PushResult>();
    if (batch.length > 0) {
      try {
        const flags = await applyBatchUnderSavepoint(tx, device, batch, facts, now);
        for (const [id, f] of flags) applied.set(id, f ? { id, status: 'applied', flagged: true } : { id, status: 'applied' });
      } catch (e) {
        // A lock conflict is the whole transaction's to retry; any other refusal is found
        // and kept, event by event, below.
        if (isRetryable(e)) throw e;
      }
    }
    const out: PushResult[] = [];
    for (const [k, event] of run.entries()) {
      out.push(seen[k] ?? applied.get(event.id) ?? (await applyRecorded(tx, device, event, now)));
    }
    return out;
  });
}

/** The batch under its savepoint; computed again if a receipt moved an average meanwhile. */
async function applyBatchUnderSavepoint(tx: DbOrTx, device: DeviceContext, batch: BatchSale[], facts: BatchFacts, now: Date) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await tx.transaction((sp) => applySalesBatch(sp, device, batch, facts, now));
    } catch (e) {
      if (!(e instanceof AverageMoved) || attempt >= 3) throw e;
    }
  }
}

/**
 * Records the events in sync_events in one statement. For each event: null when it is
 * new (recorded now, to be applied), else what the till is told (a duplicate, an
 * earlier rejection, or a conflict: the same id with other content).
 */
async function recordEvents(tx: DbOrTx, device: DeviceContext, events: readonly OutboxEvent[], now: Date): Promise<(PushResult | null)[]> {
  const hashes = events.map(payloadHash);
  // One parameter per column: a push of fifty sales is one short statement to build and send.
  const inserted = new Set(
    (
      await rows<{ id: string }>(
        tx,
        sql`INSERT INTO sync_events (id, device_id, seq, type, occurred_at, received_at, payload, payload_hash, status)
            SELECT e.id, ${device.id}::uuid, e.seq, e.type, e.occurred_at, ${now.toISOString()}::timestamptz, e.payload, e.hash, 'applied'
              FROM unnest(${pgArray(events.map((e) => e.id))}::uuid[], ${pgArray(events.map((e) => e.seq))}::bigint[], ${pgArray(events.map((e) => e.type))}::text[],
                          ${pgArray(events.map((e) => new Date(e.occurredAt).toISOString()))}::timestamptz[], ${pgArray(events.map((e) => JSON.stringify(e.payload)))}::jsonb[],
                          ${pgArray(hashes)}::text[]) WITH ORDINALITY AS e(id, seq, type, occurred_at, payload, hash, n)
             ORDER BY e.n
            ON CONFLICT (id) DO NOTHING
            RETURNING id`,
      )
    ).map((r) => r.id),
  );
  const earlier = events.filter((e) => !inserted.has(e.id)).map((e) => e.id);
  const existing = earlier.length ? await tx.select().from(syncEvents).where(inArray(syncEvents.id, earlier)) : [];
  const claimed = new Set<string>();
  return events.map((event, k) => {
    // The same id twice in one push: the first is the event, the second a duplicate of it.
    if (inserted.has(event.id) && !claimed.has(event.id)) {
      claimed.add(event.id);
      return null;
    }
    const row = existing.find((x) => x.id === event.id) ?? (claimed.has(event.id) ? { payloadHash: hashes[events.findIndex((e) => e.id === event.id)], status: 'applied', reason: null } : undefined);
    if (row && row.payloadHash === hashes[k]) {
      return row.status === 'rejected' ? { id: event.id, status: 'rejected', reason: row.reason ?? 'rejected before' } : { id: event.id, status: 'duplicate' };
    }
    return { id: event.id, status: 'rejected', reason: 'conflict: an event with this id but different content was already received' };
  });
}

/** Applies a recorded event under a savepoint; a business refusal keeps it as rejected. */
async function applyRecorded(tx: DbOrTx, device: DeviceContext, event: OutboxEvent, now: Date): Promise<PushResult> {
  try {
    const flag = await tx.transaction((sp) => apply(sp, device, event, now));
    if (flag) await tx.update(syncEvents).set({ flagged: flag }).where(eq(syncEvents.id, event.id));
    return flag ? { id: event.id, status: 'applied' as const, flagged: true } : { id: event.id, status: 'applied' as const };
  } catch (e) {
    const reason = e instanceof DomainError ? e.message : rejectionReason(e);
    if (!reason) throw e;
    await tx.update(syncEvents).set({ status: 'rejected', reason }).where(eq(syncEvents.id, event.id));
    return { id: event.id, status: 'rejected' as const, reason };
  }
}

const otherTill = (event: OutboxEvent): PushResult => ({ id: event.id, status: 'rejected', reason: 'the event names another till' });

/** Deadlock or serialisation failure: PostgreSQL rolled the transaction back; running it again is safe. */
function isRetryable(e: unknown): boolean {
  for (let x: unknown = e, i = 0; x && i < 5; x = (x as { cause?: unknown }).cause, i++) {
    const code = (x as { code?: unknown }).code;
    if (code === '40P01' || code === '40001') return true;
  }
  return false;
}

async function retryOnDeadlock<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      if (!isRetryable(e) || attempt >= 5) throw e;
      await new Promise((r) => setTimeout(r, 5 * attempt + Math.random() * 20));
    }
  }
}

/** Database refusals that mean "this event is wrong", as opposed to "we are broken". */
function rejectionReason(e: unknown): string | undefined {
  for (let x: unknown = e, i = 0; x && i < 5; x = (x as { cause?: unknown }).cause, i++) {
    const code = (x as { code?: unknown }).code;
    if (code === '23503') return 'refers to a product, store, cashier or customer the server does not know';
    if (code === '23505') return 'a document with this id already exists';
  }
  return undefined;
}

async function apply(db: DbOrTx, device: DeviceContext, event: OutboxEvent, now: Date): Promise<string | null> {
  const parsed = PAYLOAD_SCHEMAS[event.type].safeParse(event.payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DomainError('validation_failed', `invalid ${event.type}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim());
  }
  const ctx: ApplyContext = { db, device, eventId: event.id, occurredAt: new Date(event.occurredAt), now };
  switch (event.type) {
    case 'sale':
      return applySale(ctx, parsed.data as never);
    case 'return':
      return applyReturn(ctx, parsed.data as never);
    case 'shift_open':
      return applyShiftOpen(ctx, parsed.data as never);
    case 'shift_close':
      return applyShiftClose(ctx, parsed.data as never);
    case 'cash_movement':
      return applyCashMovement(ctx, parsed.data as never);
  }
}

