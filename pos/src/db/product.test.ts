import { afterEach, describe, expect, it } from 'vitest';
import type { PosDb } from './PosDb.ts';
import { findByBarcode, searchByNamePrefix, upsertProducts, type ProductInput } from './product.ts';
import { openTestDb } from './testDb.ts';

function product(over: Partial<ProductInput> & Pick<ProductInput, 'id' | 'name'>): ProductInput {
  return {
    sku: over.id.toUpperCase(),
    categoryId: null,
    unit: '瓶',
    taxRateBp: 1300,
    priceMinor: 350,
    barcodes: [],
    revision: 1,
    ...over,
  };
}

const CATALOGUE: ProductInput[] = [
  product({ id: 'coke', name: '可口可乐 330ml', barcodes: ['6901939621257', '6901939621264'] }),
  product({ id: 'cola-zero', name: 'Coca-Cola Zero', barcodes: ['5449000131805'] }),
  product({ id: 'kele-cake', name: '可乐蛋糕', barcodes: [] }),
  product({ id: 'tea', name: '康师傅绿茶', barcodes: ['6920459905012'] }),
];

let db: PosDb;
afterEach(async () => {
  await db?.delete();
});

describe('upsertProducts', () => {
  it('applies a re-sent page without error and keeps the newest revision', async () => {
    db = openTestDb();
    await upsertProducts(db, CATALOGUE);
    await upsertProducts(db, CATALOGUE); // the same page again, as after a lost answer
    await upsertProducts(db, [{ ...CATALOGUE[0]!, priceMinor: 380, revision: 2 }]);
    expect(await db.products.count()).toBe(CATALOGUE.length);
    const coke = await db.products.get('coke');
    expect(coke?.priceMinor).toBe(380);
    expect(coke?.revision).toBe(2);
    expect(coke?.pinyinKeys).toContain('kkkl');
  });
});

describe('findByBarcode', () => {
  it('finds a product by any of its barcodes', async () => {
    db = openTestDb();
    await upsertProducts(db, CATALOGUE);
    expect((await findByBarcode(db, '6901939621257'))?.id).toBe('coke');
    expect((await findByBarcode(db, '6901939621264'))?.id).toBe('coke');
    expect((await findByBarcode(db, ' 5449000131805\n'))?.id).toBe('cola-zero');
  });

  it('returns undefined for an unknown or empty code', async () => {
    db = openTestDb();
    await upsertProducts(db, CATALOGUE);
    expect(await findByBarcode(db, '0000000000000')).toBeUndefined();
    expect(await findByBarcode(db, '   ')).toBeUndefined();
  });
});

describe('searchByNamePrefix', () => {
  it('finds 可口可乐 by its pinyin initials', async () => {
    db = openTestDb();
    await upsertProducts(db, CATALOGUE);
    const hits = await searchByNamePrefix(db, 'kkkl');
    expect(hits.map((p) => p.id)).toEqual(['coke']);
  });

  it('finds by full pinyin prefix, case-insensitively', async () => {
    db = openTestDb();
    await upsertProducts(db, CATALOGUE);
    expect((await searchByNamePrefix(db, 'KeKou')).map((p) => p.id)).toEqual(['coke']);
    expect((await searchByNamePrefix(db, 'kel')).map((p) => p.id)).toEqual(['kele-cake']);
  });

  it('finds by the start of the name, in any case or width', async () => {
    db = openTestDb();
    await upsertProducts(db, CATALOGUE);
    expect((await searchByNamePrefix(db, 'COCA')).map((p) => p.id)).toEqual(['cola-zero']);
    expect((await searchByNamePrefix(db, 'ｃｏｃａ')).map((p) => p.id)).toEqual(['cola-zero']);
    expect((await searchByNamePrefix(db, '可')).map((p) => p.id).sort()).toEqual(['coke', 'kele-cake']);
  });

  it('lists a product once when both its name and its pinyin match', async () => {
    db = openTestDb();
    await upsertProducts(db, [product({ id: 'ka', name: 'kk可可' })]);
    const hits = await searchByNamePrefix(db, 'kk');
    expect(hits.map((p) => p.id)).toEqual(['ka']);
  });

  it('respects the limit and ignores an empty query', async () => {
    db = openTestDb();
    await upsertProducts(
      db,
      Array.from({ length: 30 }, (_, i) => product({ id: `p${i}`, name: `可乐 ${String(i).padStart(2, '0')}` })),
    );
    expect(await searchByNamePrefix(db, 'kl')).toHaveLength(20);
    expect(await searchByNamePrefix(db, 'kl', 5)).toHaveLength(5);
    expect(await searchByNamePrefix(db, '  ')).toEqual([]);
  });
});
