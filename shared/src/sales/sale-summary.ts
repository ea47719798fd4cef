import { z } from 'zod';

/** A till sale as GET /api/sales lists it for the back office. */
export const tillSaleSummarySchema = z.object({
  id: z.string(),
  receiptNo: z.string(),
  storeId: z.string(),
  occurredAt: z.string(),
  net: z.number().int(),
  tax: z.number().int(),
  gross: z.number().int(),
  lineCount: z.number().int(),
});
export type TillSaleSummary = z.infer<typeof tillSaleSummarySchema>;
export const tillSalePageSchema = z.object({ total: z.number().int(), items: z.array(tillSaleSummarySchema) });
