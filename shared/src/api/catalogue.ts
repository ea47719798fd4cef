import { z } from 'zod';
import { isValidGtin } from '../barcode/gs1.ts';
import { codeSchema, rateBasisPointsSchema } from './setup.ts';
import { quantityStringSchema } from './inventory.ts';

const money = z.number({ message: 'must be an integer amount of minor units' }).int('must be an integer amount of minor units').min(0).max(Number.MAX_SAFE_INTEGER);

/**
 * A barcode: GS1 codes (8, 12, 13 or 14 digits) must carry a valid check digit; other
 * codes (Code 128 in-store labels) are letters, digits and - . / up to 48 characters.
 */
export const barcodeSchema = z
  .string()
  .trim()
  .min(1, 'barcode is empty')
  .max(48)
  .regex(/^[A-Za-z0-9./-]+$/, 'barcode may use letters, digits, dot, dash and slash')
  .refine((b) => !/^\d+$/.test(b) || ![8, 12, 13, 14].includes(b.length) || isValidGtin(b), 'barcode check digit is wrong');

export const productBarcodeSchema = z.object({
  barcode: barcodeSchema,
  /** A pack barcode stands for this many units (a case of 12). */
  packQty: quantityStringSchema.refine((q) => Number(q) > 0, 'pack quantity must be positive').default('1'),
});

export const PRODUCT_UNITS = ['each', 'kg', 'g', 'l', 'ml', 'm', 'box', 'pack', 'case', 'pair', 'service', 'card'] as const;

export const productInputSchema = z
  .object({
    sku: codeSchema,
    name: z.string().trim().min(1, 'name is required').max(200),
    categoryId: z.uuid({ message: 'categoryId must be a uuid' }).nullable().default(null),
    unit: z.enum(PRODUCT_UNITS, { message: `unit must be one of ${PRODUCT_UNITS.join(', ')}` }).default('each'),
    taxRateId: z.uuid({ message: 'taxRateId must be a uuid' }),
    purchasePrice: money.default(0),
    salePrice: money,
    weighed: z.boolean().default(false),
    plu: z.string().trim().regex(/^\d{1,5}$/, 'PLU must be 1 to 5 digits').nullable().default(null),
    batchTracked: z.boolean().default(false),
    tracksExpiry: z.boolean().default(false),
    serialTracked: z.boolean().default(false),
    shelfLifeDays: z.number().int().min(1).max(36500).nullable().default(null),
    status: z.enum(['active', 'archived']).default('active'),
    /** A variant names its parent product and the attributes that tell it apart. */
    parentId: z.uuid({ message: 'parentId must be a uuid' }).nullable().default(null),
    attributes: z.record(z.string().max(40), z.string().max(100)).default({}),
    barcodes: z.array(productBarcodeSchema).max(50).default([]),
  })
  .superRefine((p, ctx) => {
    const seen = new Set<string>();
    p.barcodes.forEach((b, i) => {
      if (seen.has(b.barcode)) ctx.addIssue({ code: 'custom', path: ['barcodes', i, 'barcode'], message: 'barcode listed twice' });
      seen.add(b.barcode);
    });
    if (p.weighed && p.unit !== 'kg' && p.unit !== 'g') ctx.addIssue({ code: 'custom', path: ['unit'], message: 'a weighed product is sold by kg or g' });
    if (p.tracksExpiry && !p.batchTracked) ctx.addIssue({ code: 'custom', path: ['tracksExpiry'], message: 'expiry is tracked per batch: turn on batch tracking' });
  });
export type ProductInput = z.input<typeof productInputSchema>;

export const productSchema = z.object({
  id: z.string(),
  sku: z.string(),
  name: z.string(),
  categoryId: z.string().nullable(),
  categoryName: z.string().nullable(),
  unit: z.string(),
  taxRateId: z.string(),
  taxRateBasisPoints: z.number().int(),
  purchasePrice: z.number().int(),
  salePrice: z.number().int(),
  weighed: z.boolean(),
  plu: z.string().nullable(),
  batchTracked: z.boolean(),
  tracksExpiry: z.boolean(),
  serialTracked: z.boolean(),
  shelfLifeDays: z.number().int().nullable(),
  status: z.enum(['active', 'archived']),
  parentId: z.string().nullable(),
  attributes: z.record(z.string(), z.string()),
  barcodes: z.array(z.object({ barcode: z.string(), packQty: z.string() })),
  storePrices: z.array(z.object({ storeId: z.string(), price: z.number().int() })),
  revision: z.number().int(),
  updatedAt: z.string(),
});
export type Product = z.infer<typeof productSchema>;

export const productQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  categoryId: z.uuid({ message: 'categoryId must be a uuid' }).optional(),
  supplierId: z.uuid({ message: 'supplierId must be a uuid' }).optional(),
  status: z.enum(['active', 'archived', 'all']).default('active'),
  page: z.coerce.number().int().min(1, 'page starts at 1').default(1),
  pageSize: z.coerce.number().int().min(1).max(500, 'pageSize is at most 500').default(50),
});

export const productPageSchema = z.object({ items: z.array(productSchema), total: z.number().int() });

export const storePricesInputSchema = z.object({
  prices: z.array(z.object({ storeId: z.uuid({ message: 'storeId must be a uuid' }), price: money.nullable() })).max(1000),
});

export const categorySchema = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  code: z.string(),
  name: z.string(),
  productCount: z.number().int(),
});
export type Category = z.infer<typeof categorySchema>;

export const categoryInputSchema = z.object({
  code: codeSchema,
  name: z.string().trim().min(1, 'name is required').max(200),
  parentId: z.uuid({ message: 'parentId must be a uuid' }).nullable().default(null),
});

export const taxRateSchema = z.object({ id: z.string(), name: z.string(), rateBasisPoints: rateBasisPointsSchema, active: z.boolean() });

export const importReportSchema = z.object({
  rows: z.number().int(),
  valid: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), field: z.string(), message: z.string() })),
  created: z.number().int(),
  updated: z.number().int(),
  applied: z.boolean(),
});
export type ImportReport = z.infer<typeof importReportSchema>;
