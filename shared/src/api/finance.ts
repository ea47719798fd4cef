import { z } from 'zod';

export const ACCOUNT_TYPES = ['asset', 'liability', 'equity', 'revenue', 'expense'] as const;
export type AccountType = (typeof ACCOUNT_TYPES)[number];

export const accountSchema = z.object({ code: z.string(), name: z.string(), nameZh: z.string(), type: z.enum(ACCOUNT_TYPES) });
export type Account = z.infer<typeof accountSchema>;

/** Money in every response is an integer of minor units (cents, 分). */
export const trialBalanceRowSchema = z.object({
  accountCode: z.string(),
  accountName: z.string(),
  accountNameZh: z.string(),
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

const money = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/** A manual journal entry; documents post their own entries through the same function. */
export const journalEntryRequestSchema = z.object({
  date: z.iso.date({ message: 'date must be a date YYYY-MM-DD' }),
  memo: z.string().trim().max(500).default(''),
  lines: z
    .array(
      z.object({
        accountCode: z.string().trim().min(1, 'accountCode is required').max(32),
        debit: money.default(0),
        credit: money.default(0),
        memo: z.string().trim().max(200).default(''),
      }),
    )
    .min(2, 'an entry needs at least two lines')
    .max(500),
});
export type JournalEntryRequest = z.input<typeof journalEntryRequestSchema>;

export const accountListSchema = z.object({ items: z.array(accountSchema) });
