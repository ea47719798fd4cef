import { newId, type Product, type SessionUser } from '@shopbook/shared';
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { categories, productBarcodes, products, storePrices, stores, taxRates } from '../../db/schema/index.ts';
import { DomainError } from '../../http/errors.ts';
import { recordAudit } from '../audit/record.ts';
import { getProduct, type ProductInput } from './products.queries.ts';

/** References and uniqueness a schema cannot see; each failure names its field. */
async function checkProduct(db: DbOrTx, input: ProductInput, selfId: string | null) {
  const [rate] = await db.select({ id: taxRates.id }).from(taxRates).where(eq(taxRates.id, input.taxRateId));
  if (!rate) throw new DomainError('unprocessable', 'no such tax rate', 'taxRateId');
  if (input.categoryId) {
    const [cat] = await db.select({ id: categories.id }).from(categories).where(and(eq(categories.id, input.categoryId), eq(categories.active, true)));
    if (!cat) throw new DomainError('unprocessable', 'no such category', 'categoryId');
  }
  if (input.parentId) {
    const [parent] = await db.select({ id: products.id, parentId: products.parentId }).from(products).where(eq(products.id, input.parentId));
    if (!parent || parent.id === selfId) throw new DomainError('unprocessable', 'no such parent product', 'parentId');
    if (parent.parentId) throw new DomainError('unprocessable', 'a variant cannot have variants of its own', 'parentId');
  }
  const notSelf = selfId ? ne(products.id, selfId) : undefined;
  const [sku] = await db.select({ id: products.id }).from(products).where(and(eq(products.sku, input.sku), notSelf));
  if (sku) throw new DomainError('conflict', `SKU ${input.sku} is already used`, 'sku');
  if (input.plu) {
    const [plu] = await db.select({ sku: products.sku }).from(products).where(and(eq(products.plu, input.plu), notSelf));
    if (plu) throw new DomainError('conflict', `PLU ${input.plu} is already used by ${plu.sku}`, 'plu');
  }
  if (input.barcodes.length) {
    const taken = await db
      .select({ barcode: productBarcodes.barcode, sku: products.sku, name: products.name })
      .from(productBarcodes)
      .innerJoin(products, eq(products.id, productBarcodes.productId))
      .where(and(inArray(productBarcodes.barcode, input.barcodes.map((b) => b.barcode)), selfId ? ne(productBarcodes.productId, selfId) : undefined));
    if (taken[0]) {
      const index = input.barcodes.findIndex((b) => b.barcode === taken[0]!.barcode);
      throw new DomainError('conflict', `barcode ${taken[0].barcode} already belongs to ${taken[0].sku} ${taken[0].name}`, `barcodes.${index}.barcode`);
    }
  }
}

function columns(input: ProductInput) {
  const { barcodes: _barcodes, ...rest } = input;
  return rest;
}

export async function createProduct(db: DbOrTx, input: ProductInput, user: SessionUser | null, now: Date): Promise<Product> {
  await checkProduct(db, input, null);
  const id = newId();
  await db.insert(products).values({ id, ...columns(input), createdAt: now, updatedAt: now });
  if (input.barcodes.length) await db.insert(productBarcodes).values(input.barcodes.map((b) => ({ ...b, productId: id })));
  const after = await getProduct(db, id);
  await recordAudit(db, { user, action: 'create', entity: 'product', entityId: id, after, at: now });
  return after;
}

/**
 * Replaces a product's fields and barcodes. Changing prices needs prices.write as well
 * as catalogue.write; the audit entry keeps before and after.
 */
export async function updateProduct(db: DbOrTx, id: string, input: ProductInput, user: SessionUser, now: Date): Promise<Product> {
  const before = await getProduct(db, id);
  const priceChanged = before.salePrice !== input.salePrice || before.purchasePrice !== input.purchasePrice;
  if (priceChanged && !user.permissions.includes('prices.write')) {
    throw new DomainError('forbidden', 'changing prices needs the permission prices.write', 'salePrice');
  }
  await checkProduct(db, input, id);
  await db
    .update(products)
    .set({ ...columns(input), updatedAt: now, revision: sql`nextval('catalogue_revision')` })
    .where(eq(products.id, id));
  await db.delete(productBarcodes).where(eq(productBarcodes.productId, id));
  if (input.barcodes.length) await db.insert(productBarcodes).values(input.barcodes.map((b) => ({ ...b, productId: id })));
  const after = await getProduct(db, id);
  await recordAudit(db, { user, action: 'update', entity: 'product', entityId: id, before, after, at: now });
  return after;
}

export async function setStorePrices(db: DbOrTx, id: string, prices: { storeId: string; price: number | null }[], user: SessionUser, now: Date) {
  const before = await getProduct(db, id);
  const known = await db.select({ id: stores.id }).from(stores);
  const bad = prices.findIndex((p) => !known.some((s) => s.id === p.storeId));
  if (bad >= 0) throw new DomainError('unprocessable', 'no such store', `prices.${bad}.storeId`);
  for (const p of prices) {
    await db.delete(storePrices).where(and(eq(storePrices.productId, id), eq(storePrices.storeId, p.storeId)));
    if (p.price !== null) await db.insert(storePrices).values({ productId: id, storeId: p.storeId, price: p.price });
  }
  await db.update(products).set({ updatedAt: now, revision: sql`nextval('catalogue_revision')` }).where(eq(products.id, id));
  const after = await getProduct(db, id);
  await recordAudit(db, { user, action: 'set_prices', entity: 'product', entityId: id, before: before.storePrices, after: after.storePrices, at: now });
  return after;
}
