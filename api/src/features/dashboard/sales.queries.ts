import { ratioBp, type SalesDashboard } from '@shopbook/shared';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { rows } from '../../db/rows.ts';

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const lastYear = (date: string) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  // 29 February a year back is 1 March: keep the end of February instead.
  return d.toISOString().slice(5, 7) === date.slice(5, 7) ? d.toISOString().slice(0, 10) : addDays(d.toISOString().slice(0, 10), -1);
};
const n = (v: string | number | null | undefined) => Number(v ?? 0);


/** Revenue (6001) less nothing: credit − debit of sales revenue between two dates. */
async function revenue(db: DbOrTx, from: string, to: string): Promise<number> {
  const [r] = await rows<{ v: string | null }>(
    db,
    sql`SELECT sum(l.credit - l.debit)::text AS v FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id
         WHERE l.account_code LIKE '6001%' AND e.entry_date BETWEEN ${from}::date AND ${to}::date`,
  );
  return n(r?.v);
}

/**
 * Sales against last year and the margin from the books (so they agree with the profit
 * and loss), what sells and when from the till's sale lines, and what is due.
 */
export async function salesDashboard(db: DbOrTx, date: string, tz: string): Promise<SalesDashboard> {
  const monthStart = `${date.slice(0, 8)}01`;
  const [today, todayLastYear, mtd, mtdLastYear] = await Promise.all([
    revenue(db, date, date),
    revenue(db, lastYear(date), lastYear(date)),
    revenue(db, monthStart, date),
    revenue(db, lastYear(monthStart), lastYear(date)),
  ]);
  const trendFrom = addDays(date, -29);
  const trend = await rows<{ d: string; revenue: string; cost: string }>(
    db,
    sql`SELECT to_char(e.entry_date, 'YYYY-MM-DD') AS d,
               sum(CASE WHEN l.account_code LIKE '6001%' THEN l.credit - l.debit ELSE 0 END)::text AS revenue,
               sum(CASE WHEN l.account_code LIKE '6401%' THEN l.debit - l.credit ELSE 0 END)::text AS cost
          FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id
         WHERE e.entry_date BETWEEN ${trendFrom}::date AND ${date}::date AND (l.account_code LIKE '6001%' OR l.account_code LIKE '6401%')
         GROUP BY 1`,
  );
  const byDay = new Map(trend.map((r) => [r.d, r]));
  const marginTrend = Array.from({ length: 30 }, (_, i) => {
    const d = addDays(trendFrom, i);
    const r = byDay.get(d);
    const rev = n(r?.revenue);
    const cost = n(r?.cost);
    return { date: d, revenue: rev, cost, marginBp: ratioBp(rev - cost, rev) };
  });
  const top = await rows<{ product_id: string; sku: string; name: string; qty: string; net: string }>(
    db,
    sql`SELECT l.product_id, p.sku, p.name, sum(l.qty)::text AS qty, sum(l.net)::text AS net
          FROM sale_lines l JOIN sales s ON s.id = l.sale_id JOIN products p ON p.id = l.product_id
         WHERE (s.occurred_at AT TIME ZONE ${tz})::date BETWEEN ${monthStart}::date AND ${date}::date
         GROUP BY l.product_id, p.sku, p.name ORDER BY sum(l.net) DESC, p.sku LIMIT 10`,
  );
  const hours = await rows<{ weekday: string | number; hour: string | number; net: string }>(
    db,
    sql`SELECT extract(dow FROM s.occurred_at AT TIME ZONE ${tz})::int AS weekday, extract(hour FROM s.occurred_at AT TIME ZONE ${tz})::int AS hour,
               sum(s.net)::text AS net
          FROM sales s
         WHERE (s.occurred_at AT TIME ZONE ${tz})::date BETWEEN ${addDays(date, -27)}::date AND ${date}::date
         GROUP BY 1, 2 ORDER BY 1, 2`,
  );
  const [due] = await rows<{ receivables: string | null; payables: string | null }>(
    db,
    sql`SELECT (SELECT sum(gross - settled) FROM customer_invoices WHERE kind = 'invoice' AND due_date <= ${date}::date)::text AS receivables,
               (SELECT sum(base_gross - paid) FROM supplier_invoices WHERE status = 'posted' AND due_date <= ${date}::date)::text AS payables`,
  );
  return {
    date,
    today: { from: date, to: date, net: today, lastYear: todayLastYear },
    monthToDate: { from: monthStart, to: date, net: mtd, lastYear: mtdLastYear },
    marginTrend,
    topProducts: top.map((r) => ({ productId: r.product_id, sku: r.sku, name: r.name, qty: r.qty.replace(/\.?0+$/, '') || '0', net: n(r.net) })),
    byHour: hours.map((h) => ({ weekday: n(h.weekday), hour: n(h.hour), net: n(h.net) })),
    receivablesDue: n(due?.receivables),
    payablesDue: n(due?.payables),
  };
}
