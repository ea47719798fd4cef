import { z } from 'zod';
import { SERIAL_STATES, serialListSchema } from '../inventory/serials.ts';

/** Quantities travel as decimal strings with up to 3 decimals: '12', '-1.5', '0.250'. */
export const quantityStringSchema = z
  .string()
  .trim()
  .regex(/^-?\d{1,11}(\.\d{1,3})?$/, 'quantity must be a number with at most 3 decimals');

/** Unit costs travel as decimal strings of minor units with up to 4 decimals. */
export const unitCostStringSchema = z
  .string()
  .trim()
  .regex(/^\d{1,14}(\.\d{1,4})?$/, 'unit cost must be a non-negative number of minor units with at most 4 decimals');

export const ADJUSTMENT_REASON_VALUES = ['damage', 'loss', 'found', 'expired', 'own_use', 'correction'] as const;

export const adjustmentRequestSchema = z
  .object({
    warehouseId: z.uuid({ message: 'warehouseId must be a uuid' }),
    reason: z.enum(ADJUSTMENT_REASON_VALUES, { message: `reason must be one of ${ADJUSTMENT_REASON_VALUES.join(', ')}` }),
    note: z.string().trim().max(500).default(''),
    lines: z
      .array(
        z.object({
          productId: z.uuid({ message: 'productId must be a uuid' }),
          batchId: z.uuid().nullable().default(null),
          qty: quantityStringSchema.refine((q) => Number(q) !== 0, 'quantity must not be zero'),
          unitCost: unitCostStringSchema.optional(),
          /** The units found or written off, for a serial-tracked product. */
          serials: serialListSchema.default([]),
        }),
      )
      .min(1, 'an adjustment needs at least one line')
      .max(1000),
  })
  .superRefine((v, ctx) => {
    const decreases = ['damage', 'loss', 'expired', 'own_use'].includes(v.reason);
    v.lines.forEach((l, i) => {
      const negative = l.qty.startsWith('-');
      if (decreases && !negative) ctx.addIssue({ code: 'custom', path: ['lines', i, 'qty'], message: `${v.reason} takes stock away: quantity must be negative` });
      if (v.reason === 'found' && negative) ctx.addIssue({ code: 'custom', path: ['lines', i, 'qty'], message: 'found stock adds: quantity must be positive' });
    });
  });
export type AdjustmentRequest = z.input<typeof adjustmentRequestSchema>;

export const adjustmentSchema = z.object({
  id: z.string(),
  number: z.string(),
  warehouseId: z.string(),
  reason: z.string(),
  note: z.string(),
  status: z.enum(['draft', 'posted']),
  createdAt: z.string(),
  postedAt: z.string().nullable(),
  lines: z.array(
    z.object({ productId: z.string(), sku: z.string(), name: z.string(), batchId: z.string().nullable(), qty: z.string(), unitCost: z.string().nullable(), serials: z.array(z.string()) }),
  ),
});
export type Adjustment = z.infer<typeof adjustmentSchema>;

export const stockLevelSchema = z.object({
  productId: z.string(),
  sku: z.string(),
  name: z.string(),
  unit: z.string(),
  warehouseId: z.string(),
  warehouseCode: z.string(),
  batchId: z.string().nullable(),
  batchNo: z.string().nullable(),
  expiryDate: z.string().nullable(),
  qty: z.string(),
  avgCost: z.string(),
  value: z.number().int(),
  reorderPoint: z.string().nullable(),
});
export type StockLevel = z.infer<typeof stockLevelSchema>;

export const stockLevelQuerySchema = z.object({
  warehouseId: z.uuid({ message: 'warehouseId must be a uuid' }).optional(),
  productId: z.uuid({ message: 'productId must be a uuid' }).optional(),
  q: z.string().trim().max(100).optional(),
  /** A category and everything below it. */
  categoryId: z.uuid({ message: 'categoryId must be a uuid' }).optional(),
  batchId: z.uuid({ message: 'batchId must be a uuid' }).optional(),
  expiryFrom: z.iso.date({ message: 'expiryFrom must be a date YYYY-MM-DD' }).optional(),
  expiryTo: z.iso.date({ message: 'expiryTo must be a date YYYY-MM-DD' }).optional(),
  lowOnly: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1, 'page starts at 1').default(1),
  pageSize: z.coerce.number().int().min(1).max(500, 'pageSize is at most 500').default(50),
});

export const stockMoveSchema = z.object({
  id: z.string(),
  occurredAt: z.string(),
  moveType: z.string(),
  docType: z.string(),
  docId: z.string(),
  warehouseCode: z.string(),
  batchId: z.string().nullable(),
  qty: z.string(),
  unitCost: z.string(),
  value: z.number().int(),
  balance: z.string(),
});
export type StockMove = z.infer<typeof stockMoveSchema>;

export const ledgerCheckSchema = z.object({
  ok: z.boolean(),
  levelsChecked: z.number().int(),
  levelDifferences: z.array(
    z.object({ productId: z.string(), warehouseId: z.string(), batchId: z.string(), levelQty: z.string(), movesQty: z.string(), levelValue: z.number(), movesValue: z.number() }),
  ),
  journalInventory: z.number().int(),
  stockValue: z.number().int(),
});
export type LedgerCheck = z.infer<typeof ledgerCheckSchema>;

export const lowStockItemSchema = z.object({
  productId: z.string(),
  sku: z.string(),
  name: z.string(),
  warehouseId: z.string(),
  warehouseCode: z.string(),
  qty: z.string(),
  reorderPoint: z.string().nullable(),
  minQty: z.string().nullable(),
  maxQty: z.string().nullable(),
  /** Up to the maximum, never below zero. */
  suggested: z.string(),
  negative: z.boolean(),
});
export type LowStockItem = z.infer<typeof lowStockItemSchema>;

// ---------------------------------------------------------------------------------
// Serial numbers
// ---------------------------------------------------------------------------------

export const serialQuerySchema = z.object({
  /** The serial, or its beginning (as printed; case does not matter). */
  q: z.string().trim().max(64, 'q is at most 64 characters').optional(),
  productId: z.uuid({ message: 'productId must be a uuid' }).optional(),
  warehouseId: z.uuid({ message: 'warehouseId must be a uuid' }).optional(),
  state: z.enum(SERIAL_STATES, { message: `state must be one of ${SERIAL_STATES.join(', ')}` }).optional(),
  limit: z.coerce.number().int().min(1).max(500, 'limit is at most 500').default(100),
});

export const serialUnitSchema = z.object({
  id: z.string(),
  productId: z.string(),
  sku: z.string(),
  name: z.string(),
  serial: z.string(),
  state: z.enum(SERIAL_STATES),
  warehouseId: z.string().nullable(),
  warehouseCode: z.string().nullable(),
  firstSeenAt: z.string(),
  updatedAt: z.string(),
});
export type SerialUnit = z.infer<typeof serialUnitSchema>;

/** One move of a unit, newest last, with the document behind it. */
export const serialHistoryEntrySchema = z.object({
  occurredAt: z.string(),
  direction: z.union([z.literal(1), z.literal(-1)]),
  warehouseCode: z.string(),
  moveType: z.string(),
  docType: z.string(),
  docId: z.string(),
  /** Set when the unit moved although the register said it could not. */
  problem: z.string().nullable(),
});

export const serialDetailSchema = serialUnitSchema.extend({ history: z.array(serialHistoryEntrySchema) });
export type SerialDetail = z.infer<typeof serialDetailSchema>;
