import type { TaxReport } from '@shopbook/shared';
import { csvLine, majorUnits } from './statement-rows.ts';

/** A rate in basis points as a percentage: 1300 → '13 %', 650 → '6.5 %'. */
export const ratePercent = (bp: number) => `${Number((bp / 100).toFixed(2))} %`;

/** What the table and the CSV show per row: the rate, or the label for input VAT recorded without one. */
export const rateLabel = (bp: number | null, noRate: string) => (bp === null ? noRate : ratePercent(bp));

/**
 * The tax report as CSV, amounts in major units with a dot (a spreadsheet reads them as
 * numbers), the totals and the tax payable last; a BOM so Excel reads UTF-8.
 */
export function taxReportCsv(
  report: TaxReport,
  labels: { rate: string; outputNet: string; outputTax: string; inputNet: string; inputTax: string; total: string; taxPayable: string; noRate: string },
  decimals: number,
): string {
  const m = (v: number) => majorUnits(v, decimals);
  const lines = [
    csvLine([labels.rate, labels.outputNet, labels.outputTax, labels.inputNet, labels.inputTax]),
    ...report.rows.map((r) => csvLine([rateLabel(r.taxRateBp, labels.noRate), m(r.outputNet), m(r.outputTax), m(r.inputNet), m(r.inputTax)])),
    csvLine([labels.total, m(report.totals.outputNet), m(report.totals.outputTax), m(report.totals.inputNet), m(report.totals.inputTax)]),
    csvLine([labels.taxPayable, '', '', '', m(report.taxPayable)]),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
