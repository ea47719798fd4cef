import { newId, type PullEntity, type PullPage } from '@shopbook/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { findByBarcode, findByPlu, getMeta, type PosDb } from '../db/index.ts';
import { openTestDb } from '../db/testDb.ts';
import type { Result } from './api.ts';
import { PULL_ORDER, applyPage, getCursor, pullAll, pullEntity, type FetchPage } from './pull.ts';

let db: PosDb;
afterEach(async () => {
  await db?.delete();
});

const ids = Array.from({ length: 5 }, () => newId());

function wireProduct(i: number, revision: number, over: Record<string, unknown> = {}) {
  return {
    id: ids[i],
    sku: `SKU-${i}`,
    name: `商品 ${i}`,
    categoryId: null,
    unit: '个',
    taxRateBp: 1300,
    price: 100 * (i + 1),
    weighed: false,
    plu: null,
    batchTracked: false,
    barcodes: [{ barcode: `69000000000${i}`, packQty: '1' }],
    revision,
    ...over,
  };
}

const page = (entity: PullEntity, rows: unknown[], cursor: number, more = false, tombstones: string[] = []): PullPage => ({ entity, rows, tombstones, cursor, more });

describe('applyPage', () => {
  it('maps products (barcodes, pack quantities, weighed PLUs) and moves the cursor', async () => {
    db = openTestDb();
    await applyPage(
      db,
      page('products', [
        wireProduct(0, 5, { barcodes: [{ barcode: '6900000000001', packQty: '1' }, { barcode: '16900000000008', packQty: '12' }] }),
        wireProduct(1, 6, { weighed: true, plu: '01001', unit: 'kg', barcodes: [] }),
      ], 6),
      0,
    );
    const coke = await findByBarcode(db, '16900000000008');
    expect(coke).toMatchObject({ id: ids[0], priceMinor: 100, packs: { '16900000000008': '12' } });
    expect(coke?.barcodes).toEqual(['6900000000001', '16900000000008']);
    expect(coke?.pinyinKeys).toContain('sp');
    expect(await findByPlu(db, '01001')).toMatchObject({ id: ids[1], weighed: true });
    expect(await getCursor(db, 'products')).toBe(6);
  });

  it('deletes tombstones and keeps each entity on its own cursor', async () => {
    db = openTestDb();
    await applyPage(db, page('products', [wireProduct(0, 1), wireProduct(1, 2)], 2), 0);
    await applyPage(db, page('customers', [{ id: ids[3], code: 'C001', name: '王先生', phone: '13800000001', creditLimit: 0, balance: 0, revision: 9 }], 9), 0);
    await applyPage(db, page('products', [], 3, false, [ids[0]!]), 2);
    expect(await db.products.get(ids[0]!)).toBeUndefined();
    expect(await db.products.get(ids[1]!)).toBeDefined();
    expect(await getCursor(db, 'products')).toBe(3);
    expect(await getCursor(db, 'customers')).toBe(9);
    expect(await db.customers.get(ids[3]!)).toMatchObject({ code: 'C001', pinyinKeys: expect.arrayContaining(['wxs']) });
  });

  it('is idempotent: a re-sent page changes nothing', async () => {
    db = openTestDb();
    const p = page('products', [wireProduct(0, 1), wireProduct(1, 2)], 2);
    await applyPage(db, p, 0);
    await applyPage(db, p, 0);
    expect(await db.products.count()).toBe(2);
    expect(await getCursor(db, 'products')).toBe(2);
  });

  it('never lets an older revision overwrite a newer row, nor the cursor go back', async () => {
    db = openTestDb();
    await applyPage(db, page('products', [wireProduct(0, 10, { price: 999 })], 10), 0);
    // a page from a slower, earlier request (another tab) arrives late
    const stale = await applyPage(db, page('products', [wireProduct(0, 4, { price: 111 })], 4), 0);
    expect(stale.stale).toBe(true);
    expect((await db.products.get(ids[0]!))?.priceMinor).toBe(999);
    expect(await getCursor(db, 'products')).toBe(10);
    // an empty page answering cursor 0 (nothing new) does not reset the cursor either
    await applyPage(db, page('products', [], 0), 10);
    expect(await getCursor(db, 'products')).toBe(10);
  });

  it('does not resurrect a row a newer page tombstoned', async () => {
    db = openTestDb();
    await applyPage(db, page('products', [wireProduct(0, 1)], 1), 0);
    await applyPage(db, page('products', [], 8, false, [ids[0]!]), 1);
    await applyPage(db, page('products', [wireProduct(0, 5)], 5), 1); // late page from before the deletion
    expect(await db.products.get(ids[0]!)).toBeUndefined();
  });

  it('skips rows that fail the schema without losing the rest of the page', async () => {
    db = openTestDb();
    await applyPage(db, page('products', [wireProduct(0, 1), { id: 'broken' }], 2), 0);
    expect(await db.products.count()).toBe(1);
    expect(await getCursor(db, 'products')).toBe(2);
  });

  it('keeps the store profile, cashiers and tax rates', async () => {
    db = openTestDb();
    const store = { id: ids[0], code: 'S01', name: '人民广场店', companyName: '示范', taxNumber: 'X', currency: 'CNY', pricesIncludeTax: true, warehouseId: ids[1], receiptHeader: 'hi', receiptFooter: 'bye', revision: 3 };
    // A server from before receipt logos sends none: the till keeps no logo.
    await applyPage(db, page('store', [store], 3), 0);
    expect(await getMeta(db, 'storeProfile')).toEqual({ ...store, receiptLogo: null, loyalty: null });
    const receiptLogo = { width: 8, height: 1, data: '/w==' };
    await applyPage(db, page('store', [{ ...store, receiptLogo, revision: 4 }], 4), 3);
    expect(await getMeta(db, 'storeProfile')).toEqual({ ...store, receiptLogo, loyalty: null, revision: 4 });
    await applyPage(db, page('cashiers', [{ id: ids[2], username: 'cashier', displayName: '陈', pinHash: null, permissions: ['pos.sell'], maxDiscountBp: 500, revision: 4 }], 4), 0);
    expect(await db.cashiers.get(ids[2]!)).toMatchObject({ username: 'cashier', maxDiscountBp: 500 });
    await applyPage(db, page('cashiers', [], 5, false, [ids[2]!]), 4);
    expect(await db.cashiers.count()).toBe(0);
    await applyPage(db, page('tax-rates', [{ id: ids[3], name: '13%', rateBasisPoints: 1300, revision: 2 }], 2), 0);
    expect(await db.taxRates.get(ids[3]!)).toEqual({ id: ids[3], name: '13%', rateBp: 1300, revision: 2 });
  });
});

/** A fake server: products 0..n-1 at revisions 1..n, served in pages. */
function fakeServer(n: number, fail?: (call: number) => boolean) {
  const calls: { entity: PullEntity; since: number; limit: number }[] = [];
  const fetchPage: FetchPage = async (entity, since, limit): Promise<Result<PullPage>> => {
    calls.push({ entity, since, limit });
    if (fail?.(calls.length)) return { ok: false, failure: { kind: 'network', message: 'offline' } };
    if (entity !== 'products') return { ok: true, value: page(entity, [], since) };
    const rows = Array.from({ length: n }, (_, i) => ({ ...wireProduct(0, i + 1), id: newIdFor(i), sku: `P${i}`, barcodes: [] })).filter((r) => r.revision > since).slice(0, limit);
    const cursor = rows.length ? rows.at(-1)!.revision : since;
    return { ok: true, value: page('products', rows, cursor, rows.length === limit) };
  };
  return { calls, fetchPage };
}
const fixedIds = Array.from({ length: 2500 }, () => newId());
const newIdFor = (i: number) => fixedIds[i]!;

describe('pullEntity / pullAll', () => {
  it('pulls in pages of 1000 until the server says there is no more', async () => {
    db = openTestDb();
    const server = fakeServer(2500);
    const res = await pullEntity(db, server.fetchPage, 'products');
    expect(res).toEqual({ ok: true, rows: 2500 });
    expect(server.calls.map((c) => [c.since, c.limit])).toEqual([[0, 1000], [1000, 1000], [2000, 1000]]);
    expect(await db.products.count()).toBe(2500);
    expect(await getCursor(db, 'products')).toBe(2500);
  });

  it('stops at a failure and resumes from the saved cursor next time', async () => {
    db = openTestDb();
    const flaky = fakeServer(2500, (call) => call === 2);
    const first = await pullEntity(db, flaky.fetchPage, 'products');
    expect(first.ok).toBe(false);
    expect(await getCursor(db, 'products')).toBe(1000);
    const server = fakeServer(2500);
    await pullEntity(db, server.fetchPage, 'products');
    expect(server.calls[0]!.since).toBe(1000);
    expect(await db.products.count()).toBe(2500);
  });

  it('pulls every entity, store and cashiers first, reports progress and marks the first pull done', async () => {
    db = openTestDb();
    const server = fakeServer(10);
    const progress: string[] = [];
    const res = await pullAll(db, server.fetchPage, (p) => progress.push(`${p.entity}:${p.entitiesDone}`));
    expect(res.ok).toBe(true);
    expect(server.calls.map((c) => c.entity)).toEqual([...PULL_ORDER]);
    expect(PULL_ORDER.slice(0, 2)).toEqual(['store', 'cashiers']);
    expect(progress.at(-1)).toBe(`products:${PULL_ORDER.length}`);
    expect(PULL_ORDER.indexOf('categories')).toBeLessThan(PULL_ORDER.indexOf('products'));
    expect(await getMeta(db, 'initialPullDone')).toBe(true);
  });

  it('does not mark the first pull done when it fails', async () => {
    db = openTestDb();
    const res = await pullAll(db, fakeServer(10, (c) => c === 3).fetchPage);
    expect(res.ok).toBe(false);
    expect(await getMeta(db, 'initialPullDone')).toBeUndefined();
  });
});
