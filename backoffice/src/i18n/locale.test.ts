import { describe, expect, it } from 'vitest';
import { chooseLocale, LOCALE_STORAGE_KEY, readStoredLocale, storeLocale } from './locale.ts';

describe('chooseLocale', () => {
  it('uses zh-CN when the first browser language is any Chinese variant', () => {
    expect(chooseLocale(null, ['zh-CN', 'en'])).toBe('zh-CN');
    expect(chooseLocale(null, ['zh'])).toBe('zh-CN');
    expect(chooseLocale(null, ['zh-TW'])).toBe('zh-CN');
    expect(chooseLocale(null, ['ZH-hans-CN'])).toBe('zh-CN');
  });

  it('uses English for any other first language, even when Chinese comes later', () => {
    expect(chooseLocale(null, ['en-US', 'zh-CN'])).toBe('en');
    expect(chooseLocale(null, ['de'])).toBe('en');
  });

  it('falls back to English when the browser names no language', () => {
    expect(chooseLocale(null, [])).toBe('en');
    expect(chooseLocale(undefined, undefined)).toBe('en');
  });

  it('prefers a remembered choice over the browser', () => {
    expect(chooseLocale('en', ['zh-CN'])).toBe('en');
    expect(chooseLocale('zh-CN', ['en-GB'])).toBe('zh-CN');
  });

  it('ignores a remembered value it does not know', () => {
    expect(chooseLocale('fr', ['zh-CN'])).toBe('zh-CN');
    expect(chooseLocale('', ['en'])).toBe('en');
  });
});

describe('remembering the choice', () => {
  it('round-trips through storage', () => {
    localStorage.clear();
    storeLocale(localStorage, 'en');
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en');
    expect(readStoredLocale(localStorage)).toBe('en');
  });

  it('survives storage that throws', () => {
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    expect(readStoredLocale(broken)).toBeNull();
    expect(() => storeLocale(broken, 'zh-CN')).not.toThrow();
  });
});
