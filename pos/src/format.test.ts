import { describe, expect, it } from 'vitest';
import { formatMinor } from './format.ts';

describe('formatMinor', () => {
  it('formats minor units without floats', () => {
    expect(formatMinor(0)).toBe('0.00');
    expect(formatMinor(5)).toBe('0.05');
    expect(formatMinor(123456)).toBe('1234.56');
    expect(formatMinor(-350)).toBe('-3.50');
    expect(formatMinor(1200, 0)).toBe('1200');
  });

  it('refuses a fractional amount', () => {
    expect(() => formatMinor(1.5)).toThrow();
  });
});

describe('till input and display helpers', () => {
  it('formats rates and quantities', async () => {
    const { formatRate, formatQty } = await import('./format.ts');
    expect(formatRate(1300)).toBe('13%');
    expect(formatRate(550)).toBe('5.5%');
    expect(formatRate(0)).toBe('0%');
    expect(formatQty(1500, true)).toBe('1.500');
    expect(formatQty(3000, false)).toBe('3');
  });

  it('parses what a cashier types, refusing what is not money, a quantity or a percentage', async () => {
    const { parseMoneyInput, parseQtyInput, parsePercentInput } = await import('./format.ts');
    expect(parseMoneyInput('12')).toBe(1200);
    expect(parseMoneyInput('12.5')).toBe(1250);
    expect(parseMoneyInput('¥1,234.56')).toBe(123456);
    expect(parseMoneyInput('1.234')).toBeNull();
    expect(parseMoneyInput('-1')).toBeNull();
    expect(parseQtyInput('0.425')).toBe(425);
    expect(parseQtyInput('0')).toBeNull();
    expect(parseQtyInput('1.2345')).toBeNull();
    expect(parsePercentInput('12.5')).toBe(1250);
    expect(parsePercentInput('100')).toBe(10000);
    expect(parsePercentInput('101')).toBeNull();
  });
});
