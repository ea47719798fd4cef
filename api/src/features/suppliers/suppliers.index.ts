import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/context.ts';
import {
  createSupplier, deleteSupplier, deleteSupplierProduct, getSupplier, listSupplierProducts, listSuppliers, putSupplierProduct, updateSupplier,
} from './suppliers.queries.ts';
import { compareSuppliers, supplierPerformance } from './performance.queries.ts';
import {
  compareSupplierPerformanceRoute, createSupplierRoute, deleteSupplierProductRoute, deleteSupplierRoute, getSupplierRoute, listSupplierProductsRoute, listSuppliersRoute,
  putSupplierProductRoute, supplierPerformanceRoute, updateSupplierRoute,
} from './suppliers.routes.ts';

export function registerSuppliers(app: OpenAPIHono<AppEnv>) {
  // Before /api/suppliers/{id}, which would take "performance" for an id and refuse it.
  app.openapi(compareSupplierPerformanceRoute, async (c) => c.json(await compareSuppliers(c.var.deps.db, c.req.valid('query')), 200));
  app.openapi(supplierPerformanceRoute, async (c) =>
    c.json(await supplierPerformance(c.var.deps.db, c.req.valid('param').id, c.req.valid('query')), 200));
  app.openapi(listSuppliersRoute, async (c) => c.json(await listSuppliers(c.var.deps.db, c.req.valid('query')), 200));
  app.openapi(getSupplierRoute, async (c) => c.json(await getSupplier(c.var.deps.db, c.req.valid('param').id), 200));
  app.openapi(createSupplierRoute, async (c) => {
    const { db, clock } = c.var.deps;
    const body = c.req.valid('json');
    return c.json(await db.transaction((tx) => createSupplier(tx, body, c.var.user!, clock.now())), 201);
  });
  app.openapi(updateSupplierRoute, async (c) => {
    const { db, clock } = c.var.deps;
    const body = c.req.valid('json');
    return c.json(await db.transaction((tx) => updateSupplier(tx, c.req.valid('param').id, body, c.var.user!, clock.now())), 200);
  });
  app.openapi(deleteSupplierRoute, async (c) => {
    const { db, clock } = c.var.deps;
    await db.transaction((tx) => deleteSupplier(tx, c.req.valid('param').id, c.var.user!, clock.now()));
    return c.body(null, 204);
  });
  app.openapi(listSupplierProductsRoute, async (c) => c.json({ items: await listSupplierProducts(c.var.deps.db, c.req.valid('param').id) }, 200));
  app.openapi(putSupplierProductRoute, async (c) => {
    const { db, clock } = c.var.deps;
    const { id, productId } = c.req.valid('param');
    const body = c.req.valid('json');
    return c.json(await db.transaction((tx) => putSupplierProduct(tx, id, productId, body, c.var.user!, clock.now())), 200);
  });
  app.openapi(deleteSupplierProductRoute, async (c) => {
    const { db, clock } = c.var.deps;
    const { id, productId } = c.req.valid('param');
    await db.transaction((tx) => deleteSupplierProduct(tx, id, productId, c.var.user!, clock.now()));
    return c.body(null, 204);
  });
}
