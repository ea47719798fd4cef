import type { PosDb } from './PosDb.ts';
import { getMeta, setMeta } from './meta.ts';
import type { ProductRecord } from './product.ts';

/** Products pinned to the favourites tile on this till, in the order they were pinned. */
export async function listFavourites(db: PosDb): Promise<ProductRecord[]> {
  const ids = (await getMeta(db, 'favourites')) ?? [];
  const rows = await db.products.bulkGet(ids);
  // A favourite deleted from the catalogue (a tombstone) simply drops out.
  return rows.filter((p): p is ProductRecord => p !== undefined);
}

/** Pins or unpins; read and written in one transaction so two quick taps cannot lose one. */
export async function toggleFavourite(db: PosDb, productId: string): Promise<boolean> {
  return db.transaction('rw', db.meta, async () => {
    const ids = (await getMeta(db, 'favourites')) ?? [];
    const on = !ids.includes(productId);
    await setMeta(db, 'favourites', on ? [...ids, productId] : ids.filter((id) => id !== productId));
    return on;
  });
}

export interface CategoryTile {
  id: string;
  /** The category's code, or before the first categories pull the SKU prefix its products share. */
  code: string;
  /** The category's name as pulled, else the code. */
  label: string;
  count: number;
}

function skuPrefix(sku: string): string {
  const cut = sku.lastIndexOf('-');
  return cut > 0 ? sku.slice(0, cut) : sku;
}

/** One tile per category that has products on this till, in name order. */
export async function categoryTiles(db: PosDb): Promise<CategoryTile[]> {
  const ids = (await db.products.orderBy('categoryId').uniqueKeys()) as string[];
  const named = await db.categories.bulkGet(ids);
  const tiles: CategoryTile[] = [];
  for (const [i, id] of ids.entries()) {
    // Two collections: Dexie collections are mutable, first() would limit a shared one to 1.
    const [first, count] = await Promise.all([
      db.products.where('categoryId').equals(id).first(),
      db.products.where('categoryId').equals(id).count(),
    ]);
    const category = named[i];
    const code = category?.code ?? (first ? skuPrefix(first.sku) : id.slice(0, 8));
    tiles.push({ id, code, label: category?.name ?? code, count });
  }
  return tiles.sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));
}
