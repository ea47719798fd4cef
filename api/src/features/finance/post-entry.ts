import { assertBalanced, closedPeriodMessage, isInClosedPeriod, JournalError, movedEntryMemo, newId, openPostingDate, type JournalLineInput } from '@shopbook/shared';
import { inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { accounts } from '../../db/schema/index.ts';
import { DomainError } from '../../http/errors.ts';
import { closedThrough } from './periods.queries.ts';

const knownAccounts = new Set<string>();

export interface PostEntryInput {
  date: string;
  sourceType: string;
  sourceId?: string | null;
  memo?: string;
  lines: readonly JournalLineInput[];
  userId?: string | null;
  postedAt: Date;
  /**
   * A date in a closed month: 'refuse' (documents a person enters, who can date them
   * again) answers 422 on `dateField`; 'open_period' (a till's sale, return or shift
   * that syncs late: the customer has paid, it is never refused) books the entry on the
   * first open day and keeps its own date in the memo.
   */
  whenClosed?: 'refuse' | 'open_period';
  /** The request field the date came from, named by a refusal (default `date`). */
  dateField?: string;
}

/**
 * The one way money reaches the books. Refuses an unbalanced entry or an unknown
 * account before writing; a database trigger checks the balance again after the
 * statement that writes the lines; another refuses a date in a closed month, which
 * this checks first (see `whenClosed`). Call it inside the transaction of the document that causes the entry.
 */
export async function postJournalEntry(db: DbOrTx, input: PostEntryInput): Promise<string> {
  try {
    assertBalanced(input.lines);
  } catch (e) {
    if (e instanceof JournalError) {
      const field = e.lineIndex === undefined ? 'lines' : `lines.${e.lineIndex}`;
      throw new DomainError('unprocessable', e.message, field);
    }
    throw e;
  }
  let date = input.date;
  let memo = input.memo ?? '';
  const through = await closedThrough(db);
  if (isInClosedPeriod(date, through)) {
    if (input.whenClosed !== 'open_period') throw new DomainError('unprocessable', closedPeriodMessage(date), input.dateField ?? 'date');
    date = openPostingDate(date, through);
    memo = movedEntryMemo(memo, input.date);
  }
  const codes = [...new Set(input.lines.map((l) => l.accountCode))];
  // Accounts are never removed, so a code seen once needs no second look-up.
  const unseen = codes.filter((c) => !knownAccounts.has(c));
  const known = unseen.length ? await db.select({ code: accounts.code }).from(accounts).where(inArray(accounts.code, unseen)) : [];
  for (const k of known) knownAccounts.add(k.code);
  const missing = unseen.filter((c) => !knownAccounts.has(c));
  if (missing.length) {
    const index = input.lines.findIndex((l) => l.accountCode === missing[0]);
    throw new DomainError('unprocessable', `unknown account ${missing.join(', ')}`, `lines.${index}.accountCode`);
  }
  const id = newId();
  // Entry and lines in one statement: one round trip inside the document's transaction.
  const lineValues = input.lines.map(
    (l, i) => sql`(${newId()}::uuid, ${id}::uuid, ${i + 1}::int, ${l.accountCode}, ${l.debit}::bigint, ${l.credit}::bigint, ${l.memo ?? ''})`,
  );
  await db.execute(sql`
    WITH entry AS (
      INSERT INTO journal_entries (id, entry_date, posted_at, source_type, source_id, memo, created_by)
      VALUES (${id}::uuid, ${date}::date, ${input.postedAt.toISOString()}::timestamptz, ${input.sourceType}, ${input.sourceId ?? null},
              ${memo}, ${input.userId ?? null}::uuid)
      RETURNING id)
    INSERT INTO journal_lines (id, entry_id, line_no, account_code, debit, credit, memo)
    SELECT v.id, v.entry_id, v.line_no, v.account_code, v.debit, v.credit, v.memo
      FROM entry, (VALUES ${sql.join(lineValues, sql`, `)}) AS v(id, entry_id, line_no, account_code, debit, credit, memo)`);
  return id;
}
