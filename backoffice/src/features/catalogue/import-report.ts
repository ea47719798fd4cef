import type { ImportReport } from '@shopbook/shared';

export interface ImportChoices {
  /** Every row is good: import them all. */
  canImportAll: boolean;
  /** Some rows are bad but others are good: import only the good ones. */
  canImportValid: boolean;
}

/** What the user may do after a dry run. Nothing until there is a report with something to import. */
export function importChoices(report: ImportReport | null): ImportChoices {
  if (!report || report.applied) return { canImportAll: false, canImportValid: false };
  const clean = report.errors.length === 0;
  return { canImportAll: clean && report.valid > 0, canImportValid: !clean && report.valid > 0 };
}

/** Rows with at least one problem (a row may have several). */
export function badRowCount(report: ImportReport): number {
  return new Set(report.errors.map((e) => e.row)).size;
}

/** Problems in file order: by row, then as the API listed them. */
export function sortedErrors(report: ImportReport): ImportReport['errors'] {
  return report.errors.map((e, i) => ({ e, i })).sort((a, b) => a.e.row - b.e.row || a.i - b.i).map(({ e }) => e);
}

/** Excel saves UTF-8 CSV with a byte-order mark; the header must read `sku`, not `\uFEFFsku`. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
