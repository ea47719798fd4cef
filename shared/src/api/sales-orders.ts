import { z } from 'zod';
import { serialListSchema } from '../inventory/serials.ts';
import { ORDER_BILLING, SALES_ORDER_STATUSES } from '../sales-orders/rules.ts';
import { salespersonFilterSchema } from './customers.ts';
import { quantityStringSchema } from './inventory.ts';

/** Wire schemas of sales orders and their delivery notes. Money: integer minor units, before tax. */

const uuidOf = (field: string) => z.uuid({ message: `${field} must be a uuid` });
const textOf = (field: string, max: number) => z.string({ message: `${field} must be text` }).trim().max(max, `${field} is at most ${max} characters`);
const moneyOf = (field: string) =>
  z.number({ message: `${field} must be a number` }).int(`${field} must be whole minor units`).min(0, `${field} must not be negative`).max(100_000_000_000, `${field} is too large`);
const positiveQty = (field: string) => quantityStringSchema.refine((q) => Number(q) > 0, `${field} must be greater than zero`);

export const salesOrderInputSchema = z.object({
  customerId: uuidOf('customerId'),
  warehouseId: uuidOf('warehouseId'),
  reference: textOf('reference', 100).default(''),
  deliveryDate: z.iso.date({ message: 'deliveryDate must be a date YYYY-MM-DD' }).nullable().default(null),
  note: textOf('note', 500).default(''),
  /** Left out: the customer's salesperson on a new order (else the creator when they see only their own), unchanged on an update. */
  salespersonId: uuidOf('salespersonId').nullable().optional(),
  lines: z
    .array(
      z.object({
        productId: uuidOf('productId'),
        qty: positiveQty('qty'),
        /** Per unit before tax; defaults to the product's sale price. */
        price: moneyOf('price').optional(),
        discount: moneyOf('discount').default(0),
        /** Defaults to the product's tax rate. */
        taxRateBp: z.number().int('taxRateBp must be whole basis points').min(0).max(10_000).optional(),
      }),
    )
    .min(1, 'an order needs at least one line')
    .max(500, 'an order has at most 500 lines'),
});
export type SalesOrderInput = z.input<typeof salesOrderInputSchema>;

export const salesOrderLineSchema = z.object({
  id: z.string(),
  lineNo: z.number().int(),
  productId: z.string(),
  sku: z.string(),
  name: z.string(),
  unit: z.string(),
  qty: z.string(),
  price: z.number().int(),
  discount: z.number().int(),
  taxRateBp: z.number().int(),
  net: z.number().int(),
  tax: z.number().int(),
  gross: z.number().int(),
  qtyReserved: z.string(),
  qtyShipped: z.string(),
  /** Neither shipped nor reserved: waiting for stock. */
  qtyBackorder: z.string(),
  cost: z.number().int(),
});

export const salesOrderSummarySchema = z.object({
  id: z.string(),
  number: z.string(),
  customerId: z.string(),
  customerCode: z.string(),
  customerName: z.string(),
  warehouseId: z.string(),
  warehouseCode: z.string(),
  status: z.enum(SALES_ORDER_STATUSES),
  /** Billed and paid: not_invoiced, partly_invoiced, invoiced, paid (see billingOf). */
  billing: z.enum(ORDER_BILLING),
  reference: z.string(),
  deliveryDate: z.string().nullable(),
  note: z.string(),
  net: z.number().int(),
  tax: z.number().int(),
  gross: z.number().int(),
  createdBy: z.string().nullable(),
  salespersonId: z.string().nullable(),
  salespersonName: z.string().nullable(),
  createdAt: z.string(),
  confirmedAt: z.string().nullable(),
});
export type SalesOrderSummary = z.infer<typeof salesOrderSummarySchema>;

export const salesOrderSchema = salesOrderSummarySchema.extend({
  lines: z.array(salesOrderLineSchema),
  shipments: z.array(z.object({ id: z.string(), number: z.string(), createdAt: z.string(), cost: z.number().int(), lineCount: z.number().int() })),
  /** Set by confirming or reserving: lines short of stock, with when more is expected on purchase orders. */
  shortages: z.array(z.object({ lineId: z.string(), sku: z.string(), backorder: z.string(), expectedDate: z.string().nullable() })),
});
export type SalesOrder = z.infer<typeof salesOrderSchema>;

export const salesOrderQuerySchema = z.object({
  status: z.enum(SALES_ORDER_STATUSES, { message: `status must be one of ${SALES_ORDER_STATUSES.join(', ')}` }).optional(),
  billing: z.enum(ORDER_BILLING, { message: `billing must be one of ${ORDER_BILLING.join(', ')}` }).optional(),
  customerId: uuidOf('customerId').optional(),
  warehouseId: uuidOf('warehouseId').optional(),
  salespersonId: salespersonFilterSchema.optional(),
  q: textOf('q', 100).optional(),
});

export const shipmentInputSchema = z
  .object({
    note: textOf('note', 500).default(''),
    lines: z
      .array(z.object({ lineId: uuidOf('lineId'), qty: positiveQty('qty'), serials: serialListSchema.default([]) }))
      .min(1, 'a shipment needs at least one line')
      .max(500),
  })
  .superRefine((v, ctx) => {
    const seen = new Set<string>();
    v.lines.forEach((l, i) => {
      if (seen.has(l.lineId)) ctx.addIssue({ code: 'custom', path: ['lines', i, 'lineId'], message: 'lineId is listed twice' });
      seen.add(l.lineId);
    });
  });
export type ShipmentInput = z.input<typeof shipmentInputSchema>;

export const confirmOrderInputSchema = z.object({
  /** Let the order past the customer's credit limit (a manager; audited). */
  overrideCreditLimit: z.boolean({ message: 'overrideCreditLimit must be true or false' }).default(false),
});

export const cancelOrderInputSchema = z.object({ reason: textOf('reason', 500).min(1, 'reason is required') });

/** What the warehouse picks: lines with reserved stock, and lines waiting for stock. */
export const shipmentPlanRowSchema = z.object({
  orderId: z.string(),
  orderNumber: z.string(),
  customerName: z.string(),
  deliveryDate: z.string().nullable(),
  lineId: z.string(),
  sku: z.string(),
  name: z.string(),
  qtyReserved: z.string(),
  qtyBackorder: z.string(),
});
export const shipmentPlanSchema = z.object({ ready: z.array(shipmentPlanRowSchema), waiting: z.array(shipmentPlanRowSchema) });
export type ShipmentPlan = z.infer<typeof shipmentPlanSchema>;
