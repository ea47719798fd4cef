import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/context.ts';
import { deleteTarget, listTargets, setTarget, targetProgressFor } from './sales-targets.queries.ts';
import { deleteTargetRoute, listTargetsRoute, setTargetRoute, targetProgressRoute } from './sales-targets.routes.ts';

/** Monthly sales targets (销售目标) per store and salesperson, and progress against them. */
export function registerSalesTargets(app: OpenAPIHono<AppEnv>) {
  app.openapi(targetProgressRoute, async (c) => {
    const { db, clock } = c.var.deps;
    const today = clock.now().toISOString().slice(0, 10);
    return c.json(await targetProgressFor(db, c.req.valid('query').month ?? today.slice(0, 7), today, c.var.user!), 200);
  });
  app.openapi(listTargetsRoute, async (c) => {
    const month = c.req.valid('query').month ?? c.var.deps.clock.now().toISOString().slice(0, 7);
    return c.json({ items: await listTargets(c.var.deps.db, month) }, 200);
  });
  app.openapi(setTargetRoute, async (c) => {
    const { db, clock } = c.var.deps;
    const body = c.req.valid('json');
    return c.json(await db.transaction((tx) => setTarget(tx, body, c.var.user!, clock.now())), 200);
  });
  app.openapi(deleteTargetRoute, async (c) => {
    const { db, clock } = c.var.deps;
    await db.transaction((tx) => deleteTarget(tx, c.req.valid('param').id, c.var.user!, clock.now()));
    return c.body(null, 204);
  });
}
