/** `2026-02` as the UI's language writes a month: "February 2026", "2026年2月". */
export function monthLabel(month: string | null | undefined, locale: string): string {
  if (!month) return '—';
  const [y, m] = month.split('-').map(Number);
  if (!y || !m) return month;
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
}
