import { describe, expect, it } from 'vitest';
import { addDays, isIsoDate, todayIso } from './dates.ts';

describe('calendar dates', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2025-01-30', 3)).toBe('2025-02-02');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(addDays('not a date', 1)).toBeNull();
  });

  it('knows real dates from look-alikes', () => {
    expect(isIsoDate('2025-02-28')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-2-3')).toBe(false);
  });

  it("gives today's local date", () => {
    expect(todayIso(new Date(2025, 0, 5, 23, 59))).toBe('2025-01-05');
  });
});
