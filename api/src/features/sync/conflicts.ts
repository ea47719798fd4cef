import { desc, eq } from 'drizzle-orm';
import type { OutboxEvent, SessionUser } from '@shopbook/shared';
import type { DbOrTx } from '../../db/client.ts';
import { devices, syncEvents } from '../../db/schema/index.ts';
import { DomainError } from '../../http/errors.ts';
import { recordAudit } from '../audit/record.ts';
import { ingestEvent, payloadHash } from './ingest.ts';

export async function listConflicts(db: DbOrTx, status: 'rejected' | 'voided' | 'all') {
  const list = await db
    .select({ e: syncEvents, deviceName: devices.name })
    .from(syncEvents)
    .innerJoin(devices, eq(devices.id, syncEvents.deviceId))
    .where(status === 'all' ? undefined : eq(syncEvents.status, status))
    .orderBy(desc(syncEvents.receivedAt))
    .limit(500);
  return list.map(({ e, deviceName }) => ({
    id: e.id, deviceId: e.deviceId, deviceName, seq: e.seq, type: e.type, occurredAt: e.occurredAt.toISOString(), receivedAt: e.receivedAt.toISOString(),
    reason: e.reason, payload: e.payload, status: e.status,
  }));
}

/**
 * A manager settles a rejected event: void it (it stays on record, marked), or apply it
 * again, corrected if need be. Re-applying removes the rejected row and ingests the
 * event afresh in one transaction, so it is either applied or still rejected.
 */
export async function resolveConflict(db: DbOrTx, id: string, action: 'reapply' | 'void', payload: unknown, note: string, user: SessionUser, now: Date) {
  const [e] = await db.select().from(syncEvents).where(eq(syncEvents.id, id));
  if (!e) throw new DomainError('not_found', `no event ${id}`, 'id');
  if (e.status !== 'rejected') throw new DomainError('conflict', `the event is ${e.status}, not rejected`);
  if (action === 'void') {
    await db.update(syncEvents).set({ status: 'voided', resolvedBy: user.id, resolvedAt: now }).where(eq(syncEvents.id, id));
    await recordAudit(db, { user, action: 'void', entity: 'sync_event', entityId: id, before: { status: 'rejected', reason: e.reason }, after: { status: 'voided', note }, at: now });
    return { id, status: 'voided', reason: e.reason };
  }
  const [device] = await db.select().from(devices).where(eq(devices.id, e.deviceId));
  const event: OutboxEvent = {
    id, deviceId: e.deviceId, seq: e.seq, type: e.type as OutboxEvent['type'], occurredAt: e.occurredAt.toISOString(), payload: payload ?? e.payload,
  };
  await db.delete(syncEvents).where(eq(syncEvents.id, id));
  const result = await ingestEvent(db, { id: device!.id, storeId: device!.storeId, warehouseId: device!.warehouseId }, event, now);
  await db.update(syncEvents).set({ resolvedBy: user.id, resolvedAt: now }).where(eq(syncEvents.id, id));
  await recordAudit(db, {
    user, action: 'reapply', entity: 'sync_event', entityId: id, before: { status: 'rejected', reason: e.reason },
    after: { status: result.status, reason: result.reason ?? null, corrected: payload !== undefined && payloadHash(event) !== e.payloadHash, note }, at: now,
  });
  return { id, status: result.status, reason: result.reason ?? null };
}
