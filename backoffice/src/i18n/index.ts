import { createI18n } from 'vue-i18n';
import en from './en.ts';
import { chooseLocale, readStoredLocale, storeLocale, type AppLocale } from './locale.ts';
import zhCN, { type Messages } from './zh-CN.ts';

export { LOCALES, type AppLocale } from './locale.ts';

function browserStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

const initial = chooseLocale(
  readStoredLocale(browserStorage()),
  typeof navigator === 'undefined' ? [] : navigator.languages,
);

export const i18n = createI18n<[Messages], AppLocale, false>({
  legacy: false,
  locale: initial,
  fallbackLocale: 'en',
  messages: { 'zh-CN': zhCN, en },
});

setDocumentLang(initial);

function setDocumentLang(locale: AppLocale): void {
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

/** Switches the whole UI (our texts and Element Plus) and remembers the choice. */
export function setLocale(locale: AppLocale): void {
  i18n.global.locale.value = locale;
  storeLocale(browserStorage(), locale);
  setDocumentLang(locale);
}

export function currentLocale(): AppLocale {
  return i18n.global.locale.value;
}
