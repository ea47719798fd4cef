import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/context.ts';
import { queryAudit } from './audit.queries.ts';
import { listAudit } from './audit.routes.ts';

export function registerAudit(app: OpenAPIHono<AppEnv>) {
  app.openapi(listAudit, async (c) => c.json(await queryAudit(c.var.deps.db, c.req.valid('query')), 200));
}
