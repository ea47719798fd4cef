import {
  billingOf, canStepOrder, customerUnitPrice, formatQuantity, type OrderBilling, type SalesOrderStatus, lineTax, newId, parseQuantity, reserve, salesLineAmounts,
  type SalesOrder, type salesOrderInputSchema, type salesOrderQuerySchema, type SalesOrderStep, type SalesOrderSummary, type SessionUser,
} from '@shopbook/shared';
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import { rows } from '../../db/rows.ts';
import { customers, products, salesOrderLines, salesOrders, storePrices, taxRates, users, warehouses } from '../../db/schema/index.ts';
import { DomainError } from '../../http/errors.ts';
import { recordAudit } from '../audit/record.ts';
import { nextNumber } from '../inventory/numbering.ts';
import { customerBalance } from '../customers/balance.queries.ts';
import { assignSalesperson, ownScope } from '../customers/salespeople.queries.ts';

type OrderInput = z.output<typeof salesOrderInputSchema>;
type OrderQuery = z.output<typeof salesOrderQuerySchema>;
const qtyText = (q: string) => formatQuantity(parseQuantity(q));
const iso = (d: Date | null) => d?.toISOString() ?? null;

function summaryOf(
  o: typeof salesOrders.$inferSelect, customer: { code: string; name: string }, warehouseCode: string, salespersonName: string | null, billing: OrderBilling,
): SalesOrderSummary {
  return {
    id: o.id, number: o.number, customerId: o.customerId, customerCode: customer.code, customerName: customer.name, warehouseId: o.warehouseId, warehouseCode,
    status: o.status, billing, reference: o.reference, deliveryDate: o.deliveryDate, note: o.note, net: o.net, tax: o.tax, gross: o.gross, createdBy: o.createdBy,
    salespersonId: o.salespersonId, salespersonName, createdAt: o.createdAt.toISOString(), confirmedAt: iso(o.confirmedAt),
  };
}

/** Each order's billing (see billingOf) from its lines' quantities and what its invoices have open. */
async function billingsOf(db: DbOrTx, orders: readonly { id: string; status: SalesOrderStatus }[]): Promise<Map<string, OrderBilling>> {
  if (orders.length === 0) return new Map();
  const facts = await rows<{ order_id: string; qty: string; shipped: string; invoiced: string; open: string | number }>(
    db,
    // Units credited back still count as billed: they will not be invoiced again.
    sql`SELECT l.order_id, sum(l.qty)::text AS qty, sum(l.qty_shipped)::text AS shipped,
               (sum(l.qty_invoiced) + coalesce((SELECT sum(cl.qty) FROM customer_invoice_lines cl
                                                  JOIN customer_invoice_lines il ON il.id = cl.source_line_id
                                                  JOIN sales_order_lines x ON x.id = il.source_line_id
                                                 WHERE x.order_id = l.order_id), 0))::text AS invoiced,
               (SELECT coalesce(sum(i.gross - i.settled), 0) FROM customer_invoices i
                 WHERE i.kind = 'invoice' AND i.id IN (SELECT il.invoice_id FROM customer_invoice_lines il
                                                         JOIN sales_order_lines x ON x.id = il.source_line_id
                                                        WHERE x.order_id = l.order_id)) AS open
          FROM sales_order_lines l
         WHERE l.order_id IN (${sql.join(orders.map((o) => sql`${o.id}::uuid`), sql`, `)})
         GROUP BY l.order_id`,
  );
  const status = new Map(orders.map((o) => [o.id, o.status]));
  return new Map(
    facts.map((f) => [
      f.order_id,
      billingOf({
        status: status.get(f.order_id)!, qtyMilli: parseQuantity(f.qty), shippedMilli: parseQuantity(f.shipped), invoicedMilli: parseQuantity(f.invoiced),
        openOnInvoices: Number(f.open),
      }),
    ]),
  );
}

/** Newest first; a user without sales.all sees only the orders assigned to them. */
export async function listOrders(db: DbOrTx, q: OrderQuery, user: SessionUser): Promise<SalesOrderSummary[]> {
  const where: SQL[] = [];
  const scope = ownScope(user);
  if (scope) where.push(eq(salesOrders.salespersonId, scope));
  if (q.salespersonId) where.push(eq(salesOrders.salespersonId, q.salespersonId === 'me' ? user.id : q.salespersonId));
  if (q.status) where.push(eq(salesOrders.status, q.status));
  if (q.customerId) where.push(eq(salesOrders.customerId, q.customerId));
  if (q.warehouseId) where.push(eq(salesOrders.warehouseId, q.warehouseId));
  if (q.q) where.push(sql`(${salesOrders.number} ILIKE ${`%${q.q}%`} OR ${customers.name} ILIKE ${`%${q.q}%`} OR ${customers.code} ILIKE ${`${q.q}%`} OR ${salesOrders.reference} ILIKE ${`%${q.q}%`})`);
  const list = await db
    .select({ o: salesOrders, code: customers.code, name: customers.name, wh: warehouses.code, salesperson: users.displayName })
    .from(salesOrders)
    .innerJoin(customers, eq(customers.id, salesOrders.customerId))
    .innerJoin(warehouses, eq(warehouses.id, salesOrders.warehouseId))
    .leftJoin(users, eq(users.id, salesOrders.salespersonId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(salesOrders.createdAt))
    .limit(500);
  const billing = await billingsOf(db, list.map((r) => r.o));
  return list
    .map((r) => summaryOf(r.o, { code: r.code, name: r.name }, r.wh, r.salesperson, billing.get(r.o.id) ?? 'not_invoiced'))
    .filter((o) => !q.billing || o.billing === q.billing);
}

/** One order; with `scope` (see ownScope) someone else's order is not found, like one that does not exist. */
export async function getOrder(db: DbOrTx, id: string, scope: string | null = null): Promise<SalesOrder> {
  const [head] = await db
    .select({ o: salesOrders, code: customers.code, name: customers.name, wh: warehouses.code, salesperson: users.displayName })
    .from(salesOrders)
    .innerJoin(customers, eq(customers.id, salesOrders.customerId))
    .innerJoin(warehouses, eq(warehouses.id, salesOrders.warehouseId))
    .leftJoin(users, eq(users.id, salesOrders.salespersonId))
    .where(eq(salesOrders.id, id));
  if (!head || (scope && head.o.salespersonId !== scope)) throw new DomainError('not_found', `no sales order ${id}`, 'id');
  const lines = await db
    .select({ l: salesOrderLines, sku: products.sku, name: products.name, unit: products.unit })
    .from(salesOrderLines)
    .innerJoin(products, eq(products.id, salesOrderLines.productId))
    .where(eq(salesOrderLines.orderId, id))
    .orderBy(asc(salesOrderLines.lineNo));
  const shipments = await rows<{ id: string; number: string; created_at: string; cost: string | number; n: string | number }>(
    db,
    sql`SELECT s.id, s.number, s.created_at, s.cost, (SELECT count(*) FROM sales_shipment_lines l WHERE l.shipment_id = s.id) AS n
          FROM sales_shipments s WHERE s.order_id = ${id} ORDER BY s.created_at, s.number`,
  );
  const open = ['confirmed', 'picking', 'partially_shipped'].includes(head.o.status);
  const out = lines.map(({ l, sku, name, unit }) => {
    const backorder = open ? parseQuantity(l.qty) - parseQuantity(l.qtyShipped) - parseQuantity(l.qtyReserved) : 0;
    return {
      id: l.id, lineNo: l.lineNo, productId: l.productId, sku, name, unit, qty: qtyText(l.qty), price: l.price, discount: l.discount, taxRateBp: l.taxRateBp,
      net: l.net, tax: l.tax, gross: l.gross, qtyReserved: qtyText(l.qtyReserved), qtyShipped: qtyText(l.qtyShipped), qtyBackorder: formatQuantity(backorder), cost: l.cost,
    };
  });
  const short = out.filter((l) => parseQuantity(l.qtyBackorder) > 0);
  const expected = short.length ? await earliestSupply(db, head.o.warehouseId, short.map((l) => l.productId)) : new Map<string, string>();
  return {
    ...summaryOf(head.o, { code: head.code, name: head.name }, head.wh, head.salesperson, (await billingsOf(db, [head.o])).get(head.o.id) ?? 'not_invoiced'),
    lines: out,
    shipments: shipments.map((s) => ({ id: s.id, number: s.number, createdAt: new Date(s.created_at).toISOString(), cost: Number(s.cost), lineCount: Number(s.n) })),
    shortages: short.map((l) => ({ lineId: l.id, sku: l.sku, backorder: l.qtyBackorder, expectedDate: expected.get(l.productId) ?? null })),
  };
}

/** When more of each product is expected in the warehouse: the earliest date on open purchase orders with something outstanding. */
async function earliestSupply(db: DbOrTx, warehouseId: string, productIds: string[]): Promise<Map<string, string>> {
  const found = await rows<{ product_id: string; expected: string | null }>(
    db,
    sql`SELECT ol.product_id, min(coalesce(ol.expected_date, o.expected_date))::text AS expected
          FROM purchase_order_lines ol JOIN purchase_orders o ON o.id = ol.order_id
         WHERE o.warehouse_id = ${warehouseId} AND o.status IN ('approved', 'sent', 'partially_received')
           AND ol.stock_qty - ol.qty_received + ol.qty_returned > 0
           AND ol.product_id IN (${sql.join(productIds.map((p) => sql`${p}::uuid`), sql`, `)})
         GROUP BY ol.product_id`,
  );
  return new Map(found.filter((f) => f.expected).map((f) => [f.product_id, f.expected!]));
}

/**
 * Lines priced, unless the order says otherwise, at the customer's price list: their
 * discount off the list price the warehouse's store charges (its own price, else the
 * product's), before tax; and at the product's tax rate.
 */
async function pricedLines(db: DbOrTx, input: OrderInput, parties: { discountBp: number; storeId: string | null }) {
  const ids = [...new Set(input.lines.map((l) => l.productId))];
  const found = await db
    .select({ p: products, rateBp: taxRates.rateBasisPoints, storePrice: storePrices.price })
    .from(products)
    .innerJoin(taxRates, eq(taxRates.id, products.taxRateId))
    .leftJoin(storePrices, and(eq(storePrices.productId, products.id), parties.storeId ? eq(storePrices.storeId, parties.storeId) : sql`false`))
    .where(inArray(products.id, ids));
  return input.lines.map((l, i) => {
    const hit = found.find((f) => f.p.id === l.productId);
    if (!hit || hit.p.status !== 'active') throw new DomainError('unprocessable', 'no such active product', `lines.${i}.productId`);
    const taxRateBp = l.taxRateBp ?? hit.rateBp;
    // Shelf prices include tax; an order line is priced before tax.
    const price = l.price ?? lineTax(customerUnitPrice(hit.storePrice ?? hit.p.salePrice, parties.discountBp), taxRateBp, true).net;
    let amounts;
    try {
      amounts = salesLineAmounts(parseQuantity(l.qty), price, l.discount, taxRateBp);
    } catch (e) {
      throw new DomainError('validation_failed', (e as Error).message, `lines.${i}.discount`);
    }
    return { productId: l.productId, qty: l.qty, price, discount: l.discount, taxRateBp, ...amounts };
  });
}

/** The customer (one of the user's own unless they hold sales.all) and an active warehouse. */
async function checkParties(db: DbOrTx, input: OrderInput, user: SessionUser) {
  const scope = ownScope(user);
  const [customer] = await db.select().from(customers).where(eq(customers.id, input.customerId));
  if (!customer || (scope && customer.salespersonId !== scope)) throw new DomainError('unprocessable', 'no such customer', 'customerId');
  const [wh] = await db.select().from(warehouses).where(eq(warehouses.id, input.warehouseId));
  if (!wh || !wh.active || wh.kind === 'transit') throw new DomainError('unprocessable', 'no such active warehouse', 'warehouseId');
  return { customer, pricing: { discountBp: customer.discountBp, storeId: wh.storeId } };
}

const totalsOf = (lines: { net: number; tax: number; gross: number }[]) => ({
  net: lines.reduce((s, l) => s + l.net, 0), tax: lines.reduce((s, l) => s + l.tax, 0), gross: lines.reduce((s, l) => s + l.gross, 0),
});

export async function createOrder(db: DbOrTx, input: OrderInput, user: SessionUser, now: Date): Promise<SalesOrder> {
  const { customer, pricing } = await checkParties(db, input, user);
  // The customer's salesperson by default, else the creator when they see only their own.
  const salespersonId = input.salespersonId === undefined
    ? (customer.salespersonId ?? ownScope(user))
    : await assignSalesperson(db, input.salespersonId, user, null);
  const lines = await pricedLines(db, input, pricing);
  const id = newId();
  const number = await nextNumber(db, 'SO', now.getUTCFullYear());
  await db.insert(salesOrders).values({
    id, number, customerId: input.customerId, warehouseId: input.warehouseId, reference: input.reference, deliveryDate: input.deliveryDate, note: input.note,
    ...totalsOf(lines), createdBy: user.id, salespersonId, createdAt: now, updatedAt: now,
  });
  await db.insert(salesOrderLines).values(lines.map((l, i) => ({ id: newId(), orderId: id, lineNo: i + 1, ...l })));
  await recordAudit(db, { user, action: 'create', entity: 'sales_order', entityId: id, after: { number, ...input }, at: now });
  return getOrder(db, id);
}

/** Locks the order and checks the step may start from its status; someone else's order (see ownScope) is not found. */
export async function lockOrder(db: DbOrTx, id: string, step: SalesOrderStep, user: SessionUser) {
  const scope = ownScope(user);
  const [order] = await db.select().from(salesOrders).where(eq(salesOrders.id, id)).for('update');
  if (!order || (scope && order.salespersonId !== scope)) throw new DomainError('not_found', `no sales order ${id}`, 'id');
  if (!canStepOrder(order.status, step)) throw new DomainError('conflict', `this order is ${order.status}; it cannot ${step} now`, 'status');
  return order;
}

export async function updateOrder(db: DbOrTx, id: string, input: OrderInput, user: SessionUser, now: Date): Promise<SalesOrder> {
  const before = await getOrder(db, id, ownScope(user));
  await lockOrder(db, id, 'edit', user);
  const { pricing } = await checkParties(db, input, user);
  const salespersonId = await assignSalesperson(db, input.salespersonId, user, before.salespersonId);
  const lines = await pricedLines(db, input, pricing);
  await db.delete(salesOrderLines).where(eq(salesOrderLines.orderId, id));
  await db.insert(salesOrderLines).values(lines.map((l, i) => ({ id: newId(), orderId: id, lineNo: i + 1, ...l })));
  await db
    .update(salesOrders)
    .set({ customerId: input.customerId, warehouseId: input.warehouseId, reference: input.reference, deliveryDate: input.deliveryDate, note: input.note, salespersonId, ...totalsOf(lines), updatedAt: now })
    .where(eq(salesOrders.id, id));
  await recordAudit(db, { user, action: 'update', entity: 'sales_order', entityId: id, before, after: input, at: now });
  return getOrder(db, id);
}

/**
 * Reserves for the order's open lines what the warehouse can spare: on hand (all
 * batches) less what other open orders hold. The product's stock levels are locked
 * first, in the ledger's key order, so two confirmations of the last units are counted
 * one after the other and cannot both take them.
 */
export async function reserveOpenLines(db: DbOrTx, orderId: string, warehouseId: string): Promise<void> {
  const lines = await db.select().from(salesOrderLines).where(eq(salesOrderLines.orderId, orderId)).orderBy(asc(salesOrderLines.lineNo));
  const needing = lines
    .map((l) => ({ l, need: parseQuantity(l.qty) - parseQuantity(l.qtyShipped) - parseQuantity(l.qtyReserved) }))
    .filter((x) => x.need > 0);
  if (needing.length === 0) return;
  const productIds = [...new Set(needing.map((x) => x.l.productId))].sort();
  const list = sql.join(productIds.map((p) => sql`${p}::uuid`), sql`, `);
  await rows(db, sql`SELECT 1 FROM stock_levels WHERE warehouse_id = ${warehouseId} AND product_id IN (${list}) ORDER BY product_id, warehouse_id, batch_id FOR UPDATE`);
  const stock = await rows<{ product_id: string; on_hand: string; held: string }>(
    db,
    sql`SELECT p.id AS product_id,
               coalesce((SELECT sum(qty) FROM stock_levels WHERE warehouse_id = ${warehouseId} AND product_id = p.id), 0)::text AS on_hand,
               coalesce((SELECT sum(l.qty_reserved) FROM sales_order_lines l JOIN sales_orders o ON o.id = l.order_id
                          WHERE l.product_id = p.id AND o.warehouse_id = ${warehouseId} AND o.id <> ${orderId}
                            AND o.status IN ('confirmed', 'picking', 'partially_shipped')), 0)::text AS held
          FROM products p WHERE p.id IN (${list})`,
  );
  const ownHeld = new Map<string, number>();
  for (const l of lines) ownHeld.set(l.productId, (ownHeld.get(l.productId) ?? 0) + parseQuantity(l.qtyReserved));
  const available = new Map(stock.map((s) => [s.product_id, parseQuantity(s.on_hand) - parseQuantity(s.held) - (ownHeld.get(s.product_id) ?? 0)]));
  const got = reserve(needing.map((x) => ({ key: x.l.id, productId: x.l.productId, needMilli: x.need })), available);
  for (const x of needing) {
    const r = got.get(x.l.id)!;
    if (r.reservedMilli > 0) {
      await db
        .update(salesOrderLines)
        .set({ qtyReserved: sql`${salesOrderLines.qtyReserved} + ${formatQuantity(r.reservedMilli)}::numeric` })
        .where(eq(salesOrderLines.id, x.l.id));
    }
  }
}

/** Who may let an order past a customer's credit limit: the till's manager permission. */
const CREDIT_OVERRIDE_PERMISSION = 'pos.discount.override';

/**
 * An order goes on the customer's account: what they owe plus this order beyond their
 * credit limit (0: no credit) needs a manager's override, recorded in the audit log.
 */
async function checkCredit(db: DbOrTx, order: typeof salesOrders.$inferSelect, override: boolean, user: SessionUser, now: Date): Promise<void> {
  const [customer] = await db.select().from(customers).where(eq(customers.id, order.customerId));
  const owed = (await customerBalance(db, order.customerId)).balance;
  const exposure = owed + order.gross;
  if (!customer || exposure <= customer.creditLimit) return;
  const message = `${customer.code} would owe ${exposure}, beyond the credit limit ${customer.creditLimit}`;
  if (!override) throw new DomainError('forbidden', `${message}: a manager must confirm with an override`, 'creditLimit');
  if (!user.permissions.includes(CREDIT_OVERRIDE_PERMISSION)) throw new DomainError('forbidden', `${message}: only a manager may override it`, 'creditLimit');
  await recordAudit(db, {
    user, action: 'credit_override', entity: 'sales_order', entityId: order.id,
    after: { customer: customer.code, owed, order: order.gross, creditLimit: customer.creditLimit }, at: now,
  });
}

export async function confirmOrder(db: DbOrTx, id: string, user: SessionUser, now: Date, overrideCreditLimit = false): Promise<SalesOrder> {
  const order = await lockOrder(db, id, 'confirm', user);
  await checkCredit(db, order, overrideCreditLimit, user, now);
  await db.update(salesOrders).set({ status: 'confirmed', confirmedBy: user.id, confirmedAt: now, updatedAt: now }).where(eq(salesOrders.id, id));
  await reserveOpenLines(db, id, order.warehouseId);
  const result = await getOrder(db, id);
  await recordAudit(db, {
    user, action: 'confirm', entity: 'sales_order', entityId: id, before: { status: 'quotation' },
    after: { status: 'confirmed', reserved: result.lines.map((l) => [l.sku, l.qtyReserved]), backorder: result.shortages }, at: now,
  });
  return result;
}

/** Reserves again what is back-ordered, when stock has come in. */
export async function reserveOrder(db: DbOrTx, id: string, user: SessionUser, now: Date): Promise<SalesOrder> {
  const order = await lockOrder(db, id, 'reserve', user);
  await reserveOpenLines(db, id, order.warehouseId);
  await recordAudit(db, { user, action: 'reserve', entity: 'sales_order', entityId: id, at: now });
  return getOrder(db, id);
}

export async function pickOrder(db: DbOrTx, id: string, user: SessionUser, now: Date): Promise<SalesOrder> {
  const order = await lockOrder(db, id, 'pick', user);
  await db.update(salesOrders).set({ status: 'picking', updatedAt: now }).where(eq(salesOrders.id, id));
  await recordAudit(db, { user, action: 'pick', entity: 'sales_order', entityId: id, before: { status: order.status }, after: { status: 'picking' }, at: now });
  return getOrder(db, id);
}

/** Cancelling releases what the order held. */
export async function cancelOrder(db: DbOrTx, id: string, reason: string, user: SessionUser, now: Date): Promise<SalesOrder> {
  const order = await lockOrder(db, id, 'cancel', user);
  await db.update(salesOrderLines).set({ qtyReserved: '0' }).where(eq(salesOrderLines.orderId, id));
  await db.update(salesOrders).set({ status: 'cancelled', cancelledBy: user.id, cancelledAt: now, cancelReason: reason, updatedAt: now }).where(eq(salesOrders.id, id));
  await recordAudit(db, { user, action: 'cancel', entity: 'sales_order', entityId: id, before: { status: order.status }, after: { status: 'cancelled', reason }, at: now });
  return getOrder(db, id);
}

