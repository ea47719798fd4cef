import { z } from 'zod';

const int = z.number().int();

/** What a manager reads each morning: sales against last year, the margin, what sells, when. */
export const salesDashboardQuerySchema = z.object({
  date: z.iso.date({ message: 'date must be a date YYYY-MM-DD' }).optional(),
  /** IANA time zone for the hours of the day; default UTC. */
  tz: z
    .string()
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, 'tz must be an IANA time zone such as Asia/Shanghai')
    .optional(),
});

const compare = z.object({ from: z.string(), to: z.string(), net: int, lastYear: int });

export const salesDashboardSchema = z.object({
  date: z.string(),
  /** Net sales before tax as the books count revenue (6001), against the same days a year before. */
  today: compare,
  monthToDate: compare,
  /** The last 30 days: revenue, cost of goods sold, gross margin in basis points (null without revenue). */
  marginTrend: z.array(z.object({ date: z.string(), revenue: int, cost: int, marginBp: int.nullable() })),
  /** Till sales this month, by net before tax, the ten largest. */
  topProducts: z.array(z.object({ productId: z.string(), sku: z.string(), name: z.string(), qty: z.string(), net: int })),
  /** Till sales of the last 28 days by day of week (0 = Sunday) and hour, in `tz`. */
  byHour: z.array(z.object({ weekday: int, hour: int, net: int })),
  /** Open customer invoices and supplier invoices due by `date`. */
  receivablesDue: int,
  payablesDue: int,
});
export type SalesDashboard = z.infer<typeof salesDashboardSchema>;
