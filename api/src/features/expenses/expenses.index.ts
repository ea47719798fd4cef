import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/context.ts';
import { getExpense, listExpenses, postExpense } from './expenses.queries.ts';
import { getExpenseRoute, listExpensesRoute, postExpenseRoute } from './expenses.routes.ts';

export function registerExpenses(app: OpenAPIHono<AppEnv>) {
  app.openapi(listExpensesRoute, async (c) => c.json({ items: await listExpenses(c.var.deps.db, c.req.valid('query')) }, 200));
  app.openapi(getExpenseRoute, async (c) => c.json(await getExpense(c.var.deps.db, c.req.valid('param').id), 200));
  app.openapi(postExpenseRoute, async (c) => {
    const { db, clock } = c.var.deps;
    const body = c.req.valid('json');
    return c.json(await db.transaction((tx) => postExpense(tx, body, c.var.user!, clock.now())), 201);
  });
}
