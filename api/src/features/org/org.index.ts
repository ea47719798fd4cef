import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/context.ts';
import { allWarehouses, getCompanyRow, getInvoiceDetailsRow, setInvoiceDetails, storesFor } from './org.queries.ts';
import { getCompany, getInvoiceDetails, getStoreReceipt, listStores, listWarehouses, putInvoiceDetails, putStoreReceipt } from './org.routes.ts';
import { getReceiptSettings, setReceiptSettings } from './receipt-settings.queries.ts';

export function registerOrg(app: OpenAPIHono<AppEnv>) {
  app.openapi(getCompany, async (c) => c.json(await getCompanyRow(c.var.deps.db), 200));
  app.openapi(listStores, async (c) => c.json({ items: await storesFor(c.var.deps.db, c.var.user!) }, 200));
  app.openapi(getInvoiceDetails, async (c) => c.json(await getInvoiceDetailsRow(c.var.deps.db), 200));
  app.openapi(putInvoiceDetails, async (c) => {
    const { db, clock } = c.var.deps;
    const body = c.req.valid('json');
    return c.json(await db.transaction((tx) => setInvoiceDetails(tx, body, c.var.user!, clock.now())), 200);
  });
  app.openapi(getStoreReceipt, async (c) => c.json(await getReceiptSettings(c.var.deps.db, c.req.valid('param').id), 200));
  app.openapi(putStoreReceipt, async (c) => {
    const { db, clock } = c.var.deps;
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    return c.json(await db.transaction((tx) => setReceiptSettings(tx, id, body, c.var.user!, clock.now())), 200);
  });
  app.openapi(listWarehouses, async (c) => c.json({ items: await allWarehouses(c.var.deps.db) }, 200));
}
