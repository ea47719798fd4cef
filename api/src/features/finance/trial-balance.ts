import type { AccountType, TrialBalance } from '@shopbook/shared';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { rows } from '../../db/rows.ts';

interface Row {
  code: string;
  name: string;
  name_zh: string;
  type: AccountType;
  debit: string | number;
  credit: string | number;
}

function toMoney(v: string | number): number {
  const n = Number(v);
  if (!Number.isSafeInteger(n)) throw new RangeError(`sum out of range: ${v}`);
  return n;
}

/** Debit and credit per account up to a date (inclusive), from the posted lines. */
export async function trialBalance(db: DbOrTx, asOf?: string): Promise<TrialBalance> {
  const dateFilter = asOf ? sql`AND e.entry_date <= ${asOf}` : sql``;
  const result = await rows<Row>(
    db,
    sql`SELECT a.code, a.name, a.name_zh, a.type,
               coalesce(sum(l.debit), 0) AS debit, coalesce(sum(l.credit), 0) AS credit
          FROM accounts a
          LEFT JOIN (journal_lines l JOIN journal_entries e ON e.id = l.entry_id ${dateFilter})
            ON l.account_code = a.code
         GROUP BY a.code, a.name, a.name_zh, a.type
         ORDER BY a.code`,
  );
  const out = result.map((r) => {
    const debit = toMoney(r.debit);
    const credit = toMoney(r.credit);
    return { accountCode: r.code, accountName: r.name, accountNameZh: r.name_zh, type: r.type, debit, credit, balance: debit - credit };
  });
  return {
    asOf: asOf ?? null,
    rows: out,
    totals: { debit: out.reduce((s, r) => s + r.debit, 0), credit: out.reduce((s, r) => s + r.credit, 0) },
  };
}
