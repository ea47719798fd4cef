import { describe, expect, it } from 'vitest';
import { rateLabel, taxReportCsv } from './tax-report-rows.ts';

describe('tax report rows', () => {
  it('name rates as percentages, and the row without a rate by its label', () => {
    expect([rateLabel(1300, '-'), rateLabel(650, '-'), rateLabel(0, '-'), rateLabel(null, 'No rate')]).toEqual(['13 %', '6.5 %', '0 %', 'No rate']);
  });

  it('export as CSV in major units with totals and the tax payable last', () => {
    const report = {
      from: '2026-03-01', to: '2026-03-31',
      rows: [{ taxRateBp: 1300, outputNet: 6000, outputTax: 780, inputNet: 5000, inputTax: 650 }, { taxRateBp: null, outputNet: 0, outputTax: 0, inputNet: 10_000, inputTax: 1300 }],
      totals: { outputNet: 6000, outputTax: 780, inputNet: 15_000, inputTax: 1950 },
      taxPayable: -1170,
    };
    const labels = { rate: 'Rate', outputNet: 'Output net', outputTax: 'Output tax', inputNet: 'Input net', inputTax: 'Input tax', total: 'Total', taxPayable: 'Tax payable', noRate: 'Expenses, no rate' };
    expect(taxReportCsv(report, labels, 2)).toBe(
      '\uFEFFRate,Output net,Output tax,Input net,Input tax\r\n13 %,60.00,7.80,50.00,6.50\r\n"Expenses, no rate",0.00,0.00,100.00,13.00\r\n'
        + 'Total,60.00,7.80,150.00,19.50\r\nTax payable,,,,-11.70\r\n',
    );
  });
});
