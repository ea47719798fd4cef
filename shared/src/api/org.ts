import { z } from 'zod';
import { logoRasterSchema } from '../printing/logo.ts';

export const companySchema = z.object({
  name: z.string(),
  taxNumber: z.string(),
  currency: z.string(),
  pricesIncludeTax: z.boolean(),
});
export type Company = z.infer<typeof companySchema>;

/** The seller's block of a VAT invoice besides name and tax number. */
export const companyInvoiceDetailsSchema = z.object({
  address: z.string().trim().max(200),
  phone: z.string().trim().max(50),
  bankName: z.string().trim().max(100),
  bankAccount: z.string().trim().max(50),
});
export type CompanyInvoiceDetails = z.infer<typeof companyInvoiceDetailsSchema>;

export const storeSchema = z.object({ id: z.string(), code: z.string(), name: z.string() });
export type Store = z.infer<typeof storeSchema>;

/** What a store's receipts print besides the sale: text above and below, and a logo. */
export const storeReceiptSettingsSchema = z.object({
  receiptHeader: z.string().trim().max(500, 'receiptHeader must be at most 500 characters'),
  receiptFooter: z.string().trim().max(500, 'receiptFooter must be at most 500 characters'),
  receiptLogo: logoRasterSchema.nullable(),
});
export type StoreReceiptSettings = z.infer<typeof storeReceiptSettingsSchema>;

export const warehouseSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  storeId: z.string().nullable(),
});
export type Warehouse = z.infer<typeof warehouseSchema>;

export const dashboardSummarySchema = z.object({
  company: companySchema,
  counts: z.object({
    products: z.number().int(),
    categories: z.number().int(),
    customers: z.number().int(),
    suppliers: z.number().int(),
    stores: z.number().int(),
    warehouses: z.number().int(),
    users: z.number().int(),
  }),
  productsByCategory: z.array(z.object({ category: z.string(), count: z.number().int() })),
  /** What needs attention: products at or below reorder point, below zero, batches expiring within 30 days. */
  alerts: z.object({ lowStock: z.number().int(), negativeStock: z.number().int(), expiringSoon: z.number().int() }),
});
export type DashboardSummary = z.infer<typeof dashboardSummarySchema>;
