import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/context.ts';
import { addCounts, approveStockTake, cancelStockTake, createStockTake, getStockTake, listStockTakes } from './stocktakes.queries.ts';
import {
  addCountsRoute, approveStockTakeRoute, cancelStockTakeRoute, createStockTakeRoute, getStockTakeRoute, listStockTakesRoute,
} from './stocktakes.routes.ts';

export function registerStockTakes(app: OpenAPIHono<AppEnv>) {
  app.openapi(listStockTakesRoute, async (c) => c.json({ items: await listStockTakes(c.var.deps.db, c.req.valid('query')) }, 200));
  app.openapi(getStockTakeRoute, async (c) => c.json(await getStockTake(c.var.deps.db, c.req.valid('param').id, c.var.user!), 200));
  app.openapi(createStockTakeRoute, async (c) => {
    const { db, clock } = c.var.deps;
    const body = c.req.valid('json');
    const doc = await db.transaction((tx) => createStockTake(tx, body, c.var.user!, clock.now()));
    return c.json(doc, 201);
  });
  app.openapi(addCountsRoute, async (c) => {
    const { db, clock } = c.var.deps;
    const body = c.req.valid('json');
    const result = await db.transaction((tx) => addCounts(tx, c.req.valid('param').id, body, c.var.user!, clock.now()));
    return c.json(result, 200);
  });
  app.openapi(approveStockTakeRoute, async (c) => {
    const { db, clock } = c.var.deps;
    const doc = await db.transaction((tx) => approveStockTake(tx, c.req.valid('param').id, c.var.user!, clock.now()));
    return c.json(doc, 200);
  });
  app.openapi(cancelStockTakeRoute, async (c) => {
    const { db, clock } = c.var.deps;
    const doc = await db.transaction((tx) => cancelStockTake(tx, c.req.valid('param').id, c.var.user!, clock.now()));
    return c.json(doc, 200);
  });
}
