import { assertBalanced, JournalError, newId, type JournalLineInput } from '@shopbook/shared';
import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { accounts, journalEntries, journalLines } from '../../db/schema/index.ts';
import { DomainError } from '../../http/errors.ts';

const knownAccounts = new Set<string>();

export interface PostEntryInput {
  date: string;
  sourceType: string;
  sourceId?: string | null;
  memo?: string;
  lines: readonly JournalLineInput[];
  userId?: string | null;
  postedAt: Date;
}

/**
 * The one way money reaches the books. Refuses an unbalanced entry or an unknown
 * account before writing; the database's deferred trigger checks balance again at
 * commit. Call it inside the transaction of the document that causes the entry.
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
  await db.insert(journalEntries).values({
    id,
    entryDate: input.date,
    postedAt: input.postedAt,
    sourceType: input.sourceType,
    sourceId: input.sourceId ?? null,
    memo: input.memo ?? '',
    createdBy: input.userId ?? null,
  });
  await db.insert(journalLines).values(
    input.lines.map((l, i) => ({
      id: newId(),
      entryId: id,
      lineNo: i + 1,
      accountCode: l.accountCode,
      debit: l.debit,
      credit: l.credit,
      memo: l.memo ?? '',
    })),
  );
  return id;
}
