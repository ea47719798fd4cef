import { type AccountBalance, type AccountLines, type AccountType, type BalanceSheet, balanceSheet, type ProfitAndLoss, profitAndLoss } from '@shopbook/shared';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { rows } from '../../db/rows.ts';
import { DomainError } from '../../http/errors.ts';

/**
 * Company-wide statements from the posted journal lines. Journal entries carry no
 * store, so there is no per-store view yet.
 */

interface BalanceRow {
  code: string;
  name: string;
  name_zh: string;
  type: AccountType;
  debit: string | number;
  credit: string | number;
}

function toMoney(v: string | number | null): number {
  const n = Number(v ?? 0);
  if (!Number.isSafeInteger(n)) throw new RangeError(`sum out of range: ${v}`);
  return n;
}

const toBalance = (r: BalanceRow): AccountBalance => ({ code: r.code, name: r.name, nameZh: r.name_zh, type: r.type, debit: toMoney(r.debit), credit: toMoney(r.credit) });

/** Debit and credit per account over entries dated in [from, to] (from omitted: since the start). */
async function balances(db: DbOrTx, range: { from?: string; to: string }): Promise<AccountBalance[]> {
  const fromFilter = range.from ? sql`AND e.entry_date >= ${range.from}` : sql``;
  const result = await rows<BalanceRow>(
    db,
    sql`SELECT a.code, a.name, a.name_zh, a.type,
               coalesce(sum(l.debit), 0) AS debit, coalesce(sum(l.credit), 0) AS credit
          FROM accounts a
          LEFT JOIN (journal_lines l JOIN journal_entries e ON e.id = l.entry_id AND e.entry_date <= ${range.to} ${fromFilter})
            ON l.account_code = a.code
         GROUP BY a.code, a.name, a.name_zh, a.type
         ORDER BY a.code`,
  );
  return result.map(toBalance);
}

export async function profitAndLossReport(db: DbOrTx, range: { from: string; to: string }): Promise<ProfitAndLoss> {
  const figures = profitAndLoss(await balances(db, range));
  // Per month of the range, for the chart: only revenue and expense accounts.
  const monthly = await rows<BalanceRow & { month: string }>(
    db,
    sql`SELECT to_char(e.entry_date, 'YYYY-MM') AS month, a.code, a.name, a.name_zh, a.type,
               sum(l.debit) AS debit, sum(l.credit) AS credit
          FROM journal_lines l
          JOIN journal_entries e ON e.id = l.entry_id
          JOIN accounts a ON a.code = l.account_code
         WHERE e.entry_date BETWEEN ${range.from} AND ${range.to} AND a.type IN ('revenue', 'expense')
         GROUP BY 1, a.code, a.name, a.name_zh, a.type`,
  );
  const byMonth = new Map<string, AccountBalance[]>();
  for (const m of monthsBetween(range.from, range.to)) byMonth.set(m, []);
  for (const r of monthly) byMonth.get(r.month)?.push(toBalance(r));
  const months = [...byMonth].map(([month, b]) => {
    const pl = profitAndLoss(b);
    return { month, revenue: pl.revenue.total, costOfGoodsSold: pl.costOfGoodsSold.total, grossMargin: pl.grossMargin };
  });
  return { from: range.from, to: range.to, ...figures, months };
}

/** The calendar months a range touches, capped at ten years so a silly range stays cheap. */
function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const end = to.slice(0, 7);
  while (out.length < 120) {
    const month = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
    if (month > end) break;
    out.push(month);
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  return out;
}

export async function balanceSheetReport(db: DbOrTx, asOf: string): Promise<BalanceSheet> {
  return { asOf, ...balanceSheet(await balances(db, { to: asOf })) };
}

/**
 * The document behind a journal entry, by its own number. Each known source type names
 * its table; the scalar subquery runs only for entries of that type, by primary key.
 */
const documentRef = sql`CASE e.source_type
    WHEN 'sale' THEN (SELECT receipt_no FROM sales WHERE id = e.source_id::uuid)
    WHEN 'sale_return' THEN (SELECT receipt_no FROM sale_returns WHERE id = e.source_id::uuid)
    WHEN 'customer_invoice' THEN (SELECT number FROM customer_invoices WHERE id = e.source_id::uuid)
    WHEN 'credit_note' THEN (SELECT number FROM customer_invoices WHERE id = e.source_id::uuid)
    WHEN 'customer_payment' THEN (SELECT number FROM customer_payments WHERE id = e.source_id::uuid)
    WHEN 'supplier_invoice' THEN (SELECT number FROM supplier_invoices WHERE id = e.source_id::uuid)
    WHEN 'supplier_payment' THEN (SELECT number FROM supplier_payments WHERE id = e.source_id::uuid)
    WHEN 'purchase_receipt' THEN (SELECT number FROM purchase_receipts WHERE id = e.source_id::uuid)
    WHEN 'purchase_return' THEN (SELECT number FROM purchase_returns WHERE id = e.source_id::uuid)
    WHEN 'stock_receipt' THEN (SELECT number FROM stock_receipts WHERE id = e.source_id::uuid)
    WHEN 'stock_adjustment' THEN (SELECT number FROM stock_adjustments WHERE id = e.source_id::uuid)
    WHEN 'stock_take' THEN (SELECT number FROM stock_takes WHERE id = e.source_id::uuid)
    WHEN 'transfer' THEN (SELECT number FROM transfers WHERE id = e.source_id::uuid)
    WHEN 'sales_shipment' THEN (SELECT number FROM sales_shipments WHERE id = e.source_id::uuid)
  END`;

interface LineRow {
  id: string;
  entry_id: string;
  entry_date: string | Date;
  memo: string;
  source_type: string;
  source_id: string | null;
  document_ref: string | null;
  debit: string | number;
  credit: string | number;
  running: string | number;
  total: string | number;
}

const isoDate = (d: string | Date) => (typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10));

/** One account's lines in a range, oldest first, with the opening and running balance (debit − credit). */
export async function accountLines(
  db: DbOrTx,
  params: { code: string; from: string; to: string; page: number; pageSize: number },
): Promise<AccountLines> {
  const [account] = await rows<{ code: string; name: string; name_zh: string; type: string }>(db, sql`SELECT code, name, name_zh, type FROM accounts WHERE code = ${params.code}`);
  if (!account) throw new DomainError('not_found', `no account ${params.code}`, 'code');
  const [sums] = await rows<{ opening: string | number | null; debit: string | number | null; credit: string | number | null }>(
    db,
    sql`SELECT sum(CASE WHEN e.entry_date < ${params.from} THEN l.debit - l.credit END) AS opening,
               sum(CASE WHEN e.entry_date >= ${params.from} THEN l.debit END) AS debit,
               sum(CASE WHEN e.entry_date >= ${params.from} THEN l.credit END) AS credit
          FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id
         WHERE l.account_code = ${params.code} AND e.entry_date <= ${params.to}`,
  );
  const opening = toMoney(sums?.opening ?? 0);
  const totals = { debit: toMoney(sums?.debit ?? 0), credit: toMoney(sums?.credit ?? 0) };
  const page = await rows<LineRow>(
    db,
    sql`WITH ranged AS (
          SELECT l.id, l.entry_id, e.entry_date, coalesce(nullif(l.memo, ''), e.memo) AS memo, e.source_type, e.source_id, l.debit, l.credit,
                 sum(l.debit - l.credit) OVER (ORDER BY e.entry_date, e.posted_at, e.id, l.line_no) AS running,
                 count(*) OVER () AS total,
                 row_number() OVER (ORDER BY e.entry_date, e.posted_at, e.id, l.line_no) AS n
            FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id
           WHERE l.account_code = ${params.code} AND e.entry_date BETWEEN ${params.from} AND ${params.to}
        )
        SELECT r.id, r.entry_id, r.entry_date::text AS entry_date, r.memo, r.source_type, r.source_id, r.debit, r.credit, r.running, r.total,
               ${documentRef} AS document_ref
          FROM ranged r JOIN journal_entries e ON e.id = r.entry_id
         WHERE r.n > ${(params.page - 1) * params.pageSize}
         ORDER BY r.n
         LIMIT ${params.pageSize}`,
  );
  return {
    account: { code: account.code, name: account.name, nameZh: account.name_zh, type: account.type },
    from: params.from,
    to: params.to,
    opening,
    closing: opening + totals.debit - totals.credit,
    totals,
    items: page.map((r) => ({
      id: r.id, entryId: r.entry_id, date: isoDate(r.entry_date), memo: r.memo, sourceType: r.source_type, sourceId: r.source_id,
      documentRef: r.document_ref, debit: toMoney(r.debit), credit: toMoney(r.credit), balance: opening + toMoney(r.running),
    })),
    total: toMoney(page[0]?.total ?? (await countLines(db, params))),
  };
}

async function countLines(db: DbOrTx, params: { code: string; from: string; to: string }): Promise<number> {
  const [r] = await rows<{ n: string | number }>(
    db,
    sql`SELECT count(*) AS n FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id
         WHERE l.account_code = ${params.code} AND e.entry_date BETWEEN ${params.from} AND ${params.to}`,
  );
  return Number(r?.n ?? 0);
}
