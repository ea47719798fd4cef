import { z } from 'zod';

export const ACCOUNT_TYPES = ['asset', 'liability', 'equity', 'revenue', 'expense'] as const;
export type AccountType = (typeof ACCOUNT_TYPES)[number];

export const accountSchema = z.object({ code: z.string(), name: z.string(), type: z.enum(ACCOUNT_TYPES) });
export type Account = z.infer<typeof accountSchema>;

/** Money in every response is an integer of minor units (cents, 分). */
export const trialBalanceRowSchema = z.object({
  accountCode: z.string(),
  accountName: z.string(),
  type: z.enum(ACCOUNT_TYPES),
  debit: z.number().int(),
  credit: z.number().int(),
  balance: z.number().int(),
});
export const trialBalanceSchema = z.object({
  asOf: z.string().nullable(),
  rows: z.array(trialBalanceRowSchema),
  totals: z.object({ debit: z.number().int(), credit: z.number().int() }),
});
export type TrialBalance = z.infer<typeof trialBalanceSchema>;

export const trialBalanceQuerySchema = z.object({
  asOf: z.iso.date({ message: 'asOf must be a date YYYY-MM-DD' }).optional(),
});
