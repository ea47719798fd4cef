/** The languages the back office speaks. zh-CN first: the product is built for 进销存 in China. */
export const LOCALES = ['zh-CN', 'en'] as const;
export type AppLocale = (typeof LOCALES)[number];

export const LOCALE_STORAGE_KEY = 'shopbook.backoffice.locale';

export function isAppLocale(value: unknown): value is AppLocale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * A choice the user made (remembered) wins; otherwise the browser's first preferred
 * language decides: any Chinese variant (zh, zh-TW, zh-Hans-CN) gets zh-CN, everything
 * else English, since those are the only two catalogues we ship.
 */
export function chooseLocale(stored: string | null | undefined, languages: readonly string[] | undefined): AppLocale {
  if (isAppLocale(stored)) return stored;
  const first = languages?.[0]?.toLowerCase() ?? '';
  return first.startsWith('zh') ? 'zh-CN' : 'en';
}

/** localStorage can throw (private mode, disabled storage); a lost preference is harmless. */
export function readStoredLocale(storage: Pick<Storage, 'getItem'> | undefined): string | null {
  try {
    return storage?.getItem(LOCALE_STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

export function storeLocale(storage: Pick<Storage, 'setItem'> | undefined, locale: AppLocale): void {
  try {
    storage?.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // ignore: the choice simply is not remembered
  }
}
