import { isUuidV7 } from '@shopbook/shared';
import { afterEach, describe, expect, it } from 'vitest';
import type { PosDb } from './PosDb.ts';
import { deleteMeta, getDeviceId, getMeta, setMeta } from './meta.ts';
import { openTestDb } from './testDb.ts';

let db: PosDb;
afterEach(async () => {
  await db?.delete();
});

describe('meta', () => {
  it('stores, reads and deletes typed values', async () => {
    db = openTestDb();
    expect(await getMeta(db, 'lastSyncAt')).toBeUndefined();
    await setMeta(db, 'catalogueCursor', 42);
    expect(await getMeta(db, 'catalogueCursor')).toBe(42);
    await deleteMeta(db, 'catalogueCursor');
    expect(await getMeta(db, 'catalogueCursor')).toBeUndefined();
  });

  it('mints one device id, even when asked concurrently', async () => {
    db = openTestDb();
    const ids = await Promise.all([getDeviceId(db), getDeviceId(db), getDeviceId(db)]);
    expect(new Set(ids).size).toBe(1);
    expect(isUuidV7(ids[0]!)).toBe(true);
    expect(await getDeviceId(db)).toBe(ids[0]);
  });
});
