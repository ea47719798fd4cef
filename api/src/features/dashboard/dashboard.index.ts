import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/context.ts';
import { dashboardSummary } from './dashboard.queries.ts';
import { getSummary } from './dashboard.routes.ts';

export function registerDashboard(app: OpenAPIHono<AppEnv>) {
  app.openapi(getSummary, async (c) => c.json(await dashboardSummary(c.var.deps.db, c.var.deps.clock.now().toISOString().slice(0, 10)), 200));
}
