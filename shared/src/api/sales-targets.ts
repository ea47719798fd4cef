import { z } from 'zod';
import { isMonth } from '../sales-targets/progress.ts';

/** Wire schemas of monthly sales targets and progress against them. Money: minor units, net of tax. */

export const monthSchema = z
  .string({ message: 'month must be text YYYY-MM' })
  .refine(isMonth, 'month must be a month YYYY-MM (01–12)');

export const salesTargetInputSchema = z.object({
  storeId: z.uuid({ message: 'storeId must be a uuid' }),
  /** Null or left out: the store's own target. */
  salespersonId: z.uuid({ message: 'salespersonId must be a uuid' }).nullable().default(null),
  month: monthSchema,
  amount: z
    .number({ message: 'amount must be a number' })
    .int('amount must be whole minor units')
    .min(0, 'amount must not be negative')
    .max(100_000_000_000, 'amount is too large'),
});
export type SalesTargetInput = z.input<typeof salesTargetInputSchema>;

export const salesTargetQuerySchema = z.object({ month: monthSchema.optional() });

export const targetStatusSchema = z.enum(['reached', 'on_pace', 'behind', 'no_target']);

const progressFields = {
  /** The target id, null when none is set. */
  targetId: z.string().nullable(),
  target: z.number().int().nullable(),
  /** Net sales before tax in the month: till sales less refunds, plus invoices less credit notes. */
  actual: z.number().int(),
  tillNet: z.number().int(),
  invoicedNet: z.number().int(),
  percentBp: z.number().int().nullable(),
  expected: z.number().int().nullable(),
  remaining: z.number().int().nullable(),
  status: targetStatusSchema,
};

export const salespersonProgressSchema = z.object({ salespersonId: z.string(), salespersonName: z.string(), ...progressFields });
export type SalespersonProgress = z.infer<typeof salespersonProgressSchema>;

export const storeProgressSchema = z.object({
  storeId: z.string(),
  storeCode: z.string(),
  storeName: z.string(),
  /** The store's own figures; null for someone who sees only their own (no sales.all). */
  store: z.object(progressFields).nullable(),
  salespeople: z.array(salespersonProgressSchema),
});
export type StoreProgress = z.infer<typeof storeProgressSchema>;

export const salesTargetProgressSchema = z.object({
  month: z.string(),
  today: z.string(),
  daysElapsed: z.number().int(),
  daysInMonth: z.number().int(),
  stores: z.array(storeProgressSchema),
});
export type SalesTargetProgress = z.infer<typeof salesTargetProgressSchema>;

export const salesTargetSchema = z.object({
  id: z.string(),
  storeId: z.string(),
  salespersonId: z.string().nullable(),
  month: z.string(),
  amount: z.number().int(),
  updatedAt: z.string(),
});
export type SalesTarget = z.infer<typeof salesTargetSchema>;
