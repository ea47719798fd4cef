import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  closedPeriodMessage, closeMonth, dayAfter, firstOpenDay, isInClosedPeriod, lastDayOfMonth, movedEntryMemo, nextMonthToClose,
  openPostingDate, PeriodError, previousMonthOf, reopenMonth,
} from './period.ts';

const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof PeriodError) return e.code;
    throw e;
  }
  return 'ok';
};

describe('months and days', () => {
  it('know their last day, leap years and year ends included', () => {
    expect([lastDayOfMonth('2026-02'), lastDayOfMonth('2028-02'), lastDayOfMonth('2100-02'), lastDayOfMonth('2026-12')]).toEqual([
      '2026-02-28', '2028-02-29', '2100-02-28', '2026-12-31',
    ]);
    expect([dayAfter('2026-02-28'), dayAfter('2026-12-31'), previousMonthOf('2026-01')]).toEqual(['2026-03-01', '2027-01-01', '2025-12']);
  });
});

describe('closing', () => {
  it('starts from the earliest posting, or last month when that is later', () => {
    expect(nextMonthToClose(null, '2025-11-20', '2026-03-02')).toBe('2025-11');
    expect(nextMonthToClose(null, '2026-03-01', '2026-03-02')).toBe('2026-02');
    expect(nextMonthToClose(null, null, '2026-01-15')).toBe('2025-12');
    expect(nextMonthToClose('2026-01-31', '2025-11-20', '2026-03-02')).toBe('2026-02');
  });

  it('closes months in order and only once they have ended', () => {
    expect(closeMonth('2026-02', null, '2026-02-03', '2026-03-02')).toBe('2026-02-28');
    expect(code(() => closeMonth('2026-03', '2026-02-28', null, '2026-03-02'))).toBe('not_ended');
    expect(code(() => closeMonth('2026-04', '2026-02-28', null, '2026-03-02'))).toBe('not_ended');
    expect(code(() => closeMonth('2026-02', '2026-02-28', null, '2026-04-02'))).toBe('out_of_order');
    expect(code(() => closeMonth('2026-02', null, '2025-12-31', '2026-04-02'))).toBe('out_of_order');
    expect(() => closeMonth('2026-01', null, '2025-12-31', '2026-04-02')).toThrow('close December 2025 first');
  });

  it('reopens only the last closed month', () => {
    expect(reopenMonth('2026-02', '2026-02-28')).toBe('2026-01-31');
    expect(code(() => reopenMonth('2026-01', '2026-02-28'))).toBe('out_of_order');
    expect(code(() => reopenMonth('2026-02', null))).toBe('nothing_closed');
  });
});

describe('postings', () => {
  it('are refused in a closed period, or moved to the first open day with their date in the memo', () => {
    expect([isInClosedPeriod('2026-02-28', '2026-02-28'), isInClosedPeriod('2026-03-01', '2026-02-28'), isInClosedPeriod('2020-01-01', null)]).toEqual([true, false, false]);
    expect(openPostingDate('2026-02-20', '2026-02-28')).toBe('2026-03-01');
    expect(openPostingDate('2026-03-05', '2026-02-28')).toBe('2026-03-05');
    expect(firstOpenDay(null)).toBeNull();
    expect(movedEntryMemo('T-7', '2026-02-20')).toBe('T-7 (dated 2026-02-20, booked in the open period)');
    expect(closedPeriodMessage('2026-03-17')).toBe('March 2026 is closed; post into the open period');
  });

  const date = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

  it('never land in a closed period, and never move unless they must (property)', () => {
    fc.assert(
      fc.property(date, fc.option(date, { nil: null }), (d, anyDay) => {
        const closedThrough = anyDay === null ? null : lastDayOfMonth(anyDay.slice(0, 7));
        const landed = openPostingDate(d, closedThrough);
        expect(isInClosedPeriod(landed, closedThrough)).toBe(false);
        expect(landed >= d).toBe(true);
        if (!isInClosedPeriod(d, closedThrough)) expect(landed).toBe(d);
        else expect(landed).toBe(firstOpenDay(closedThrough));
      }),
    );
  });

  it('after any run of closes and reopens, what is closed is every day up to the last day of a past month (property)', () => {
    fc.assert(
      fc.property(date, fc.array(fc.boolean(), { maxLength: 40 }), (today, actions) => {
        let closedThrough: string | null = null;
        const history: (string | null)[] = [];
        for (const close of actions) {
          const before: string | null = closedThrough;
          if (close) {
            const month = nextMonthToClose(closedThrough, null, today);
            if (month >= today.slice(0, 7)) {
              expect(code(() => closeMonth(month, before, null, today))).toBe('not_ended');
              continue;
            }
            closedThrough = closeMonth(month, closedThrough, null, today);
            history.push(before);
          } else if (closedThrough !== null) {
            closedThrough = reopenMonth(closedThrough.slice(0, 7), closedThrough);
            // Reopening undoes the last close exactly (the first close started from last month).
            const undone = history.pop();
            if (undone !== null && undone !== undefined) expect(closedThrough).toBe(undone);
          }
          if (closedThrough !== null) {
            expect(closedThrough).toBe(lastDayOfMonth(closedThrough.slice(0, 7)));
            expect(closedThrough < today).toBe(true);
            expect(isInClosedPeriod(today, closedThrough)).toBe(false);
          }
        }
      }),
    );
  });
});
