import type { PinCheck } from '../auth/lockout.ts';

type T = (key: string, values?: Record<string, unknown>) => string;

/** The words for a failed PIN check, shared by the PIN screen and the manager dialog. */
export function pinMessage(t: T, locale: string, check: PinCheck, name: string): string {
  if (check.ok) return '';
  switch (check.reason) {
    case 'wrong':
      return t('pin.wrong', { left: check.attemptsLeft });
    case 'locked':
      return t('pin.locked', { name, time: new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(new Date(check.until)) });
    case 'no_pin':
      return t('pin.noPin', { name });
  }
}
