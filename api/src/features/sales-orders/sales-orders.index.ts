import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/context.ts';
import { cancelOrder, confirmOrder, createOrder, getOrder, listOrders, pickOrder, reserveOrder, updateOrder } from './orders.queries.ts';
import {
  cancelOrderRoute, confirmOrderRoute, createOrderRoute, getOrderRoute, listOrdersRoute, pickOrderRoute, reserveOrderRoute, shipmentPlanRoute, shipOrderRoute,
  updateOrderRoute,
} from './sales-orders.routes.ts';
import { shipmentPlan, shipOrder } from './shipments.queries.ts';
import { ownScope } from '../customers/salespeople.queries.ts';

/** Sales orders (销售订单): quotations, confirmation with stock reservation, picking, delivery notes. */
export function registerSalesOrders(app: OpenAPIHono<AppEnv>) {
  app.openapi(listOrdersRoute, async (c) => c.json({ items: await listOrders(c.var.deps.db, c.req.valid('query'), c.var.user!) }, 200));
  // Before /{id}, which would take "shipment-plan" for an id.
  app.openapi(shipmentPlanRoute, async (c) => c.json(await shipmentPlan(c.var.deps.db, c.req.valid('query').warehouseId, ownScope(c.var.user!)), 200));
  app.openapi(getOrderRoute, async (c) => c.json(await getOrder(c.var.deps.db, c.req.valid('param').id, ownScope(c.var.user!)), 200));
  app.openapi(createOrderRoute, async (c) => {
    const { db, clock } = c.var.deps;
    const body = c.req.valid('json');
    return c.json(await db.transaction((tx) => createOrder(tx, body, c.var.user!, clock.now())), 201);
  });
  app.openapi(updateOrderRoute, async (c) => {
    const { db, clock } = c.var.deps;
    const body = c.req.valid('json');
    return c.json(await db.transaction((tx) => updateOrder(tx, c.req.valid('param').id, body, c.var.user!, clock.now())), 200);
  });
  app.openapi(confirmOrderRoute, async (c) => {
    const { db, clock } = c.var.deps;
    const { overrideCreditLimit } = c.req.valid('json');
    return c.json(await db.transaction((tx) => confirmOrder(tx, c.req.valid('param').id, c.var.user!, clock.now(), overrideCreditLimit)), 200);
  });
  for (const [route, fn] of [[reserveOrderRoute, reserveOrder], [pickOrderRoute, pickOrder]] as const) {
    app.openapi(route, async (c) => {
      const { db, clock } = c.var.deps;
      return c.json(await db.transaction((tx) => fn(tx, c.req.valid('param').id, c.var.user!, clock.now())), 200);
    });
  }
  app.openapi(shipOrderRoute, async (c) => {
    const { db, clock } = c.var.deps;
    const body = c.req.valid('json');
    return c.json(await db.transaction((tx) => shipOrder(tx, c.req.valid('param').id, body, c.var.user!, clock.now())), 200);
  });
  app.openapi(cancelOrderRoute, async (c) => {
    const { db, clock } = c.var.deps;
    const { reason } = c.req.valid('json');
    return c.json(await db.transaction((tx) => cancelOrder(tx, c.req.valid('param').id, reason, c.var.user!, clock.now())), 200);
  });
}
