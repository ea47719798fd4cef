import { newId } from '@shopbook/shared';
import { openDatabase, type Database } from '@shopbook/api/db/client';
import { postJournalEntry } from '@shopbook/api/features/finance/post-entry';
import { seedDemo } from '@shopbook/api/seed/demo';
import { sql } from 'drizzle-orm';

export interface BenchResult {
  name: string;
  figure: string;
  baseline: string;
  ratio: number;
}

const ENTRIES = 2_000;

function lines() {
  const amount = 100 + Math.floor(Math.random() * 100_000);
  const tax = Math.round((amount * 13) / 113);
  return [
    { accountCode: '1001', debit: amount, credit: 0 },
    { accountCode: '6001', debit: 0, credit: amount - tax },
    { accountCode: '222101', debit: 0, credit: tax },
  ];
}

/**
 * Posting through postJournalEntry (validation, account check, deferred balance
 * trigger, one transaction per entry, as documents do) beside the floor: the same rows
 * written with one multi-row INSERT per table in one transaction.
 */
export async function benchJournalPosting(database: Database, label: string): Promise<BenchResult> {
  const { db } = database;
  let t0 = performance.now();
  for (let i = 0; i < ENTRIES; i++) {
    await db.transaction((tx) =>
      postJournalEntry(tx, { date: '2026-03-01', sourceType: 'bench', lines: lines(), postedAt: new Date() }),
    );
  }
  const posted = ENTRIES / ((performance.now() - t0) / 1000);

  const entries = Array.from({ length: ENTRIES }, () => ({ id: newId(), lines: lines() }));
  t0 = performance.now();
  await db.transaction(async (tx) => {
    await tx.execute(sql`SET CONSTRAINTS ALL DEFERRED`);
    const entryValues = sql.join(entries.map((e) => sql`(${e.id}, '2026-03-01', now(), 'bench-raw')`), sql`, `);
    await tx.execute(sql`INSERT INTO journal_entries (id, entry_date, posted_at, source_type) VALUES ${entryValues}`);
    const lineValues = sql.join(
      entries.flatMap((e) => e.lines.map((l, i) => sql`(${newId()}, ${e.id}, ${i + 1}, ${l.accountCode}, ${l.debit}, ${l.credit})`)),
      sql`, `,
    );
    await tx.execute(sql`INSERT INTO journal_lines (id, entry_id, line_no, account_code, debit, credit) VALUES ${lineValues}`);
  });
  const raw = ENTRIES / ((performance.now() - t0) / 1000);
  return {
    name: `journal posting, ${label}`,
    figure: `${posted.toFixed(0)} entries/s`,
    baseline: `${raw.toFixed(0)} entries/s as one bulk INSERT`,
    ratio: posted / raw,
  };
}

export async function openBenchDatabase(url?: string): Promise<Database> {
  const database = await openDatabase(url ? { url } : { dataDir: 'memory://' });
  await database.migrate();
  await seedDemo(database.db, new Date());
  return database;
}
