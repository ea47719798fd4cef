import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/context.ts';
import { defineRoute, jsonResponse } from '../../http/route.ts';
import type { SetupState } from '../setup/setup-state.ts';

const health = defineRoute('public', {
  method: 'get',
  path: '/api/health',
  tags: ['health'],
  summary: 'Liveness: answers once migrations have run',
  responses: {
    200: jsonResponse(
      z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']), setupRequired: z.boolean(), time: z.string() }),
      'Healthy',
    ),
  },
});

export function registerHealth(app: OpenAPIHono<AppEnv>, driver: 'pglite' | 'postgres', state: SetupState) {
  app.openapi(health, async (c) =>
    c.json(
      { status: 'ok' as const, database: driver, setupRequired: !(await state.isDone(c.var.deps.db)), time: c.var.deps.clock.now().toISOString() },
      200,
    ),
  );
}
