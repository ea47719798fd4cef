/**
 * Period close: a month is locked so that nothing more is posted into it. The state is
 * one date, `closedThrough` (the last day of the last closed month, or null while
 * nothing is closed); closing moves it forward one month, reopening moves it back one,
 * so months close in order and every month up to it is closed. Dates are ISO strings
 * (`YYYY-MM-DD`, months `YYYY-MM`), compared as strings; no time zones enter here.
 */

export type PeriodErrorCode = 'out_of_order' | 'not_ended' | 'nothing_closed';

export class PeriodError extends Error {
  override readonly name = 'PeriodError';
  readonly code: PeriodErrorCode;

  constructor(code: PeriodErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function isMonthString(value: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
}

/** `2026-03-17` → `2026-03`. */
export function monthOfDate(date: string): string {
  return date.slice(0, 7);
}

function parts(month: string): [number, number] {
  return [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
}

function monthString(year: number, month: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

export function nextMonthOf(month: string): string {
  const [y, m] = parts(month);
  return m === 12 ? monthString(y + 1, 1) : monthString(y, m + 1);
}

export function previousMonthOf(month: string): string {
  const [y, m] = parts(month);
  return m === 1 ? monthString(y - 1, 12) : monthString(y, m - 1);
}

/** `2026-02` → `2026-02-28` (leap years included). */
export function lastDayOfMonth(month: string): string {
  const [y, m] = parts(month);
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(days).padStart(2, '0')}`;
}

/** `2026-03` → `March 2026`, for messages. */
export function monthName(month: string): string {
  const [y, m] = parts(month);
  return `${MONTH_NAMES[m - 1]} ${y}`;
}

/** The day after a date. */
export function dayAfter(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Whether a posting dated `date` falls in a closed period. */
export function isInClosedPeriod(date: string, closedThrough: string | null): boolean {
  return closedThrough !== null && date <= closedThrough;
}

/** The first day still open to postings, or null while nothing is closed. */
export function firstOpenDay(closedThrough: string | null): string | null {
  return closedThrough === null ? null : dayAfter(closedThrough);
}

/**
 * The date a posting lands on when it must not be refused (a till's sale that syncs
 * after its month was closed: the customer has paid): its own date if open, else the
 * first open day.
 */
export function openPostingDate(date: string, closedThrough: string | null): string {
  return isInClosedPeriod(date, closedThrough) ? dayAfter(closedThrough!) : date;
}

/** The memo of an entry moved into the open period: it keeps the date it happened. */
export function movedEntryMemo(memo: string, originalDate: string): string {
  const note = `dated ${originalDate}, booked in the open period`;
  return memo ? `${memo} (${note})` : note;
}

/** The message a refused posting carries. */
export function closedPeriodMessage(date: string): string {
  return `${monthName(monthOfDate(date))} is closed; post into the open period`;
}

/**
 * The month a close would lock. After an earlier close, the month after it; before any,
 * the month of the earliest posting, or last month if that is later (months before any
 * posting have nothing to lock).
 */
export function nextMonthToClose(closedThrough: string | null, earliestPosting: string | null, today: string): string {
  if (closedThrough !== null) return nextMonthOf(monthOfDate(closedThrough));
  const lastMonth = previousMonthOf(monthOfDate(today));
  if (earliestPosting === null) return lastMonth;
  const first = monthOfDate(earliestPosting);
  return first < lastMonth ? first : lastMonth;
}

/**
 * Checks closing `month` and returns the new closed-through date. Only the next month
 * closes (so months close in order), and only once it has ended: the current month and
 * later months still take postings.
 */
export function closeMonth(month: string, closedThrough: string | null, earliestPosting: string | null, today: string): string {
  if (month >= monthOfDate(today)) {
    throw new PeriodError('not_ended', `${monthName(month)} has not ended; only past months close`);
  }
  const next = nextMonthToClose(closedThrough, earliestPosting, today);
  if (month !== next) {
    throw new PeriodError(
      'out_of_order',
      month > next
        ? `close ${monthName(next)} first; months close in order`
        : closedThrough === null
          ? `nothing was posted in ${monthName(month)}; the first month to close is ${monthName(next)}`
          : `${monthName(month)} is already closed; the next month to close is ${monthName(next)}`,
    );
  }
  return lastDayOfMonth(month);
}

/**
 * Checks reopening `month` and returns the new closed-through date: only the last
 * closed month reopens, one at a time, so what stays closed is still every month up to a date.
 */
export function reopenMonth(month: string, closedThrough: string | null): string {
  if (closedThrough === null) throw new PeriodError('nothing_closed', 'no month is closed');
  const last = monthOfDate(closedThrough);
  if (month !== last) {
    throw new PeriodError('out_of_order', `only the last closed month, ${monthName(last)}, can be reopened`);
  }
  return lastDayOfMonth(previousMonthOf(month));
}
