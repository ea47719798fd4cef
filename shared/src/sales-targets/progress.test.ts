import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysElapsed, daysInMonth, isMonth, monthRange, targetProgress } from './progress.ts';

describe('months', () => {
  it('know their days, leap years included, and their range', () => {
    expect([daysInMonth('2026-01'), daysInMonth('2026-02'), daysInMonth('2028-02'), daysInMonth('2026-04'), daysInMonth('2100-02')]).toEqual([31, 28, 29, 30, 28]);
    expect(monthRange('2026-12')).toEqual({ from: '2026-12-01', to: '2027-01-01' });
    expect([isMonth('2026-03'), isMonth('2026-13'), isMonth('2026-00'), isMonth('2026-3'), isMonth('26-03')]).toEqual([true, false, false, false, false]);
  });

  it('count the days gone by, today included', () => {
    expect(daysElapsed('2026-03', '2026-03-01')).toBe(1);
    expect(daysElapsed('2026-03', '2026-03-17')).toBe(17);
    expect(daysElapsed('2026-03', '2026-04-02')).toBe(31);
    expect(daysElapsed('2026-03', '2026-02-28')).toBe(0);
  });
});

describe('targetProgress', () => {
  it('measures a month against an even pace', () => {
    // 3,100.00 over 31 days: 100.00 a day; on the 10th, 1,000.00 is expected.
    expect(targetProgress(310_000, 100_000, '2026-03', '2026-03-10')).toEqual({
      target: 310_000, actual: 100_000, percentBp: 3226, expected: 100_000, remaining: 210_000, status: 'on_pace',
    });
    expect(targetProgress(310_000, 99_999, '2026-03', '2026-03-10').status).toBe('behind');
    expect(targetProgress(310_000, 320_000, '2026-03', '2026-03-10')).toMatchObject({ percentBp: 10_323, remaining: 0, status: 'reached' });
    expect(targetProgress(100, 1, '2026-02', '2026-02-01')).toMatchObject({ expected: 4, percentBp: 100 }); // 100/28 = 3.57 → 4
    expect(targetProgress(null, 5000, '2026-03', '2026-03-10')).toEqual({ target: null, actual: 5000, percentBp: null, expected: null, remaining: null, status: 'no_target' });
    expect(targetProgress(0, 0, '2026-03', '2026-03-10').status).toBe('reached');
    expect(targetProgress(1000, -200, '2026-03', '2026-03-01')).toMatchObject({ percentBp: -2000, status: 'behind', remaining: 1200 });
  });

  it('expects nothing before the month, all of it after, and never more as fewer days pass', () => {
    const month = fc.tuple(fc.integer({ min: 2000, max: 2100 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`);
    fc.assert(
      fc.property(month, fc.integer({ min: 0, max: 10_000_000_000 }), fc.integer({ min: -1_000_000, max: 20_000_000_000 }), fc.integer({ min: 1, max: 31 }), (m, target, actual, day) => {
        const days = daysInMonth(m);
        const d = Math.min(day, days);
        const on = (n: number) => `${m}-${String(n).padStart(2, '0')}`;
        const p = targetProgress(target, actual, m, on(d));
        expect(p.expected!).toBeGreaterThanOrEqual(0);
        expect(p.expected!).toBeLessThanOrEqual(target);
        if (d > 1) expect(targetProgress(target, actual, m, on(d - 1)).expected!).toBeLessThanOrEqual(p.expected!);
        expect(targetProgress(target, actual, m, on(days)).expected).toBe(target);
        expect(targetProgress(target, actual, m, `${Number(m.slice(0, 4)) + 1}-01-01`).expected).toBe(target);
        expect(targetProgress(target, actual, m, `${Number(m.slice(0, 4)) - 1}-12-31`).expected).toBe(0);
        expect(p.remaining).toBe(Math.max(0, target - actual));
        expect(p.status === 'reached').toBe(actual >= target);
        if (target > 0 && actual >= 0) {
          // The percentage is the exact ratio rounded half-up to a basis point.
          expect(Math.abs(p.percentBp! - (actual * 10_000) / target)).toBeLessThanOrEqual(0.5);
        }
      }),
      { numRuns: 500 },
    );
  });
});
