import { closeMonth, monthOfDate, reopenMonth, type PeriodCloseEntry, type PeriodStatus, type SessionUser, firstOpenDay, nextMonthToClose, newId, PeriodError } from '@shopbook/shared';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { rows } from '../../db/rows.ts';
import { periodCloses } from '../../db/schema/index.ts';
import { DomainError } from '../../http/errors.ts';

/** Last day of the last closed month, or null while nothing is closed. */
export async function closedThrough(db: DbOrTx): Promise<string | null> {
  const [row] = await rows<{ closed_through: string | null }>(db, sql`SELECT closed_through::text AS closed_through FROM period_closes ORDER BY seq DESC LIMIT 1`);
  return row?.closed_through ?? null;
}

async function earliestPosting(db: DbOrTx): Promise<string | null> {
  const [row] = await rows<{ d: string | null }>(db, sql`SELECT min(entry_date)::text AS d FROM journal_entries`);
  return row?.d ?? null;
}

interface HistoryRow {
  id: string;
  action: 'close' | 'reopen';
  month: string;
  closed_through: string | null;
  user_name: string | null;
  at: string | Date;
  note: string;
}

export async function periodStatus(db: DbOrTx, today: string): Promise<PeriodStatus> {
  const history = await rows<HistoryRow>(
    db,
    sql`SELECT p.id, p.action, p.month, p.closed_through::text AS closed_through, u.display_name AS user_name, p.at, p.note
          FROM period_closes p LEFT JOIN users u ON u.id = p.user_id
         ORDER BY p.seq DESC LIMIT 200`,
  );
  const through = history[0]?.closed_through ?? null;
  const next = nextMonthToClose(through, await earliestPosting(db), today);
  return {
    closedThrough: through,
    firstOpenDay: firstOpenDay(through),
    nextToClose: next,
    canCloseNext: next < monthOfDate(today),
    history: history.map(
      (h): PeriodCloseEntry => ({
        id: h.id, action: h.action, month: h.month, closedThrough: h.closed_through, userName: h.user_name,
        at: new Date(h.at).toISOString(), note: h.note,
      }),
    ),
  };
}

/**
 * Closes or reopens one month. Locks journal_entries against writers first: a close
 * waits for documents already posting to commit (their entries were dated while the
 * month was open), and documents that post after it see the new date. The lock mode
 * conflicts with itself too, so two closes run one after the other.
 */
export async function changePeriod(
  db: DbOrTx,
  input: { action: 'close' | 'reopen'; month: string; note: string; user: Pick<SessionUser, 'id'>; now: Date },
): Promise<{ id: string; closedThrough: string | null; previous: string | null }> {
  await db.execute(sql`LOCK TABLE journal_entries IN SHARE ROW EXCLUSIVE MODE`);
  const through = await closedThrough(db);
  const today = input.now.toISOString().slice(0, 10);
  let next: string;
  try {
    next = input.action === 'close' ? closeMonth(input.month, through, await earliestPosting(db), today) : reopenMonth(input.month, through);
  } catch (e) {
    if (e instanceof PeriodError) throw new DomainError('unprocessable', e.message, 'month');
    throw e;
  }
  const id = newId();
  await db.insert(periodCloses).values({ id, action: input.action, month: input.month, closedThrough: next, userId: input.user.id, at: input.now, note: input.note });
  return { id, closedThrough: next, previous: through };
}
