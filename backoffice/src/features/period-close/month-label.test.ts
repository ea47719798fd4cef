import { describe, expect, it } from 'vitest';
import { monthLabel } from './month-label.ts';

describe('monthLabel', () => {
  it('writes a month in the UI language, whatever the time zone', () => {
    expect(monthLabel('2026-02', 'en-US')).toBe('February 2026');
    expect(monthLabel('2026-12', 'zh-CN')).toBe('2026年12月');
    expect(monthLabel(null, 'en-US')).toBe('—');
  });
});
