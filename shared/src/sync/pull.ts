import { z } from 'zod';
import { loyaltyProgramSchema } from '../loyalty/program.ts';
import { logoRasterSchema } from '../printing/logo.ts';

/**
 * What a till pulls: each entity changes with a revision from one sequence; the till
 * keeps the highest revision it has seen per entity and asks for what came after, in
 * pages. Deleted or archived rows come back as tombstones so the till drops them.
 */
export const PULL_ENTITIES = ['products', 'categories', 'tax-rates', 'customers', 'cashiers', 'store'] as const;
export type PullEntity = (typeof PULL_ENTITIES)[number];

export const pullQuerySchema = z.object({
  since: z.coerce.number().int().min(0, 'since is a revision, 0 or more').default(0),
  limit: z.coerce.number().int().min(1).max(5000, 'limit is at most 5000').default(1000),
});

export const pulledProductSchema = z.object({
  id: z.string(),
  sku: z.string(),
  name: z.string(),
  categoryId: z.string().nullable(),
  unit: z.string(),
  taxRateBp: z.number().int(),
  /** The store's own price when it has one, else the product's sale price. */
  price: z.number().int(),
  weighed: z.boolean(),
  plu: z.string().nullable(),
  batchTracked: z.boolean(),
  /** Each unit sold needs its serial number scanned (older servers omit it: false). */
  serialTracked: z.boolean().default(false),
  barcodes: z.array(z.object({ barcode: z.string(), packQty: z.string() })),
  revision: z.number().int(),
});
export type PulledProduct = z.infer<typeof pulledProductSchema>;

/** The till's category grid shows these names; a deleted category comes back as a tombstone. */
export const pulledCategorySchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  parentId: z.string().nullable(),
  revision: z.number().int(),
});
export type PulledCategory = z.infer<typeof pulledCategorySchema>;

export const pulledCustomerSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  phone: z.string(),
  creditLimit: z.number().int(),
  balance: z.number().int(),
  /** Loyalty points the server counted; absent from servers that predate points. */
  points: z.number().int().default(0),
  /** The customer's price list: basis points off the catalogue price. */
  discountBp: z.number().int().min(0).max(10_000).default(0),
  revision: z.number().int(),
});

/** Cashiers unlock the till with a PIN checked offline against this PBKDF2 hash. */
export const pulledCashierSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  pinHash: z.string().nullable(),
  permissions: z.array(z.string()),
  /** Largest discount the cashier may give without a manager, in basis points. */
  maxDiscountBp: z.number().int(),
  revision: z.number().int(),
});

export const pulledStoreSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  companyName: z.string(),
  taxNumber: z.string(),
  currency: z.string(),
  pricesIncludeTax: z.boolean(),
  warehouseId: z.string(),
  receiptHeader: z.string(),
  receiptFooter: z.string(),
  /** Absent from servers that predate receipt logos. */
  receiptLogo: logoRasterSchema.nullable().default(null),
  /** The company's loyalty programme, the same for every store. */
  loyalty: loyaltyProgramSchema.nullable().default(null),
  revision: z.number().int(),
});

export const pullPageSchema = z.object({
  entity: z.enum(PULL_ENTITIES),
  rows: z.array(z.unknown()),
  tombstones: z.array(z.string()),
  /** Pass as `since` for the next page. */
  cursor: z.number().int(),
  more: z.boolean(),
});
export type PullPage = z.infer<typeof pullPageSchema>;

export const registerDeviceRequestSchema = z.object({
  name: z.string().trim().min(1, 'name is required').max(100),
  storeId: z.uuid({ message: 'storeId must be a uuid' }),
  warehouseId: z.uuid({ message: 'warehouseId must be a uuid' }).optional(),
});

export const registerDeviceResponseSchema = z.object({
  deviceId: z.string(),
  token: z.string(),
  storeId: z.string(),
  warehouseId: z.string(),
});
