import { z } from 'zod';

const int = z.number().int();
const date = (field: string) => z.iso.date({ message: `${field} must be a date YYYY-MM-DD` });

export const statementLineSchema = z.object({ code: z.string(), name: z.string(), nameZh: z.string(), amount: int });
export const statementSectionSchema = z.object({ lines: z.array(statementLineSchema), total: int });
export type StatementSectionDto = z.infer<typeof statementSectionSchema>;

/** A date range, both days included; `from` may not be after `to`. */
export const dateRangeQuerySchema = z
  .object({ from: date('from'), to: date('to') })
  .superRefine((v, ctx) => {
    if (v.from > v.to) ctx.addIssue({ code: 'custom', path: ['from'], message: 'from must not be after to' });
  });

export const profitAndLossSchema = z.object({
  from: z.string(),
  to: z.string(),
  revenue: statementSectionSchema,
  costOfGoodsSold: statementSectionSchema,
  grossMargin: int,
  grossMarginBp: int.nullable(),
  otherExpenses: statementSectionSchema,
  netProfit: int,
  /** Revenue, cost of goods sold and gross margin per calendar month of the range. */
  months: z.array(z.object({ month: z.string(), revenue: int, costOfGoodsSold: int, grossMargin: int })),
});
export type ProfitAndLoss = z.infer<typeof profitAndLossSchema>;

export const balanceSheetQuerySchema = z.object({ asOf: date('asOf') });
export const balanceSheetSchema = z.object({
  asOf: z.string(),
  assets: statementSectionSchema,
  liabilities: statementSectionSchema,
  equity: statementSectionSchema,
  profit: int,
  difference: int,
  balanced: z.boolean(),
});
export type BalanceSheet = z.infer<typeof balanceSheetSchema>;

export const accountLinesQuerySchema = z
  .object({
    from: date('from'),
    to: date('to'),
    page: z.coerce.number().int().min(1, 'page starts at 1').default(1),
    pageSize: z.coerce.number().int().min(1).max(200, 'pageSize is at most 200').default(50),
  })
  .superRefine((v, ctx) => {
    if (v.from > v.to) ctx.addIssue({ code: 'custom', path: ['from'], message: 'from must not be after to' });
  });

export const accountLineSchema = z.object({
  id: z.string(),
  entryId: z.string(),
  date: z.string(),
  memo: z.string(),
  sourceType: z.string(),
  sourceId: z.string().nullable(),
  /** The document's own number (receipt, invoice, receipt note…) when the source is a known document. */
  documentRef: z.string().nullable(),
  debit: int,
  credit: int,
  /** Debit − credit from the opening balance through this line. */
  balance: int,
});
export type AccountLine = z.infer<typeof accountLineSchema>;

export const accountLinesSchema = z.object({
  account: z.object({ code: z.string(), name: z.string(), nameZh: z.string(), type: z.string() }),
  from: z.string(),
  to: z.string(),
  /** Debit − credit before `from`. */
  opening: int,
  /** Debit − credit through `to`. */
  closing: int,
  totals: z.object({ debit: int, credit: int }),
  items: z.array(accountLineSchema),
  total: int,
});
export type AccountLines = z.infer<typeof accountLinesSchema>;
