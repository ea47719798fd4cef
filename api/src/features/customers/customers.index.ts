import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/context.ts';
import { customerBalance } from './balance.queries.ts';
import { createCustomer, getCustomer, listCustomers, setCustomerStatus, updateCustomer } from './customers.queries.ts';
import {
  archiveCustomerRoute, createCustomerRoute, listSalespeopleRoute, customerBalanceRoute, customerHistoryRoute, getCustomerRoute, listCustomersRoute, restoreCustomerRoute,
  updateCustomerRoute,
} from './customers.routes.ts';
import { purchaseHistory } from './history.queries.ts';
import { listSalespeople, ownScope } from './salespeople.queries.ts';

export function registerCustomers(app: OpenAPIHono<AppEnv>) {
  app.openapi(listCustomersRoute, async (c) => c.json(await listCustomers(c.var.deps.db, c.req.valid('query'), c.var.user!), 200));
  // Before /{id}, which would take "salespeople" for an id.
  app.openapi(listSalespeopleRoute, async (c) => c.json({ items: await listSalespeople(c.var.deps.db) }, 200));
  app.openapi(getCustomerRoute, async (c) => c.json(await getCustomer(c.var.deps.db, c.req.valid('param').id, ownScope(c.var.user!)), 200));
  app.openapi(createCustomerRoute, async (c) => {
    const { db, clock } = c.var.deps;
    const body = c.req.valid('json');
    return c.json(await db.transaction((tx) => createCustomer(tx, body, c.var.user!, clock.now())), 201);
  });
  app.openapi(updateCustomerRoute, async (c) => {
    const { db, clock } = c.var.deps;
    const body = c.req.valid('json');
    return c.json(await db.transaction((tx) => updateCustomer(tx, c.req.valid('param').id, body, c.var.user!, clock.now())), 200);
  });
  app.openapi(archiveCustomerRoute, async (c) => {
    const { db, clock } = c.var.deps;
    return c.json(await db.transaction((tx) => setCustomerStatus(tx, c.req.valid('param').id, 'archived', c.var.user!, clock.now())), 200);
  });
  app.openapi(restoreCustomerRoute, async (c) => {
    const { db, clock } = c.var.deps;
    return c.json(await db.transaction((tx) => setCustomerStatus(tx, c.req.valid('param').id, 'active', c.var.user!, clock.now())), 200);
  });
  app.openapi(customerHistoryRoute, async (c) => {
    const { db } = c.var.deps;
    const { id } = c.req.valid('param');
    await getCustomer(db, id, ownScope(c.var.user!)); // 404 for an unknown or someone else's customer rather than an empty page
    return c.json(await purchaseHistory(db, id, c.req.valid('query')), 200);
  });
  app.openapi(customerBalanceRoute, async (c) => {
    const { db } = c.var.deps;
    const { id } = c.req.valid('param');
    const customer = await getCustomer(db, id, ownScope(c.var.user!));
    const parts = await customerBalance(db, id);
    return c.json({ customerId: id, ...parts, creditLimit: customer.creditLimit, available: customer.creditLimit - parts.balance }, 200);
  });
}
