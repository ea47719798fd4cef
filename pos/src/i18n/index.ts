import { createI18n, useI18n } from 'vue-i18n';
import { computed } from 'vue';
import en, { type MessageSchema } from './en.ts';
import { LOCALE_STORAGE_KEY, pickLocale, type Locale } from './locale.ts';
import zhCN from './zh-CN.ts';

export { LOCALES, isLocale, type Locale } from './locale.ts';

function readSaved(): string | null {
  try {
    return localStorage.getItem(LOCALE_STORAGE_KEY);
  } catch {
    return null; // storage disabled: fall back to the browser's languages
  }
}

function applyDocumentLang(locale: Locale): void {
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

export function initialLocale(): Locale {
  const languages = typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
  return pickLocale(readSaved(), languages);
}

export function createPosI18n(locale: Locale = initialLocale()) {
  applyDocumentLang(locale);
  return createI18n<[MessageSchema], Locale, false>({
    legacy: false,
    locale,
    fallbackLocale: 'en',
    messages: { en, 'zh-CN': zhCN },
  });
}

/** The current language, and a switch that also remembers the choice on this device. */
export function useLocale() {
  const { locale } = useI18n({ useScope: 'global' });
  return {
    locale: computed(() => locale.value as Locale),
    setLocale(next: Locale): void {
      locale.value = next;
      applyDocumentLang(next);
      try {
        localStorage.setItem(LOCALE_STORAGE_KEY, next);
      } catch {
        // private mode or full storage: the choice lasts until the page is closed
      }
    },
  };
}
