import type { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { asc } from 'drizzle-orm';
import { categories, products, taxRates } from '../../db/schema/index.ts';
import type { AppEnv } from '../../http/context.ts';
import { errorBody } from '../../http/errors.ts';
import {
  createCategory, createProductRoute, deleteCategoryRoute, renameCategoryRoute, exportProductsRoute, getProductRoute, importProductsRoute, listCategories, listProducts, listTaxRates,
  setStorePricesRoute, updateProductRoute,
} from './catalogue.routes.ts';
import { addCategory, deleteCategory, listCategoryRows, renameCategory } from './categories.queries.ts';
import { productsToCsv } from './csv.ts';
import { importProducts } from './import.ts';
import { getProduct, loadProducts, searchProducts } from './products.queries.ts';
import { createProduct, setStorePrices, updateProduct } from './products.write.ts';

export function registerCatalogue(app: OpenAPIHono<AppEnv>) {
  app.openapi(listCategories, async (c) => c.json({ items: await listCategoryRows(c.var.deps.db) }, 200));
  app.openapi(createCategory, async (c) => {
    const { db, clock } = c.var.deps;
    const body = c.req.valid('json');
    return c.json(await db.transaction((tx) => addCategory(tx, body, c.var.user!, clock.now())), 201);
  });
  app.openapi(renameCategoryRoute, async (c) => {
    const { db, clock } = c.var.deps;
    const body = c.req.valid('json');
    return c.json(await db.transaction((tx) => renameCategory(tx, c.req.valid('param').id, body, c.var.user!, clock.now())), 200);
  });
  app.openapi(deleteCategoryRoute, async (c) => {
    const { db, clock } = c.var.deps;
    await db.transaction((tx) => deleteCategory(tx, c.req.valid('param').id, c.var.user!, clock.now()));
    return c.body(null, 204);
  });
  app.openapi(listTaxRates, async (c) => c.json({ items: await c.var.deps.db.select().from(taxRates).orderBy(asc(taxRates.rateBasisPoints)) }, 200));

  // The export and import paths are registered before /{id} so they are not read as ids.
  app.openapi(exportProductsRoute, async (c) => {
    const db = c.var.deps.db;
    const ids = (await db.select({ id: products.id }).from(products).orderBy(asc(products.sku))).map((p) => p.id);
    const codes = new Map((await db.select({ id: categories.id, code: categories.code }).from(categories)).map((r) => [r.id, r.code]));
    const items = [];
    for (let i = 0; i < ids.length; i += 2000) items.push(...(await loadProducts(db, ids.slice(i, i + 2000))));
    c.header('Content-Disposition', 'attachment; filename="products.csv"');
    return c.body(productsToCsv(items, codes), 200, { 'Content-Type': 'text/csv; charset=utf-8' });
  });
  app.use('/api/catalogue/products/import', bodyLimit({
    maxSize: 32 * 1024 * 1024,
    onError: (c) => c.json(errorBody('validation_failed', 'the file is larger than 32 MB', 'file'), 413),
  }));
  app.openapi(importProductsRoute, async (c) => {
    const { db, clock } = c.var.deps;
    const q = c.req.valid('query');
    const text = await c.req.text();
    const report = await db.transaction((tx) => importProducts(tx, text, { mode: q.mode, dryRun: q.dryRun === 'true' }, c.var.user!, clock.now()));
    return c.json(report, 200);
  });

  app.openapi(listProducts, async (c) => c.json(await searchProducts(c.var.deps.db, c.req.valid('query')), 200));
  app.openapi(getProductRoute, async (c) => c.json(await getProduct(c.var.deps.db, c.req.valid('param').id), 200));
  app.openapi(createProductRoute, async (c) => {
    const { db, clock } = c.var.deps;
    const body = c.req.valid('json');
    return c.json(await db.transaction((tx) => createProduct(tx, body, c.var.user!, clock.now())), 201);
  });
  app.openapi(updateProductRoute, async (c) => {
    const { db, clock } = c.var.deps;
    const body = c.req.valid('json');
    return c.json(await db.transaction((tx) => updateProduct(tx, c.req.valid('param').id, body, c.var.user!, clock.now())), 200);
  });
  app.openapi(setStorePricesRoute, async (c) => {
    const { db, clock } = c.var.deps;
    const body = c.req.valid('json');
    return c.json(await db.transaction((tx) => setStorePrices(tx, c.req.valid('param').id, body.prices, c.var.user!, clock.now())), 200);
  });
}
