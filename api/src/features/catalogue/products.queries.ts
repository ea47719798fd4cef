import type { Product, productInputSchema, productQuerySchema } from '@shopbook/shared';
import { and, asc, count, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import { categories, productBarcodes, products, storePrices, supplierProducts, taxRates } from '../../db/schema/index.ts';
import { DomainError } from '../../http/errors.ts';

export type ProductInput = z.output<typeof productInputSchema>;
type ProductQuery = z.output<typeof productQuerySchema>;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Products with their barcodes, tax rate, category name and store prices, in the given order. */
export async function loadProducts(db: DbOrTx, ids: string[]): Promise<Product[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ p: products, categoryName: categories.name, rateBp: taxRates.rateBasisPoints })
    .from(products)
    .innerJoin(taxRates, eq(taxRates.id, products.taxRateId))
    .leftJoin(categories, eq(categories.id, products.categoryId))
    .where(inArray(products.id, ids));
  const codes = await db.select().from(productBarcodes).where(inArray(productBarcodes.productId, ids)).orderBy(asc(productBarcodes.barcode));
  const prices = await db.select().from(storePrices).where(inArray(storePrices.productId, ids));
  const byId = new Map(rows.map((r) => [r.p.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    const { p } = r;
    return [{
      id: p.id, sku: p.sku, name: p.name, categoryId: p.categoryId, categoryName: r.categoryName, unit: p.unit,
      taxRateId: p.taxRateId, taxRateBasisPoints: r.rateBp, purchasePrice: p.purchasePrice, salePrice: p.salePrice,
      weighed: p.weighed, plu: p.plu, batchTracked: p.batchTracked, tracksExpiry: p.tracksExpiry, serialTracked: p.serialTracked,
      shelfLifeDays: p.shelfLifeDays, status: p.status, parentId: p.parentId, attributes: p.attributes,
      barcodes: codes.filter((c) => c.productId === id).map((c) => ({ barcode: c.barcode, packQty: String(Number(c.packQty)) })),
      storePrices: prices.filter((x) => x.productId === id).map((x) => ({ storeId: x.storeId, price: x.price })),
      revision: p.revision, updatedAt: p.updatedAt.toISOString(),
    }];
  });
}

export async function getProduct(db: DbOrTx, id: string): Promise<Product> {
  const [p] = await loadProducts(db, [id]);
  if (!p) throw new DomainError('not_found', `no product ${id}`, 'id');
  return p;
}

/**
 * Search: an exact barcode, a SKU prefix, or a name prefix or substring, within a
 * category subtree and/or a supplier's range. Exact and prefix hits sort first.
 */
export async function searchProducts(db: DbOrTx, q: ProductQuery) {
  const where: SQL[] = [];
  if (q.status !== 'all') where.push(eq(products.status, q.status));
  if (q.q) {
    const text = escapeLike(q.q);
    where.push(
      or(
        ilike(products.sku, `${text}%`),
        ilike(products.name, `%${text}%`),
        inArray(products.id, db.select({ id: productBarcodes.productId }).from(productBarcodes).where(eq(productBarcodes.barcode, q.q))),
      )!,
    );
  }
  if (q.categoryId) {
    where.push(sql`${products.categoryId} IN (WITH RECURSIVE sub AS (
      SELECT id FROM categories WHERE id = ${q.categoryId}
      UNION ALL SELECT c.id FROM categories c JOIN sub ON c.parent_id = sub.id) SELECT id FROM sub)`);
  }
  if (q.supplierId) {
    where.push(inArray(products.id, db.select({ id: supplierProducts.productId }).from(supplierProducts).where(eq(supplierProducts.supplierId, q.supplierId))));
  }
  const filter = where.length ? and(...where) : undefined;
  const [total] = await db.select({ n: count() }).from(products).where(filter);
  const order = q.q
    ? [sql`CASE WHEN ${products.sku} ILIKE ${`${escapeLike(q.q)}%`} THEN 0 WHEN ${products.name} ILIKE ${`${escapeLike(q.q)}%`} THEN 1 ELSE 2 END`, asc(products.sku)]
    : [asc(products.sku)];
  const page = await db
    .select({ id: products.id })
    .from(products)
    .where(filter)
    .orderBy(...order)
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { total: total?.n ?? 0, items: await loadProducts(db, page.map((p) => p.id)) };
}
