import { describe, expect, it } from 'vitest';
import { NAVIGATION } from '../features/layout/navigation.ts';
import en from '../i18n/en.ts';
import zhCN from '../i18n/zh-CN.ts';
import { PAGES } from './routes.ts';

describe('routes', () => {
  it('has a page for every area marked available, and none for the others', () => {
    for (const item of NAVIGATION.flatMap((g) => g.items)) {
      expect(Boolean(PAGES[item.name]), item.name).toBe(item.available);
    }
  });

  it('names every area in both languages', () => {
    for (const key of [...NAVIGATION.map((g) => g.key), ...NAVIGATION.flatMap((g) => g.items.map((i) => i.name))]) {
      expect((zhCN.nav as Record<string, string>)[key], key).toBeTruthy();
      expect((en.nav as Record<string, string>)[key], key).toBeTruthy();
    }
  });
});
