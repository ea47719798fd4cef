import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/context.ts';
import { allWarehouses, getCompanyRow, storesFor } from './org.queries.ts';
import { getCompany, listStores, listWarehouses } from './org.routes.ts';

export function registerOrg(app: OpenAPIHono<AppEnv>) {
  app.openapi(getCompany, async (c) => c.json(await getCompanyRow(c.var.deps.db), 200));
  app.openapi(listStores, async (c) => c.json({ items: await storesFor(c.var.deps.db, c.var.user!) }, 200));
  app.openapi(listWarehouses, async (c) => c.json({ items: await allWarehouses(c.var.deps.db) }, 200));
}
