import { z } from 'zod';
import { isMonthString } from '../finance/period.ts';

const month = z.string().refine(isMonthString, 'month must be a month YYYY-MM');

export const periodCloseEntrySchema = z.object({
  id: z.string(),
  action: z.enum(['close', 'reopen']),
  /** The month closed or reopened, `YYYY-MM`. */
  month: z.string(),
  /** Last day of the last closed month after this step, or null when nothing stayed closed. */
  closedThrough: z.string().nullable(),
  userName: z.string().nullable(),
  at: z.string(),
  note: z.string(),
});
export type PeriodCloseEntry = z.infer<typeof periodCloseEntrySchema>;

export const periodStatusSchema = z.object({
  /** Last day of the last closed month; nothing on or before it takes postings. */
  closedThrough: z.string().nullable(),
  /** The first day postings may carry, or null while nothing is closed. */
  firstOpenDay: z.string().nullable(),
  /** The month a close would lock next, and whether it has ended (only past months close). */
  nextToClose: z.string(),
  canCloseNext: z.boolean(),
  history: z.array(periodCloseEntrySchema),
});
export type PeriodStatus = z.infer<typeof periodStatusSchema>;

export const closePeriodInputSchema = z.object({
  month,
  note: z.string().trim().max(500, 'note must be at most 500 characters').default(''),
});
export type ClosePeriodInput = z.input<typeof closePeriodInputSchema>;

export const reopenPeriodInputSchema = z.object({
  month,
  note: z.string().trim().min(1, 'note is required: say why the month is reopened').max(500, 'note must be at most 500 characters'),
});
export type ReopenPeriodInput = z.input<typeof reopenPeriodInputSchema>;
