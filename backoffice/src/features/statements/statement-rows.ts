import type { StatementSectionDto } from '@shopbook/shared';

/** One row of a statement table: a section heading, an account, a subtotal or a result line. */
export interface StatementRow {
  key: string;
  kind: 'heading' | 'account' | 'subtotal' | 'result';
  label: string;
  code: string | null;
  amount: number | null;
  /** Extra text beside the amount (the gross margin percentage). */
  note?: string;
}

/** A section as rows: its heading, its accounts (named in the UI's language) and its subtotal. */
export function sectionRows(key: string, heading: string, totalLabel: string, section: StatementSectionDto, zh: boolean): StatementRow[] {
  return [
    { key: `${key}:heading`, kind: 'heading', label: heading, code: null, amount: null },
    ...section.lines.map((l): StatementRow => ({ key: `${key}:${l.code}`, kind: 'account', label: zh ? l.nameZh : l.name, code: l.code, amount: l.amount })),
    { key: `${key}:total`, kind: 'subtotal', label: totalLabel, code: null, amount: section.total },
  ];
}

const cell = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** One CSV line (RFC 4180): cells quoted when they hold a comma, a quote or a line break. */
export const csvLine = (cells: readonly string[]) => cells.map(cell).join(',');

/** Minor units as major units with a dot and the currency's digits: 1234 → '12.34'. */
export function majorUnits(minor: number, decimals: number): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  if (decimals === 0) return `${sign}${abs}`;
  const unit = 10 ** decimals;
  return `${sign}${Math.floor(abs / unit)}.${String(abs % unit).padStart(decimals, '0')}`;
}

/**
 * The table as CSV (RFC 4180), amounts in major units with a dot, so a spreadsheet
 * reads them as numbers whatever the UI's language; a BOM so Excel reads UTF-8 (中文).
 */
export function statementCsv(headers: [string, string, string], rows: readonly StatementRow[], decimals: number): string {
  const lines = [csvLine(headers), ...rows.map((r) => csvLine([r.code ?? '', r.label, r.amount === null ? '' : majorUnits(r.amount, decimals)]))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Starts a download of `text` as a file, in the browser. */
export function downloadText(filename: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
