/**
 * Progress against a monthly sales target (销售目标). Months are 'YYYY-MM' and days
 * 'YYYY-MM-DD' in UTC, like the other date filters, until the company has a time zone.
 * Money is integer minor units, net of tax.
 */

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(value: string): boolean {
  return MONTH.test(value);
}

export function daysInMonth(month: string): number {
  const m = MONTH.exec(month);
  if (!m) throw new Error(`not a month: ${month}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).getUTCDate();
}

/** The first day of the month and the first day of the next, for a half-open range. */
export function monthRange(month: string): { from: string; to: string } {
  const m = MONTH.exec(month);
  if (!m) throw new Error(`not a month: ${month}`);
  const next = new Date(Date.UTC(Number(m[1]), Number(m[2]), 1)).toISOString().slice(0, 10);
  return { from: `${month}-01`, to: next };
}

/** Days of the month gone by on `today`, counting today: all of a past month, none of a future one. */
export function daysElapsed(month: string, today: string): number {
  const thisMonth = today.slice(0, 7);
  if (thisMonth < month) return 0;
  if (thisMonth > month) return daysInMonth(month);
  return Number(today.slice(8, 10));
}

export type TargetStatus = 'reached' | 'on_pace' | 'behind' | 'no_target';

export interface TargetProgress {
  target: number | null;
  actual: number;
  /** Share of the target reached, in basis points (10000 = 100 %), rounded half-up; null without a target. */
  percentBp: number | null;
  /** What an even pace would have sold by today: target × days elapsed ÷ days in the month, rounded half-up. */
  expected: number | null;
  /** Still to sell to reach the target, never negative. */
  remaining: number | null;
  status: TargetStatus;
}

/** round(a × b ÷ c) half-up for non-negative integers, exact beyond 2^53 products through BigInt. */
function mulDivHalfUp(a: number, b: number, c: number): number {
  const n = BigInt(a) * BigInt(b) * 2n + BigInt(c);
  return Number(n / (2n * BigInt(c)));
}

/**
 * Where sales stand against a target on `today`. Reached at or beyond the target; on pace
 * when at least what an even pace expects by today; behind otherwise. A target of 0 is
 * reached by anything not negative.
 */
export function targetProgress(target: number | null, actual: number, month: string, today: string): TargetProgress {
  if (target === null) return { target, actual, percentBp: null, expected: null, remaining: null, status: 'no_target' };
  if (!Number.isInteger(target) || target < 0) throw new Error('a target is a whole, non-negative amount');
  const expected = mulDivHalfUp(target, daysElapsed(month, today), daysInMonth(month));
  const percentBp = target === 0 ? (actual >= 0 ? 10_000 : 0) : Math.sign(actual) * mulDivHalfUp(Math.abs(actual), 10_000, target);
  const status: TargetStatus = actual >= target ? 'reached' : actual >= expected ? 'on_pace' : 'behind';
  return { target, actual, percentBp, expected, remaining: Math.max(0, target - actual), status };
}
