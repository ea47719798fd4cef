import { isUuidV7 } from '@shopbook/shared';
import { afterEach, describe, expect, it } from 'vitest';
import type { PosDb } from './PosDb.ts';
import { deleteMeta, getDevice, getDeviceId, getMeta, nextCounter, setMeta } from './meta.ts';
import { openTestDb } from './testDb.ts';
import { DEVICE } from '../testing/fixtures.ts';

let db: PosDb;
afterEach(async () => {
  await db?.delete();
});

describe('meta', () => {
  it('stores, reads and deletes typed values', async () => {
    db = openTestDb();
    expect(await getMeta(db, 'lastSyncAt')).toBeUndefined();
    await setMeta(db, 'pullCursor:products', 42);
    expect(await getMeta(db, 'pullCursor:products')).toBe(42);
    await deleteMeta(db, 'pullCursor:products');
    expect(await getMeta(db, 'pullCursor:products')).toBeUndefined();
  });

  it('mints one device id, even when asked concurrently', async () => {
    db = openTestDb();
    const ids = await Promise.all([getDeviceId(db), getDeviceId(db), getDeviceId(db)]);
    expect(new Set(ids).size).toBe(1);
    expect(isUuidV7(ids[0]!)).toBe(true);
    expect(await getDeviceId(db)).toBe(ids[0]);
  });

  it('reads a registration only in a shape it knows', async () => {
    db = openTestDb();
    expect(await getDevice(db)).toBeUndefined();
    await setMeta(db, 'device', DEVICE);
    expect(await getDevice(db)).toEqual(DEVICE);
    await setMeta(db, 'device', { ...DEVICE, v: 2 } as unknown as typeof DEVICE);
    expect(await getDevice(db)).toBeUndefined();
  });

  it('hands out counters without gaps under concurrency', async () => {
    db = openTestDb();
    const got = await Promise.all(Array.from({ length: 20 }, () => nextCounter(db, 'receiptSeq')));
    expect(got.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });
});
