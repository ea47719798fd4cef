import { locationSchema } from './receipts.ts';
import { z } from 'zod';
import { serialListSchema } from '../inventory/serials.ts';
import { quantityStringSchema } from './inventory.ts';

/**
 * Wire schemas of the stock documents that move goods between warehouses (transfers,
 * 调拨) and count them (stock-takes, 盘点). Quantities are decimal strings with up to
 * 3 decimals; money is integer minor units; unit costs are decimal strings of minor
 * units with 4 decimals.
 */

const uuidOf = (field: string) => z.uuid({ message: `${field} must be a uuid` });
const positiveQuantity = (field: string) => quantityStringSchema.refine((q) => Number(q) > 0, `${field} must be greater than zero`);
const nonNegativeQuantity = (field: string) => quantityStringSchema.refine((q) => Number(q) >= 0, `${field} must not be negative`);
const noteSchema = z.string().trim().max(500, 'note is at most 500 characters').default('');

// ---------------------------------------------------------------------------------
// Transfers
// ---------------------------------------------------------------------------------

export const TRANSFER_STATUSES = ['draft', 'shipped', 'received', 'cancelled'] as const;
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];

/**
 * A transfer draft. A product travels either by first-expiry-first-out (one line, no
 * batch) or by named batches (one line per batch), never both: that keeps every unit in
 * transit traceable to exactly one line when it is received.
 */
export const transferRequestSchema = z
  .object({
    fromWarehouseId: uuidOf('fromWarehouseId'),
    toWarehouseId: uuidOf('toWarehouseId'),
    note: noteSchema,
    lines: z
      .array(
        z.object({
          productId: uuidOf('productId'),
          batchId: uuidOf('batchId').nullable().default(null),
          qty: positiveQuantity('qty'),
          /** The units sent, for a serial-tracked product. */
          serials: serialListSchema.default([]),
        }),
      )
      .min(1, 'a transfer needs at least one line')
      .max(1000, 'a transfer has at most 1000 lines'),
  })
  .superRefine((v, ctx) => {
    if (v.fromWarehouseId === v.toWarehouseId) {
      ctx.addIssue({ code: 'custom', path: ['toWarehouseId'], message: 'toWarehouseId must differ from fromWarehouseId' });
    }
    const byProduct = new Map<string, { fefo: boolean; batches: Set<string> }>();
    v.lines.forEach((l, i) => {
      const seen = byProduct.get(l.productId) ?? { fefo: false, batches: new Set<string>() };
      byProduct.set(l.productId, seen);
      if (l.batchId === null) {
        if (seen.fefo || seen.batches.size > 0) {
          ctx.addIssue({ code: 'custom', path: ['lines', i, 'batchId'], message: 'batchId: this product is already on the transfer; merge the lines or name a batch on each' });
        }
        seen.fefo = true;
      } else {
        if (seen.fefo || seen.batches.has(l.batchId)) {
          ctx.addIssue({ code: 'custom', path: ['lines', i, 'batchId'], message: 'batchId: this product or batch is already on the transfer; merge the lines' });
        }
        seen.batches.add(l.batchId);
      }
    });
  });
export type TransferRequest = z.input<typeof transferRequestSchema>;

export const transferReceiveRequestSchema = z
  .object({
    lines: z
      .array(
        z.object({
          lineId: uuidOf('lineId'),
          qtyReceived: nonNegativeQuantity('qtyReceived'),
          /** The units that arrived, for a serial-tracked line received short; all of them when left out. */
          serials: serialListSchema.optional(),
        }),
      )
      .min(1, 'give the received quantity of every line')
      .max(1000),
  })
  .superRefine((v, ctx) => {
    const seen = new Set<string>();
    v.lines.forEach((l, i) => {
      if (seen.has(l.lineId)) ctx.addIssue({ code: 'custom', path: ['lines', i, 'lineId'], message: 'lineId is listed twice' });
      seen.add(l.lineId);
    });
  });
export type TransferReceiveRequest = z.input<typeof transferReceiveRequestSchema>;

export const transferQuerySchema = z.object({
  status: z.enum(TRANSFER_STATUSES, { message: `status must be one of ${TRANSFER_STATUSES.join(', ')}` }).optional(),
  /** Transfers leaving or entering this warehouse. */
  warehouseId: uuidOf('warehouseId').optional(),
});

/** What went into transit for a line, per batch, at the cost it carries in transit. */
export const transferShippedBatchSchema = z.object({
  batchId: z.string().nullable(),
  batchNo: z.string().nullable(),
  expiryDate: z.string().nullable(),
  qty: z.string(),
  unitCost: z.string(),
});

export const transferLineSchema = z.object({
  id: z.string(),
  lineNo: z.number().int(),
  productId: z.string(),
  sku: z.string(),
  name: z.string(),
  unit: z.string(),
  /** The batch named on the draft; null means first-expiry-first-out (or not batch-tracked). */
  batchId: z.string().nullable(),
  batchNo: z.string().nullable(),
  /** Quantity asked for. */
  qty: z.string(),
  /** The units sent, and of them the units that arrived (serial-tracked products). */
  serials: z.array(z.string()),
  serialsReceived: z.array(z.string()),
  /** Null until shipped. */
  qtyShipped: z.string().nullable(),
  /** Null until received. */
  qtyReceived: z.string().nullable(),
  /** received − shipped once received: negative is a shortfall, positive an overage. */
  discrepancy: z.string().nullable(),
  /** Value (minor units) of the discrepancy as booked to inventory adjustments; null until received. */
  discrepancyValue: z.number().int().nullable(),
  shippedBatches: z.array(transferShippedBatchSchema),
});
export type TransferLine = z.infer<typeof transferLineSchema>;

export const transferSchema = z.object({
  id: z.string(),
  number: z.string(),
  fromWarehouseId: z.string(),
  fromWarehouseCode: z.string(),
  toWarehouseId: z.string(),
  toWarehouseCode: z.string(),
  status: z.enum(TRANSFER_STATUSES),
  note: z.string(),
  createdAt: z.string(),
  shippedAt: z.string().nullable(),
  receivedAt: z.string().nullable(),
  /** Received and at least one line differs from what was shipped. */
  hasDiscrepancy: z.boolean(),
  lines: z.array(transferLineSchema),
});
export type Transfer = z.infer<typeof transferSchema>;

export const transferSummarySchema = transferSchema.omit({ lines: true, hasDiscrepancy: true }).extend({ lineCount: z.number().int() });
export type TransferSummary = z.infer<typeof transferSummarySchema>;

// ---------------------------------------------------------------------------------
// Stock-takes
// ---------------------------------------------------------------------------------

export const STOCK_TAKE_STATUSES = ['counting', 'approved', 'cancelled'] as const;
export type StockTakeStatus = (typeof STOCK_TAKE_STATUSES)[number];

export const stockTakeRequestSchema = z.object({
  warehouseId: uuidOf('warehouseId'),
  /** Count one category and its subcategories; omitted, the whole warehouse. */
  categoryId: uuidOf('categoryId').nullable().default(null),
  /** Count only products whose location in this warehouse starts with this (e.g. 'A-03'). */
  location: locationSchema.nullable().default(null),
  /** Counters do not see the book quantities. */
  blind: z.boolean({ message: 'blind must be true or false' }).default(false),
  note: noteSchema,
});
export type StockTakeRequest = z.input<typeof stockTakeRequestSchema>;

/**
 * Count entries: each names the product by id or by a scanned barcode (a pack barcode
 * counts its pack quantity per unit entered). Entries add up; a negative entry corrects
 * an earlier one, and 0 records "counted, none there".
 */
export const stockTakeCountRequestSchema = z.object({
  entries: z
    .array(
      z
        .object({
          productId: uuidOf('productId').optional(),
          barcode: z.string().trim().min(1, 'barcode is empty').max(48, 'barcode is at most 48 characters').optional(),
          batchId: uuidOf('batchId').nullable().default(null),
          qty: quantityStringSchema,
        })
        .superRefine((e, ctx) => {
          if ((e.productId === undefined) === (e.barcode === undefined)) {
            ctx.addIssue({ code: 'custom', path: ['productId'], message: 'give either productId or barcode' });
          }
        }),
    )
    .min(1, 'send at least one entry')
    .max(5000, 'at most 5000 entries at a time'),
});
export type StockTakeCountRequest = z.input<typeof stockTakeCountRequestSchema>;

export const stockTakeQuerySchema = z.object({
  status: z.enum(STOCK_TAKE_STATUSES, { message: `status must be one of ${STOCK_TAKE_STATUSES.join(', ')}` }).optional(),
  warehouseId: uuidOf('warehouseId').optional(),
});

export const stockTakeLineSchema = z.object({
  productId: z.string(),
  sku: z.string(),
  name: z.string(),
  unit: z.string(),
  batchId: z.string().nullable(),
  batchNo: z.string().nullable(),
  expiryDate: z.string().nullable(),
  /** On the book when the count started; false for stock found that was not expected. */
  inSnapshot: z.boolean(),
  /** Null when hidden (blind count, caller without inventory.approve). */
  expectedQty: z.string().nullable(),
  /** Null until someone counts it. */
  countedQty: z.string().nullable(),
  counters: z.array(z.object({ userId: z.string().nullable(), username: z.string().nullable(), qty: z.string() })),
  /** More than one person counted it: worth a recount before approving. */
  needsReview: z.boolean(),
  /** Net stock moves of this product and batch in the warehouse since the count started (sales during the count). */
  movesSinceStart: z.string().nullable(),
  /** counted − (expected + moves since start); uncounted lines count as 0. Null when hidden. */
  varianceQty: z.string().nullable(),
  /** Minor units at the average cost (approved: as posted). Null when hidden. */
  varianceValue: z.number().int().nullable(),
});
export type StockTakeLine = z.infer<typeof stockTakeLineSchema>;

export const stockTakeSchema = z.object({
  id: z.string(),
  number: z.string(),
  warehouseId: z.string(),
  warehouseCode: z.string(),
  categoryId: z.string().nullable(),
  categoryName: z.string().nullable(),
  location: z.string().nullable(),
  blind: z.boolean(),
  status: z.enum(STOCK_TAKE_STATUSES),
  note: z.string(),
  startedAt: z.string(),
  approvedAt: z.string().nullable(),
  /** True when expected quantities and variances are withheld from this caller. */
  hidden: z.boolean(),
  totals: z.object({
    lines: z.number().int(),
    counted: z.number().int(),
    uncounted: z.number().int(),
    /** Net value of the variances; null when hidden. */
    varianceValue: z.number().int().nullable(),
  }),
  lines: z.array(stockTakeLineSchema),
});
export type StockTake = z.infer<typeof stockTakeSchema>;

export const stockTakeSummarySchema = stockTakeSchema.omit({ lines: true, totals: true, hidden: true });
export type StockTakeSummary = z.infer<typeof stockTakeSummarySchema>;

/** What the count endpoint recorded: barcodes resolved to products, pack barcodes multiplied out. */
export const stockTakeCountResponseSchema = z.object({
  accepted: z.number().int(),
  entries: z.array(z.object({ productId: z.string(), sku: z.string(), name: z.string(), batchId: z.string().nullable(), qty: z.string() })),
});
export type StockTakeCountResponse = z.infer<typeof stockTakeCountResponseSchema>;
