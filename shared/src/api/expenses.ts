import { z } from 'zod';

/** Wire schemas of expense documents: costs paid and other income received, outside stock and sales. */

/** Accounts an expense document may name; others (cost of goods, stock, control accounts) belong to their own documents. */
export const EXPENSE_ACCOUNTS = { expense: ['6601', '6602'], income: ['6051', '6301'] } as const;

const dateOf = (field: string) => z.iso.date({ message: `${field} must be a date YYYY-MM-DD` });
const moneyOf = (field: string) =>
  z.number({ message: `${field} must be a number` }).int(`${field} must be whole minor units`).min(0, `${field} must not be negative`).max(Number.MAX_SAFE_INTEGER);

export const expenseInputSchema = z
  .object({
    kind: z.enum(['expense', 'income'], { message: 'kind must be expense or income' }),
    documentDate: dateOf('documentDate'),
    accountCode: z.string({ message: 'accountCode must be text' }),
    storeId: z.uuid({ message: 'storeId must be a uuid' }).nullable().default(null),
    description: z.string({ message: 'description must be text' }).trim().min(1, 'description is required').max(200, 'description is at most 200 characters'),
    amount: moneyOf('amount').refine((a) => a > 0, 'amount must be greater than zero'),
    tax: moneyOf('tax').default(0),
    method: z.enum(['cash', 'bank'], { message: 'method must be cash or bank' }),
    reference: z.string().trim().max(100, 'reference is at most 100 characters').default(''),
  })
  .superRefine((v, ctx) => {
    const allowed: readonly string[] = EXPENSE_ACCOUNTS[v.kind];
    if (!allowed.includes(v.accountCode)) ctx.addIssue({ code: 'custom', path: ['accountCode'], message: `accountCode must be one of ${allowed.join(', ')} for ${v.kind}` });
    if (v.tax > 0 && v.kind === 'income') ctx.addIssue({ code: 'custom', path: ['tax'], message: 'tax is input VAT on an expense; income takes none here' });
    if (v.tax >= v.amount && v.tax > 0) ctx.addIssue({ code: 'custom', path: ['tax'], message: 'tax must be less than the amount it is part of' });
  });
export type ExpenseInput = z.input<typeof expenseInputSchema>;

export const expenseDocumentSchema = z.object({
  id: z.string(),
  number: z.string(),
  kind: z.enum(['expense', 'income']),
  documentDate: z.string(),
  accountCode: z.string(),
  storeId: z.string().nullable(),
  description: z.string(),
  amount: z.number().int(),
  tax: z.number().int(),
  method: z.enum(['cash', 'bank']),
  reference: z.string(),
  createdAt: z.string(),
});
export type ExpenseDocument = z.infer<typeof expenseDocumentSchema>;

export const expenseQuerySchema = z.object({
  from: dateOf('from').optional(),
  to: dateOf('to').optional(),
});
