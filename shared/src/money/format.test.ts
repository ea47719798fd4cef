import { describe, expect, it } from 'vitest';
import { currencyDecimals, formatMoney } from './format.ts';

describe('currencyDecimals', () => {
  it('uses the currency minor-unit digits from ISO 4217', () => {
    expect(currencyDecimals('CNY')).toBe(2);
    expect(currencyDecimals('USD')).toBe(2);
    expect(currencyDecimals('JPY')).toBe(0);
    expect(currencyDecimals('KWD')).toBe(3);
  });

  it('rejects a malformed currency code', () => {
    expect(() => currencyDecimals('yuan')).toThrow(RangeError);
  });
});

describe('formatMoney', () => {
  it('formats minor units in the currency and locale', () => {
    expect(formatMoney(123456, 'CNY', 'zh-CN')).toBe('¥1,234.56');
    expect(formatMoney(-5, 'CNY', 'zh-CN')).toBe('-¥0.05');
    expect(formatMoney(0, 'CNY', 'zh-CN')).toBe('¥0.00');
    expect(formatMoney(123456, 'USD', 'en-US')).toBe('$1,234.56');
    expect(formatMoney(123456, 'EUR', 'de-DE')).toBe('1.234,56\u00a0€');
  });

  it('treats the amount as minor units of that currency', () => {
    expect(formatMoney(1235, 'JPY', 'en-US')).toBe('¥1,235');
    expect(formatMoney(1234, 'KWD', 'en-US')).toBe('KWD\u00a01.234');
  });

  it('keeps every digit of the largest safe amount', () => {
    expect(formatMoney(Number.MAX_SAFE_INTEGER, 'USD', 'en-US')).toBe('$90,071,992,547,409.91');
  });

  it('refuses fractional minor units', () => {
    expect(() => formatMoney(12.5, 'CNY', 'zh-CN')).toThrow(RangeError);
  });
});
