import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/context.ts';
import { listApprovalLimits, setApprovalLimits } from './approval.queries.ts';
import {
  approveOrder, cancelOrder, closeOrder, createOrder, getOrder, listOrders, rejectOrder, reopenOrder, sendOrder, submitOrder, updateOrder,
} from './orders.queries.ts';
import {
  approveOrderRoute, cancelOrderRoute, cancelReceiptRoute, cancelReturnRoute, closeOrderRoute, createOrderRoute, createReceiptRoute, createReturnRoute,
  getOrderRoute, getReceiptRoute, getReturnRoute, listApprovalLimitsRoute, listOrdersRoute, listReceiptsRoute, listReturnsRoute,
  ordersFromSuggestionsRoute, postReceiptRoute, postReturnRoute, rejectOrderRoute, reopenOrderRoute, sendOrderRoute, setApprovalLimitsRoute,
  submitOrderRoute, suggestionsRoute, updateOrderRoute,
} from './purchasing.routes.ts';
import { cancelReceipt, createReceipt, getReceipt, listReceipts, postReceipt } from './receipts.queries.ts';
import { cancelReturn, createReturn, getReturn, listReturns, postReturn } from './returns.queries.ts';
import { ordersFromSuggestions, suggestions } from './suggestions.queries.ts';

/** Purchasing: approval limits, purchase orders, receipts against them, returns to suppliers, reorder suggestions. */
export function registerPurchasing(app: OpenAPIHono<AppEnv>) {
  app.openapi(listApprovalLimitsRoute, async (c) => c.json({ items: await listApprovalLimits(c.var.deps.db) }, 200));
  app.openapi(setApprovalLimitsRoute, async (c) => {
    const { db, clock } = c.var.deps;
    const body = c.req.valid('json');
    return c.json({ items: await db.transaction((tx) => setApprovalLimits(tx, body, c.var.user!, clock.now())) }, 200);
  });

  app.openapi(listOrdersRoute, async (c) => c.json({ items: await listOrders(c.var.deps.db, c.req.valid('query')) }, 200));
  app.openapi(getOrderRoute, async (c) => c.json(await getOrder(c.var.deps.db, c.req.valid('param').id), 200));
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
  app.openapi(submitOrderRoute, async (c) => {
    const { db, clock } = c.var.deps;
    return c.json(await db.transaction((tx) => submitOrder(tx, c.req.valid('param').id, c.var.user!, clock.now())), 200);
  });
  app.openapi(approveOrderRoute, async (c) => {
    const { db, clock } = c.var.deps;
    return c.json(await db.transaction((tx) => approveOrder(tx, c.req.valid('param').id, c.var.user!, clock.now())), 200);
  });
  app.openapi(rejectOrderRoute, async (c) => {
    const { db, clock } = c.var.deps;
    const { reason } = c.req.valid('json');
    return c.json(await db.transaction((tx) => rejectOrder(tx, c.req.valid('param').id, reason, c.var.user!, clock.now())), 200);
  });
  app.openapi(reopenOrderRoute, async (c) => {
    const { db, clock } = c.var.deps;
    return c.json(await db.transaction((tx) => reopenOrder(tx, c.req.valid('param').id, c.var.user!, clock.now())), 200);
  });
  app.openapi(sendOrderRoute, async (c) => {
    const { db, clock } = c.var.deps;
    return c.json(await db.transaction((tx) => sendOrder(tx, c.req.valid('param').id, c.var.user!, clock.now())), 200);
  });
  app.openapi(closeOrderRoute, async (c) => {
    const { db, clock } = c.var.deps;
    const { reason } = c.req.valid('json');
    return c.json(await db.transaction((tx) => closeOrder(tx, c.req.valid('param').id, reason, c.var.user!, clock.now())), 200);
  });
  app.openapi(cancelOrderRoute, async (c) => {
    const { db, clock } = c.var.deps;
    const { reason } = c.req.valid('json');
    return c.json(await db.transaction((tx) => cancelOrder(tx, c.req.valid('param').id, reason, c.var.user!, clock.now())), 200);
  });

  app.openapi(listReceiptsRoute, async (c) => c.json({ items: await listReceipts(c.var.deps.db, c.req.valid('query')) }, 200));
  app.openapi(getReceiptRoute, async (c) => c.json(await getReceipt(c.var.deps.db, c.req.valid('param').id), 200));
  app.openapi(createReceiptRoute, async (c) => {
    const { db, clock } = c.var.deps;
    const body = c.req.valid('json');
    return c.json(await db.transaction((tx) => createReceipt(tx, body, c.var.user!, clock.now())), 201);
  });
  app.openapi(postReceiptRoute, async (c) => {
    const { db, clock } = c.var.deps;
    return c.json(await db.transaction((tx) => postReceipt(tx, c.req.valid('param').id, c.var.user!, clock.now())), 200);
  });
  app.openapi(cancelReceiptRoute, async (c) => {
    const { db, clock } = c.var.deps;
    return c.json(await db.transaction((tx) => cancelReceipt(tx, c.req.valid('param').id, c.var.user!, clock.now())), 200);
  });

  app.openapi(listReturnsRoute, async (c) => c.json({ items: await listReturns(c.var.deps.db, c.req.valid('query')) }, 200));
  app.openapi(getReturnRoute, async (c) => c.json(await getReturn(c.var.deps.db, c.req.valid('param').id), 200));
  app.openapi(createReturnRoute, async (c) => {
    const { db, clock } = c.var.deps;
    const body = c.req.valid('json');
    return c.json(await db.transaction((tx) => createReturn(tx, body, c.var.user!, clock.now())), 201);
  });
  app.openapi(postReturnRoute, async (c) => {
    const { db, clock } = c.var.deps;
    return c.json(await db.transaction((tx) => postReturn(tx, c.req.valid('param').id, c.var.user!, clock.now())), 200);
  });
  app.openapi(cancelReturnRoute, async (c) => {
    const { db, clock } = c.var.deps;
    return c.json(await db.transaction((tx) => cancelReturn(tx, c.req.valid('param').id, c.var.user!, clock.now())), 200);
  });

  app.openapi(suggestionsRoute, async (c) => {
    const { db, clock } = c.var.deps;
    return c.json(await suggestions(db, c.req.valid('query').warehouseId, clock.now()), 200);
  });
  app.openapi(ordersFromSuggestionsRoute, async (c) => {
    const { db, clock } = c.var.deps;
    const body = c.req.valid('json');
    return c.json({ orders: await db.transaction((tx) => ordersFromSuggestions(tx, body, c.var.user!, clock.now())) }, 201);
  });
}
