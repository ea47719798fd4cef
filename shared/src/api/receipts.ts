import { z } from 'zod';
import { serialListSchema } from '../inventory/serials.ts';
import { quantityStringSchema, unitCostStringSchema } from './inventory.ts';

export const receiptRequestSchema = z.object({
  warehouseId: z.uuid({ message: 'warehouseId must be a uuid' }),
  supplierId: z.uuid({ message: 'supplierId must be a uuid' }).nullable().default(null),
  reference: z.string().trim().max(100).default(''),
  note: z.string().trim().max(500).default(''),
  lines: z
    .array(
      z.object({
        productId: z.uuid({ message: 'productId must be a uuid' }),
        qty: quantityStringSchema.refine((q) => Number(q) > 0, 'quantity must be positive'),
        unitCost: unitCostStringSchema,
        batchNo: z.string().trim().min(1).max(64).nullable().default(null),
        productionDate: z.iso.date({ message: 'productionDate must be a date YYYY-MM-DD' }).nullable().default(null),
        expiryDate: z.iso.date({ message: 'expiryDate must be a date YYYY-MM-DD' }).nullable().default(null),
        /** One per unit, for a serial-tracked product. */
        serials: serialListSchema.default([]),
      }),
    )
    .min(1, 'a receipt needs at least one line')
    .max(2000),
});
export type ReceiptRequest = z.input<typeof receiptRequestSchema>;

export const receiptSchema = z.object({
  id: z.string(),
  number: z.string(),
  warehouseId: z.string(),
  supplierId: z.string().nullable(),
  reference: z.string(),
  note: z.string(),
  status: z.enum(['draft', 'posted']),
  createdAt: z.string(),
  postedAt: z.string().nullable(),
  lines: z.array(
    z.object({
      productId: z.string(),
      sku: z.string(),
      name: z.string(),
      qty: z.string(),
      unitCost: z.string(),
      batchNo: z.string().nullable(),
      productionDate: z.string().nullable(),
      expiryDate: z.string().nullable(),
      serials: z.array(z.string()),
    }),
  ),
});
export type Receipt = z.infer<typeof receiptSchema>;

export const locationSchema = z
  .string()
  .trim()
  .min(1, 'location is empty')
  .max(32)
  .regex(/^[A-Za-z0-9._/-]+$/, 'location may use letters, digits, dot, dash and slash')
  .transform((l) => l.toUpperCase());

export const stockRuleInputSchema = z.object({
  rules: z
    .array(
      z.object({
        productId: z.uuid({ message: 'productId must be a uuid' }),
        warehouseId: z.uuid({ message: 'warehouseId must be a uuid' }),
        reorderPoint: quantityStringSchema,
        minQty: quantityStringSchema,
        maxQty: quantityStringSchema,
        /** Aisle-shelf-bin; omitted keeps the one on record, null clears it. */
        location: locationSchema.nullable().optional(),
      }),
    )
    .min(1)
    .max(5000)
    .superRefine((rules, ctx) =>
      rules.forEach((r, i) => {
        if (Number(r.maxQty) < Number(r.minQty)) ctx.addIssue({ code: 'custom', path: [i, 'maxQty'], message: 'maximum must not be below minimum' });
        if (Number(r.reorderPoint) < 0 || Number(r.minQty) < 0) ctx.addIssue({ code: 'custom', path: [i, 'reorderPoint'], message: 'must not be negative' });
      }),
    ),
});

export const expiringQuerySchema = z.object({
  days: z.coerce.number().int().min(0).max(3650, 'days is at most 3650').default(30),
  warehouseId: z.uuid({ message: 'warehouseId must be a uuid' }).optional(),
});

export const expiringBatchSchema = z.object({
  productId: z.string(),
  sku: z.string(),
  name: z.string(),
  warehouseId: z.string(),
  warehouseCode: z.string(),
  batchId: z.string(),
  batchNo: z.string(),
  expiryDate: z.string(),
  daysLeft: z.number().int(),
  qty: z.string(),
  value: z.number().int(),
});

export const stockAsOfQuerySchema = z.object({
  date: z.iso.date({ message: 'date must be a date YYYY-MM-DD' }),
  warehouseId: z.uuid({ message: 'warehouseId must be a uuid' }).optional(),
  productId: z.uuid({ message: 'productId must be a uuid' }).optional(),
});

export const stockAsOfRowSchema = z.object({
  productId: z.string(),
  sku: z.string(),
  name: z.string(),
  warehouseId: z.string(),
  warehouseCode: z.string(),
  qty: z.string(),
  value: z.number().int(),
});
