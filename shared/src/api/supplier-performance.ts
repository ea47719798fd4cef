import { z } from 'zod';

/**
 * Supplier performance over a period (UTC days, both ends included; either may be left
 * open). How each figure is worked out: shared/src/purchasing/performance.ts and the
 * purchasing README.
 */
export const supplierPerformanceQuerySchema = z
  .object({
    from: z.iso.date({ message: 'from must be a date YYYY-MM-DD' }).optional(),
    to: z.iso.date({ message: 'to must be a date YYYY-MM-DD' }).optional(),
  })
  .superRefine((q, ctx) => {
    // ISO dates compare as text.
    if (q.from && q.to && q.to < q.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'to must not be before from' });
  });
export type SupplierPerformanceQuery = z.input<typeof supplierPerformanceQuerySchema>;

/** A fraction from 0 to 1 with 4 decimals (0.8333 = 83.33 %); null when there was nothing to measure. */
const rateSchema = z.number().min(0).max(1).nullable();

export const supplierPerformanceSummarySchema = z.object({
  supplierId: z.string(),
  code: z.string(),
  name: z.string(),
  currency: z.string(),
  status: z.enum(['active', 'archived']),
  /** Order lines delivered by receipts posted in the period, one per receipt and line. */
  deliveries: z.object({
    count: z.number().int(),
    onTime: z.number().int(),
    late: z.number().int(),
    /** Against lines without an expected date: left out of the rate. */
    undated: z.number().int(),
    onTimeRate: rateSchema,
    averageDaysLate: z.number().nullable(),
  }),
  /** Lines of orders finished (received, or closed) in the period. */
  fill: z.object({ lines: z.number().int(), complete: z.number().int(), fillRate: rateSchema }),
  /** What receipts posted in the period brought, as inspected at the door. */
  inspection: z.object({ lines: z.number().int(), rejectedLines: z.number().int(), rejectionRate: rateSchema }),
  /** Order prices of orders sent in the period. */
  prices: z.object({
    products: z.number().int(),
    /** Mean over the products with at least two prices of (latest − first) ÷ first; may be negative. */
    averageChange: z.number().nullable(),
  }),
});
export type SupplierPerformanceSummary = z.infer<typeof supplierPerformanceSummarySchema>;

export const supplierPerformanceComparisonSchema = z.object({
  from: z.string().nullable(),
  to: z.string().nullable(),
  /** Active suppliers, and archived ones with documents in the period; by code. */
  items: z.array(supplierPerformanceSummarySchema),
});
export type SupplierPerformanceComparison = z.infer<typeof supplierPerformanceComparisonSchema>;

export const pricePointSchema = z.object({
  /** The day the order was sent. */
  date: z.string(),
  orderId: z.string(),
  orderNumber: z.string(),
  /** Base currency per stock unit, 4 decimals of a minor unit. */
  unitCost: z.string(),
});
export type PricePointRow = z.infer<typeof pricePointSchema>;

export const productPriceTrendSchema = z.object({
  productId: z.string(),
  sku: z.string(),
  name: z.string(),
  unit: z.string(),
  /** Oldest first. */
  points: z.array(pricePointSchema),
  first: z.string(),
  latest: z.string(),
  /** (latest − first) ÷ first, 4 decimals; null with one price only, or a free first one. */
  change: z.number().nullable(),
});
export type ProductPriceTrend = z.infer<typeof productPriceTrendSchema>;

export const supplierPerformanceSchema = supplierPerformanceSummarySchema.extend({
  from: z.string().nullable(),
  to: z.string().nullable(),
  /** By SKU. */
  products: z.array(productPriceTrendSchema),
});
export type SupplierPerformance = z.infer<typeof supplierPerformanceSchema>;
