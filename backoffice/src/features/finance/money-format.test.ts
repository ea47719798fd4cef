import { describe, expect, it } from 'vitest';
import { formatAmount, localToday } from './money-format.ts';
import { formatUnitCost } from './use-money.ts';

describe('formatAmount', () => {
  it('formats minor units in the company currency', () => {
    expect(formatAmount(123456, 'CNY', 'en')).toBe('CN¥1,234.56');
    expect(formatAmount(-5, 'CNY', 'zh-CN')).toBe('-¥0.05');
  });

  it('shows exact plain amounts when the currency is unknown', () => {
    expect(formatAmount(123456, null, 'en')).toBe('1,234.56');
    expect(formatAmount(900719925474099, undefined, 'en')).toBe('9,007,199,254,740.99');
  });
});

describe('localToday', () => {
  it('uses the local calendar date', () => {
    expect(localToday(new Date(2024, 0, 5, 0, 30))).toBe('2024-01-05');
  });
});

describe('formatUnitCost', () => {
  it('shows a minor-unit cost in major units with the extra places averages carry', () => {
    expect(formatUnitCost('350.0000', 'CNY', 2, 'en')).toBe('CN¥3.50');
    expect(formatUnitCost('150.5000', 'CNY', 2, 'en')).toBe('CN¥1.505');
    expect(formatUnitCost('150.5000', null, 2, 'en')).toBe('1.505');
  });
});
