import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth.ts';
import { products } from './catalogue.ts';
import { warehouses } from './org.ts';
import { customers } from './partners.ts';

/**
 * A customer's order (销售订单): a quotation until confirmed; confirming reserves what
 * the warehouse can spare, shipments (delivery notes) take the goods out. Prices are
 * before tax, in the company's currency.
 */
export const salesOrders = pgTable(
  'sales_orders',
  {
    id: uuid('id').primaryKey(),
    number: text('number').notNull().unique(),
    customerId: uuid('customer_id').notNull().references(() => customers.id),
    warehouseId: uuid('warehouse_id').notNull().references(() => warehouses.id),
    status: text('status', { enum: ['quotation', 'confirmed', 'picking', 'partially_shipped', 'shipped', 'cancelled'] }).notNull().default('quotation'),
    /** The customer's own order number. */
    reference: text('reference').notNull().default(''),
    deliveryDate: date('delivery_date'),
    note: text('note').notNull().default(''),
    net: bigint('net', { mode: 'number' }).notNull(),
    tax: bigint('tax', { mode: 'number' }).notNull(),
    gross: bigint('gross', { mode: 'number' }).notNull(),
    /** Who created it. */
    createdBy: uuid('created_by').references(() => users.id),
    /** The salesperson the order belongs to (the customer's by default); staff without sales.all see only their own. */
    salespersonId: uuid('salesperson_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    confirmedBy: uuid('confirmed_by').references(() => users.id),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    cancelledBy: uuid('cancelled_by').references(() => users.id),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelReason: text('cancel_reason'),
  },
  (t) => [
    index('sales_orders_customer_idx').on(t.customerId), index('sales_orders_status_idx').on(t.status, t.warehouseId),
    index('sales_orders_salesperson_idx').on(t.salespersonId),
  ],
);

export const salesOrderLines = pgTable(
  'sales_order_lines',
  {
    id: uuid('id').primaryKey(),
    orderId: uuid('order_id').notNull().references(() => salesOrders.id),
    lineNo: integer('line_no').notNull(),
    productId: uuid('product_id').notNull().references(() => products.id),
    qty: numeric('qty', { precision: 14, scale: 3 }).notNull(),
    /** Per unit, before tax, minor units. */
    price: bigint('price', { mode: 'number' }).notNull(),
    /** Off the line amount, minor units. */
    discount: bigint('discount', { mode: 'number' }).notNull().default(0),
    taxRateBp: integer('tax_rate_bp').notNull(),
    net: bigint('net', { mode: 'number' }).notNull(),
    tax: bigint('tax', { mode: 'number' }).notNull(),
    gross: bigint('gross', { mode: 'number' }).notNull(),
    /** Held for this line in the order's warehouse and not yet shipped. */
    qtyReserved: numeric('qty_reserved', { precision: 14, scale: 3 }).notNull().default('0'),
    qtyShipped: numeric('qty_shipped', { precision: 14, scale: 3 }).notNull().default('0'),
    /** Cost of goods shipped so far, minor units. */
    cost: bigint('cost', { mode: 'number' }).notNull().default(0),
    /** Shipped and billed on customer invoices (less credit notes). */
    qtyInvoiced: numeric('qty_invoiced', { precision: 14, scale: 3 }).notNull().default('0'),
  },
  (t) => [
    index('sales_order_lines_order_idx').on(t.orderId),
    index('sales_order_lines_product_idx').on(t.productId),
    check('sales_order_lines_quantities', sql`${t.qty} > 0 AND ${t.qtyReserved} >= 0 AND ${t.qtyShipped} >= 0 AND ${t.qtyReserved} + ${t.qtyShipped} <= ${t.qty}`),
  ],
);

/** A delivery note (发货单): what left the warehouse for an order, posted when created. */
export const salesShipments = pgTable(
  'sales_shipments',
  {
    id: uuid('id').primaryKey(),
    number: text('number').notNull().unique(),
    orderId: uuid('order_id').notNull().references(() => salesOrders.id),
    warehouseId: uuid('warehouse_id').notNull().references(() => warehouses.id),
    /** Cost of goods shipped, minor units. */
    cost: bigint('cost', { mode: 'number' }).notNull(),
    note: text('note').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sales_shipments_order_idx').on(t.orderId)],
);

export const salesShipmentLines = pgTable(
  'sales_shipment_lines',
  {
    id: uuid('id').primaryKey(),
    shipmentId: uuid('shipment_id').notNull().references(() => salesShipments.id),
    orderLineId: uuid('order_line_id').notNull().references(() => salesOrderLines.id),
    productId: uuid('product_id').notNull().references(() => products.id),
    qty: numeric('qty', { precision: 14, scale: 3 }).notNull(),
    serials: text('serials').array().notNull().default(sql`'{}'::text[]`),
    cost: bigint('cost', { mode: 'number' }).notNull(),
  },
  (t) => [index('sales_shipment_lines_shipment_idx').on(t.shipmentId)],
);
