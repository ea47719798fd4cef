import { newId, type LoginResponse, type Store } from '@shopbook/shared';
import type { PosDb } from './PosDb.ts';

/** The cashier's session as saved on the till, so a reload offline keeps the till open. */
export interface StoredSession extends LoginResponse {
  /** shape version of this record; bump and migrate on read if it ever changes */
  v: 1;
  signedInAt: string;
}

/** Every key the `meta` table holds, with the type of its value. */
export interface MetaValues {
  /** this till's id (UUIDv7), minted on first start; sent with every pushed event */
  deviceId: string;
  /** last per-device sequence number handed to an outbox event */
  outboxSeq: number;
  session: StoredSession;
  /** the store this till sells for, as last seen online (for its name in the header) */
  store: Store;
  /** ISO time of the last completed sync; absent until sync exists and has run */
  lastSyncAt: string;
  /** pull cursor: highest catalogue revision applied */
  catalogueCursor: number;
}
export type MetaKey = keyof MetaValues;

export interface MetaRecord<K extends MetaKey = MetaKey> {
  key: K;
  value: MetaValues[K];
}

export async function getMeta<K extends MetaKey>(db: PosDb, key: K): Promise<MetaValues[K] | undefined> {
  const row = await db.meta.get(key);
  return row?.value as MetaValues[K] | undefined;
}

export async function setMeta<K extends MetaKey>(db: PosDb, key: K, value: MetaValues[K]): Promise<void> {
  await db.meta.put({ key, value });
}

export async function deleteMeta(db: PosDb, key: MetaKey): Promise<void> {
  await db.meta.delete(key);
}

/**
 * This till's id, minted once. Read and written in one transaction so two tabs starting
 * together cannot each mint a different id.
 */
export async function getDeviceId(db: PosDb): Promise<string> {
  return db.transaction('rw', db.meta, async () => {
    const existing = await getMeta(db, 'deviceId');
    if (existing) return existing;
    const id = newId();
    await setMeta(db, 'deviceId', id);
    return id;
  });
}
