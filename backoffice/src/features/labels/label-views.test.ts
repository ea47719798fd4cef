import { describe, expect, it } from 'vitest';
import { shelfPrice } from './label-views.ts';

describe('shelf price', () => {
  it('writes the yuan as ¥ in both languages, with the currency’s digits', () => {
    expect(shelfPrice(300, 'CNY', 'en')).toBe('¥3.00');
    expect(shelfPrice(123456, 'CNY', 'zh-CN')).toBe('¥1,234.56');
    expect(shelfPrice(500, 'JPY', 'en')).toBe('¥500');
    expect(shelfPrice(350, null, 'en')).toBe('3.50');
  });
});
