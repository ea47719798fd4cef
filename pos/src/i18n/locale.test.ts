import { describe, expect, it } from 'vitest';
import { pickLocale } from './locale.ts';

describe('pickLocale', () => {
  it('prefers the saved choice', () => {
    expect(pickLocale('en', ['zh-CN'])).toBe('en');
    expect(pickLocale('zh-CN', ['en-US'])).toBe('zh-CN');
  });

  it('ignores a saved value that is not a locale', () => {
    expect(pickLocale('fr', ['en-GB'])).toBe('en');
  });

  it('picks Chinese when the first browser language is Chinese', () => {
    expect(pickLocale(null, ['zh-CN', 'en'])).toBe('zh-CN');
    expect(pickLocale(null, ['zh'])).toBe('zh-CN');
    expect(pickLocale(null, ['ZH-tw'])).toBe('zh-CN');
  });

  it('falls back to English otherwise', () => {
    expect(pickLocale(null, ['en-US', 'zh-CN'])).toBe('en');
    expect(pickLocale(null, [])).toBe('en');
  });
});
