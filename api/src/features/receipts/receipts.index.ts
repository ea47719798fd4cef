import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/context.ts';
import { createReceipt, getReceipt, listReceipts, postReceipt } from './receipts.queries.ts';
import { createReceiptRoute, getReceiptRoute, listReceiptsRoute, postReceiptRoute } from './receipts.routes.ts';

export function registerReceipts(app: OpenAPIHono<AppEnv>) {
  app.openapi(listReceiptsRoute, async (c) => c.json({ items: await listReceipts(c.var.deps.db) }, 200));
  app.openapi(getReceiptRoute, async (c) => c.json(await getReceipt(c.var.deps.db, c.req.valid('param').id), 200));
  app.openapi(createReceiptRoute, async (c) => {
    const { db, clock } = c.var.deps;
    const body = c.req.valid('json');
    return c.json(await db.transaction((tx) => createReceipt(tx, body, c.var.user!, clock.now())), 201);
  });
  app.openapi(postReceiptRoute, async (c) => {
    const { db, clock } = c.var.deps;
    return c.json(await db.transaction((tx) => postReceipt(tx, c.req.valid('param').id, c.var.user!, clock.now())), 200);
  });
}
