import { newId } from '@shopbook/shared';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { IDS, PRODUCTS } from '../testing/fixtures.ts';
import { PosDb } from './PosDb.ts';
import { listCashiers } from './cashier.ts';
import { searchCustomers, toCustomerRecord } from './customer.ts';
import { categoryTiles, listFavourites, toggleFavourite } from './favourites.ts';
import { listParked, parkCart, takeParked } from './parked.ts';
import { productsInCategory, upsertProducts } from './product.ts';
import { openTestDb } from './testDb.ts';

let db: PosDb;
afterEach(async () => {
  await db?.delete();
});

describe('customers', () => {
  it('finds a customer by code, phone, name or pinyin', async () => {
    db = openTestDb();
    await db.customers.bulkPut([
      toCustomerRecord({ id: newId(), code: 'C001', name: '王先生 Mr 1', phone: '13800001237', creditLimit: 0, balance: 0, revision: 1 }),
      toCustomerRecord({ id: newId(), code: 'C002', name: '客户公司2', phone: '13800002474', creditLimit: 5_000_000, balance: 120_000, revision: 2 }),
    ]);
    expect((await searchCustomers(db, 'c002')).map((c) => c.code)).toEqual(['C002']);
    expect((await searchCustomers(db, '1380000123')).map((c) => c.code)).toEqual(['C001']);
    expect((await searchCustomers(db, '王')).map((c) => c.code)).toEqual(['C001']);
    expect((await searchCustomers(db, 'khgs')).map((c) => c.code)).toEqual(['C002']);
    expect(await searchCustomers(db, '  ')).toEqual([]);
  });
});

describe('favourites and categories', () => {
  it('pins and unpins products; a deleted product drops out', async () => {
    db = openTestDb();
    await upsertProducts(db, PRODUCTS);
    const [a, b] = PRODUCTS;
    expect(await toggleFavourite(db, a!.id)).toBe(true);
    expect(await toggleFavourite(db, b!.id)).toBe(true);
    expect((await listFavourites(db)).map((p) => p.sku)).toEqual(['BEV-0001', 'SNK-0001']);
    expect(await toggleFavourite(db, a!.id)).toBe(false);
    await db.products.delete(b!.id);
    expect(await listFavourites(db)).toEqual([]);
  });

  it('labels a category by its products’ SKU prefix until its name is pulled, and counts them', async () => {
    db = openTestDb();
    await upsertProducts(db, PRODUCTS);
    expect(await categoryTiles(db)).toEqual([{ id: IDS.category, code: 'BEV', label: 'BEV', count: 2 }]);
    await db.categories.put({ id: IDS.category, code: 'DRINKS', name: '饮料', parentId: null, revision: 3 });
    expect(await categoryTiles(db)).toEqual([{ id: IDS.category, code: 'DRINKS', label: '饮料', count: 2 }]);
    expect((await productsInCategory(db, IDS.category)).map((p) => p.sku).sort()).toEqual(['BEV-0001', 'SNK-0001']);
  });
});

describe('parked carts and cashiers', () => {
  it('parks, lists in order and takes a cart back exactly once', async () => {
    db = openTestDb();
    const cart = { lines: [], cartDiscount: { kind: 'amount' as const, amount: 0 }, pricesIncludeTax: true };
    const base = { cashierId: IDS.cashier, itemCount: 1, total: 100, cart, customerId: null, labels: {} };
    await parkCart(db, { ...base, id: 'p2', parkedAt: '2025-01-01T10:05:00Z', label: 'later' });
    await parkCart(db, { ...base, id: 'p1', parkedAt: '2025-01-01T10:00:00Z', label: 'first' });
    expect((await listParked(db)).map((p) => p.label)).toEqual(['first', 'later']);
    const [x, y] = await Promise.all([takeParked(db, 'p1'), takeParked(db, 'p1')]);
    expect([x, y].filter(Boolean)).toHaveLength(1);
    expect((await listParked(db)).map((p) => p.id)).toEqual(['p2']);
  });

  it('lists cashiers by name', async () => {
    db = openTestDb();
    await db.cashiers.bulkPut([
      { id: 'b', username: 'b', displayName: '李经理', pinHash: null, permissions: [], maxDiscountBp: 0, revision: 1 },
      { id: 'a', username: 'a', displayName: 'Alice', pinHash: null, permissions: [], maxDiscountBp: 0, revision: 1 },
    ]);
    expect((await listCashiers(db)).map((c) => c.id)).toEqual(['a', 'b']);
  });
});

describe('schema version 2', () => {
  it('upgrades a version-1 database in place, keeping its rows and outbox', async () => {
    const name = `shopbook-pos-upgrade-${Math.random().toString(36).slice(2)}`;
    const v1 = new Dexie(name);
    v1.version(1).stores({
      products: 'id, sku, nameNorm, *pinyinKeys, categoryId, *barcodes, revision',
      outbox: 'id, &seq, state, [state+nextAttemptAt], createdAt',
      meta: 'key',
    });
    await v1.table('products').put({ id: 'p1', sku: 'A', name: 'A', nameNorm: 'a', pinyinKeys: [], categoryId: null, unit: '个', taxRateBp: 1300, priceMinor: 100, barcodes: ['1'], revision: 1 });
    await v1.table('outbox').put({ id: 'e1', seq: 1, type: 'test', v: 1, payload: {}, createdAt: '', state: 'pending', attempts: 0, nextAttemptAt: 0, lastError: null });
    v1.close();

    db = new PosDb(name);
    expect(await db.products.get('p1')).toMatchObject({ sku: 'A', weighed: false, plu: null, batchTracked: false, packs: {} });
    expect(await db.outbox.get('e1')).toMatchObject({ state: 'pending' });
    expect(await db.customers.count()).toBe(0);
  });
});
