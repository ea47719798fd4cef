import { useI18n } from 'vue-i18n';

/** Timestamps from the API (ISO strings) in the UI's language; '—' for none. */
export function useDateTime() {
  const { locale } = useI18n();
  function dateTime(iso: string | null | undefined): string {
    if (!iso) return '—';
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? iso : new Intl.DateTimeFormat(locale.value, { dateStyle: 'medium', timeStyle: 'short' }).format(d);
  }
  function time(d: Date): string {
    return new Intl.DateTimeFormat(locale.value, { timeStyle: 'medium' }).format(d);
  }
  return { dateTime, time };
}
