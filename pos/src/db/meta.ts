import { type LogoRaster, type LoyaltyProgram, newId, type PullEntity, type Store } from '@shopbook/shared';
import type { PrinterSettings } from '../printing/settings.ts';
import type { PosDb } from './PosDb.ts';

/**
 * This till's registration, from `POST /api/devices/register`. The token is the till's
 * own credential for sync (not a person's); it never expires by time, a manager revokes it.
 */
export interface DeviceRegistration {
  /** shape version of this record; bump and migrate on read if it ever changes */
  v: 1;
  deviceId: string;
  token: string;
  storeId: string;
  warehouseId: string;
  /** the name the manager gave the till ("Till 1") */
  name: string;
  registeredAt: string;
  /** who registered it, for the audit trail on screen */
  registeredBy: string;
}

/** The store as pulled (`store` entity): receipt header, tax mode, currency. */
export interface StoreProfile {
  id: string;
  code: string;
  name: string;
  companyName: string;
  taxNumber: string;
  currency: string;
  pricesIncludeTax: boolean;
  warehouseId: string;
  receiptHeader: string;
  receiptFooter: string;
  /** Absent on tills that pulled the store before receipts had logos. */
  receiptLogo?: LogoRaster | null;
  /** The company's loyalty programme; absent or null: points are not in use. */
  loyalty?: LoyaltyProgram | null;
  revision: number;
}

/** The cashier who unlocked the till with a PIN; kept so a reload mid-shift stays signed in. */
export interface ActiveCashier {
  v: 1;
  cashierId: string;
  signedInAt: string;
}

/** Wrong PINs for one cashier on this till (see auth/lockout.ts). */
export interface PinLockout {
  failures: number;
  /** epoch ms until which PIN entry is refused; null when not locked */
  lockedUntil: number | null;
}

/** Every key the `meta` table holds, with the type of its value. */
export type MetaValues = {
  /** a locally minted id (UUIDv7); kept from version 1, the registered device id is in `device` */
  deviceId: string;
  device: DeviceRegistration;
  /** last per-device sequence number handed to an outbox event */
  outboxSeq: number;
  /** last receipt sequence number on this till; never reused */
  receiptSeq: number;
  /** the store this till sells for, as seen at registration (header until the pull) */
  store: Store;
  storeProfile: StoreProfile;
  /** ISO time of the last sync round in which push and pull both reached the server */
  lastSyncAt: string;
  /** true once every entity has been pulled to the end at least once */
  initialPullDone: boolean;
  activeCashier: ActiveCashier;
  /** product ids pinned to the favourites tile on this till */
  favourites: string[];
  /** the receipt printer chosen on this till */
  printer: PrinterSettings;
} & {
  /** pull cursor per entity: highest revision applied (one key each: no shared read-modify-write) */
  [K in `pullCursor:${PullEntity}`]: number;
} & {
  [K in `pinLockout:${string}`]: PinLockout;
};
export type MetaKey = keyof MetaValues & string;

export interface MetaRecord<K extends MetaKey = MetaKey> {
  key: K;
  value: MetaValues[K];
}

export async function getMeta<K extends MetaKey>(db: PosDb, key: K): Promise<MetaValues[K] | undefined> {
  const row = await db.meta.get(key);
  return row?.value as MetaValues[K] | undefined;
}

export async function setMeta<K extends MetaKey>(db: PosDb, key: K, value: MetaValues[K]): Promise<void> {
  await db.meta.put({ key, value } as MetaRecord);
}

export async function deleteMeta(db: PosDb, key: MetaKey): Promise<void> {
  await db.meta.delete(key);
}

/**
 * A locally minted id, once. Read and written in one transaction so two tabs starting
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

/** The registration, if this version can read it; anything else means "set up again". */
export async function getDevice(db: PosDb): Promise<DeviceRegistration | undefined> {
  const d = await getMeta(db, 'device');
  return d?.v === 1 && typeof d.token === 'string' && typeof d.deviceId === 'string' ? d : undefined;
}

/**
 * Hands out the next number of a counter kept in meta. Must run inside the caller's
 * read-write transaction over `meta` (as enqueueEvent does) to be race-free; on its own it
 * opens one.
 */
export async function nextCounter(db: PosDb, key: 'outboxSeq' | 'receiptSeq'): Promise<number> {
  return db.transaction('rw', db.meta, async () => {
    const next = ((await getMeta(db, key)) ?? 0) + 1;
    await setMeta(db, key, next);
    return next;
  });
}
