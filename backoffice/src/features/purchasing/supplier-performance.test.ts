import { describe, expect, it } from 'vitest';
import { formatChange, formatRate, periodQuery, ratePercent } from './supplier-performance.ts';

describe('supplier performance display', () => {
  it('shows rates as percentages with one decimal, and a dash when nothing was measured', () => {
    expect(formatRate(0.8333, 'en')).toBe('83.3%');
    expect(formatRate(1, 'en')).toBe('100.0%');
    expect(formatRate(0, 'en')).toBe('0.0%');
    expect(formatRate(null, 'en')).toBe('—');
  });

  it('signs price changes', () => {
    expect(formatChange(0.1, 'en')).toBe('+10.0%');
    expect(formatChange(-0.05, 'en')).toBe('-5.0%');
    expect(formatChange(0, 'en')).toBe('0.0%');
    expect(formatChange(null, 'zh-CN')).toBe('—');
  });

  it('keeps null out of the chart rather than drawing a zero', () => {
    expect(ratePercent(0.6667)).toBe(66.7);
    expect(ratePercent(null)).toBeNull();
  });

  it('sends the period only when one is chosen', () => {
    expect(periodQuery(['2026-03-01', '2026-03-31'])).toEqual({ from: '2026-03-01', to: '2026-03-31' });
    expect(periodQuery(null)).toEqual({});
  });
});
