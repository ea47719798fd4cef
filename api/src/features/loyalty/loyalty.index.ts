import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/context.ts';
import { ownScope } from '../customers/salespeople.queries.ts';
import { adjustPoints, customerPoints, listProblems, resolveProblem } from './ledger.queries.ts';
import {
  adjustPointsRoute, customerPointsRoute, getProgramRoute, listProblemsRoute, putProgramRoute, resolveProblemRoute,
} from './loyalty.routes.ts';
import { getProgram, setProgram } from './program.queries.ts';

export function registerLoyalty(app: OpenAPIHono<AppEnv>) {
  app.openapi(getProgramRoute, async (c) => c.json(await getProgram(c.var.deps.db), 200));
  app.openapi(putProgramRoute, async (c) => {
    const { db, clock } = c.var.deps;
    const body = c.req.valid('json');
    return c.json(await db.transaction((tx) => setProgram(tx, body, c.var.user!, clock.now())), 200);
  });
  app.openapi(customerPointsRoute, async (c) => c.json(await customerPoints(c.var.deps.db, c.req.valid('param').id, ownScope(c.var.user!)), 200));
  app.openapi(adjustPointsRoute, async (c) => {
    const { db, clock } = c.var.deps;
    const body = c.req.valid('json');
    return c.json(await db.transaction((tx) => adjustPoints(tx, c.req.valid('param').id, body, c.var.user!, clock.now())), 201);
  });
  app.openapi(listProblemsRoute, async (c) => c.json({ items: await listProblems(c.var.deps.db) }, 200));
  app.openapi(resolveProblemRoute, async (c) => {
    const { db, clock } = c.var.deps;
    const { note } = c.req.valid('json');
    return c.json(await db.transaction((tx) => resolveProblem(tx, c.req.valid('param').id, note, c.var.user!, clock.now())), 200);
  });
}
