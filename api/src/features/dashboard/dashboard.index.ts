import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/context.ts';
import { dashboardSummary } from './dashboard.queries.ts';
import { getSales, getSummary } from './dashboard.routes.ts';
import { salesDashboard } from './sales.queries.ts';

export function registerDashboard(app: OpenAPIHono<AppEnv>) {
  app.openapi(getSales, async (c) => {
    const q = c.req.valid('query');
    return c.json(await salesDashboard(c.var.deps.db, q.date ?? c.var.deps.clock.now().toISOString().slice(0, 10), q.tz ?? 'UTC'), 200);
  });
  app.openapi(getSummary, async (c) => c.json(await dashboardSummary(c.var.deps.db, c.var.deps.clock.now().toISOString().slice(0, 10)), 200));
}
