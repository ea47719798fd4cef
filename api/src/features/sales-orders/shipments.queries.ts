import { formatQuantity, newId, parseQuantity, statusAfterShipment, type SalesOrder, type SessionUser, type ShipmentPlan, type shipmentInputSchema } from '@shopbook/shared';
import { asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import { rows } from '../../db/rows.ts';
import { salesOrderLines, salesOrders, salesShipmentLines, salesShipments } from '../../db/schema/index.ts';
import { DomainError } from '../../http/errors.ts';
import { recordAudit } from '../audit/record.ts';
import { ACCOUNTS } from '../finance/chart.ts';
import { postJournalEntry } from '../finance/post-entry.ts';
import { nextNumber } from '../inventory/numbering.ts';
import { takeOutStock } from '../sync/stock-out.ts';
import { getOrder, lockOrder } from './orders.queries.ts';

type ShipmentInput = z.output<typeof shipmentInputSchema>;

/**
 * A delivery note: the goods leave the order's warehouse now (batches first expiry first
 * out, serial-tracked units by their serials, refused where the warehouse forbids
 * negative stock), at the moving average: Dr cost of goods sold, Cr inventory. What was
 * reserved for the line is used first; shipping more than is left on a line is refused.
 * Revenue and the receivable come with the customer's invoice.
 */
export async function shipOrder(db: DbOrTx, id: string, input: ShipmentInput, user: SessionUser, now: Date): Promise<SalesOrder> {
  const order = await lockOrder(db, id, 'ship', user);
  const lines = await db.select().from(salesOrderLines).where(eq(salesOrderLines.orderId, id)).orderBy(asc(salesOrderLines.lineNo));
  const picked = input.lines.map((g, i) => {
    const line = lines.find((l) => l.id === g.lineId);
    if (!line) throw new DomainError('unprocessable', 'no such line on this order', `lines.${i}.lineId`);
    const left = parseQuantity(line.qty) - parseQuantity(line.qtyShipped);
    if (parseQuantity(g.qty) > left) throw new DomainError('unprocessable', `only ${formatQuantity(left)} of this line is left to ship`, `lines.${i}.qty`);
    return { line, qty: g.qty, serials: g.serials };
  });
  const shipmentId = newId();
  const number = await nextNumber(db, 'DN', now.getUTCFullYear());
  const { costs } = await takeOutStock(
    db,
    order.warehouseId,
    picked.map((p) => ({ productId: p.line.productId, batchId: null, qty: p.qty, ...(p.serials.length ? { serials: p.serials } : {}) })),
    { moveType: 'sale', docType: 'sales_shipment', docId: shipmentId, userId: user.id, occurredAt: now },
    'document',
  );
  const cost = costs.reduce((s, c) => s + c, 0);
  await db.insert(salesShipments).values({ id: shipmentId, number, orderId: id, warehouseId: order.warehouseId, cost, note: input.note, createdBy: user.id, createdAt: now });
  await db.insert(salesShipmentLines).values(
    picked.map((p, i) => ({ id: newId(), shipmentId, orderLineId: p.line.id, productId: p.line.productId, qty: p.qty, serials: p.serials, cost: costs[i] ?? 0 })),
  );
  for (const [i, p] of picked.entries()) {
    await db
      .update(salesOrderLines)
      .set({
        qtyShipped: sql`${salesOrderLines.qtyShipped} + ${p.qty}::numeric`,
        qtyReserved: sql`greatest(0, ${salesOrderLines.qtyReserved} - ${p.qty}::numeric)`,
        cost: sql`${salesOrderLines.cost} + ${costs[i] ?? 0}`,
      })
      .where(eq(salesOrderLines.id, p.line.id));
  }
  const after = await db.select().from(salesOrderLines).where(eq(salesOrderLines.orderId, id));
  const status = statusAfterShipment(after.map((l) => ({ qtyMilli: parseQuantity(l.qty), shippedMilli: parseQuantity(l.qtyShipped) })));
  await db.update(salesOrders).set({ status, updatedAt: now }).where(eq(salesOrders.id, id));
  if (cost !== 0) {
    const [debit, credit] = cost > 0 ? [ACCOUNTS.costOfGoodsSold.code, ACCOUNTS.inventory.code] : [ACCOUNTS.inventory.code, ACCOUNTS.costOfGoodsSold.code];
    await postJournalEntry(db, {
      date: now.toISOString().slice(0, 10), sourceType: 'sales_shipment', sourceId: shipmentId, memo: `${number} ${order.number}`, userId: user.id, postedAt: now,
      lines: [{ accountCode: debit, debit: Math.abs(cost), credit: 0 }, { accountCode: credit, debit: 0, credit: Math.abs(cost) }],
    });
  }
  await recordAudit(db, { user, action: 'ship', entity: 'sales_order', entityId: id, before: { status: order.status }, after: { status, shipment: number, lines: input.lines, cost }, at: now });
  return getOrder(db, id);
}

/** What the warehouse can pick (reserved on open orders) and what waits for stock, by delivery date; with `scope`, one salesperson's orders. */
export async function shipmentPlan(db: DbOrTx, warehouseId?: string, scope: string | null = null): Promise<ShipmentPlan> {
  const found = await rows<Record<string, string | null>>(
    db,
    sql`SELECT o.id AS order_id, o.number, c.name AS customer_name, o.delivery_date::text AS delivery_date, l.id AS line_id, p.sku, p.name,
               l.qty_reserved::text AS reserved, (l.qty - l.qty_shipped - l.qty_reserved)::text AS backorder
          FROM sales_order_lines l JOIN sales_orders o ON o.id = l.order_id JOIN customers c ON c.id = o.customer_id JOIN products p ON p.id = l.product_id
         WHERE o.status IN ('confirmed', 'picking', 'partially_shipped') ${warehouseId ? sql`AND o.warehouse_id = ${warehouseId}` : sql``}
           ${scope ? sql`AND o.salesperson_id = ${scope}` : sql``}
         ORDER BY o.delivery_date NULLS LAST, o.number, l.line_no`,
  );
  const row = (r: Record<string, string | null>) => ({
    orderId: r.order_id!, orderNumber: r.number!, customerName: r.customer_name!, deliveryDate: r.delivery_date ?? null, lineId: r.line_id!, sku: r.sku!, name: r.name!,
    qtyReserved: formatQuantity(parseQuantity(r.reserved!)), qtyBackorder: formatQuantity(parseQuantity(r.backorder!)),
  });
  return {
    ready: found.filter((r) => parseQuantity(r.reserved!) > 0).map(row),
    waiting: found.filter((r) => parseQuantity(r.backorder!) > 0).map(row),
  };
}
