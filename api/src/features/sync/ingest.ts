import { createHash } from 'node:crypto';
import { PAYLOAD_SCHEMAS, type OutboxEvent, type PushResult } from '@shopbook/shared';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { syncEvents } from '../../db/schema/index.ts';
import type { DeviceContext } from '../../http/context.ts';
import { DomainError } from '../../http/errors.ts';
import { applyReturn } from './apply-return.ts';
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
  const hash = payloadHash(event);
  if (event.deviceId !== device.id) {
    return { id: event.id, status: 'rejected', reason: 'the event names another till' };
  }
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(syncEvents)
      .values({
        id: event.id, deviceId: device.id, seq: event.seq, type: event.type, occurredAt: new Date(event.occurredAt), receivedAt: now,
        payload: event.payload as object, payloadHash: hash, status: 'applied',
      })
      .onConflictDoNothing({ target: syncEvents.id })
      .returning({ id: syncEvents.id });
    if (inserted.length === 0) {
      const [existing] = await tx.select().from(syncEvents).where(eq(syncEvents.id, event.id));
      if (existing && existing.payloadHash === hash) {
        return existing.status === 'rejected'
          ? { id: event.id, status: 'rejected' as const, reason: existing.reason ?? 'rejected before' }
          : { id: event.id, status: 'duplicate' as const };
      }
      return { id: event.id, status: 'rejected' as const, reason: 'conflict: an event with this id but different content was already received' };
    }
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
  });
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

