import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/context.ts';
import { cancelTransfer, createTransfer, getTransfer, listTransfers, receiveTransfer, shipTransfer } from './transfers.queries.ts';
import {
  cancelTransferRoute, createTransferRoute, getTransferRoute, listTransfersRoute, receiveTransferRoute, shipTransferRoute,
} from './transfers.routes.ts';

export function registerTransfers(app: OpenAPIHono<AppEnv>) {
  app.openapi(listTransfersRoute, async (c) => c.json({ items: await listTransfers(c.var.deps.db, c.req.valid('query')) }, 200));
  app.openapi(getTransferRoute, async (c) => c.json(await getTransfer(c.var.deps.db, c.req.valid('param').id), 200));
  app.openapi(createTransferRoute, async (c) => {
    const { db, clock } = c.var.deps;
    const body = c.req.valid('json');
    const doc = await db.transaction((tx) => createTransfer(tx, body, c.var.user!, clock.now()));
    return c.json(doc, 201);
  });
  app.openapi(shipTransferRoute, async (c) => {
    const { db, clock } = c.var.deps;
    const doc = await db.transaction((tx) => shipTransfer(tx, c.req.valid('param').id, c.var.user!, clock.now()));
    return c.json(doc, 200);
  });
  app.openapi(receiveTransferRoute, async (c) => {
    const { db, clock } = c.var.deps;
    const body = c.req.valid('json');
    const doc = await db.transaction((tx) => receiveTransfer(tx, c.req.valid('param').id, body, c.var.user!, clock.now()));
    return c.json(doc, 200);
  });
  app.openapi(cancelTransferRoute, async (c) => {
    const { db, clock } = c.var.deps;
    const doc = await db.transaction((tx) => cancelTransfer(tx, c.req.valid('param').id, c.var.user!, clock.now()));
    return c.json(doc, 200);
  });
}
