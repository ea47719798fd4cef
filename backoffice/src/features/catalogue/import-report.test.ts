import type { ImportReport as Report } from '@shopbook/shared';
import { flushPromises, mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import { i18n, setLocale } from '../../i18n/index.ts';
import { badRowCount, importChoices, sortedErrors, stripBom } from './import-report.ts';
import ImportReport from './ImportReport.vue';

const report = (over: Partial<Report>): Report => ({ rows: 3, valid: 3, errors: [], created: 0, updated: 0, applied: false, ...over });
const withErrors = report({
  valid: 1,
  errors: [
    { row: 4, field: 'sale_price', message: 'sale_price must be an amount like 12.50' },
    { row: 2, field: 'barcodes', message: 'barcode check digit is wrong' },
    { row: 2, field: 'tax_rate', message: 'no tax rate of 7%' },
  ],
});

describe('import choices', () => {
  it('offers "import all" only for a clean dry run', () => {
    expect(importChoices(report({}))).toEqual({ canImportAll: true, canImportValid: false });
    expect(importChoices(withErrors)).toEqual({ canImportAll: false, canImportValid: true });
    expect(importChoices(report({ valid: 0, errors: [{ row: 2, field: 'sku', message: 'x' }] }))).toEqual({
      canImportAll: false,
      canImportValid: false,
    });
    expect(importChoices(report({ applied: true, created: 3 }))).toEqual({ canImportAll: false, canImportValid: false });
    expect(importChoices(null)).toEqual({ canImportAll: false, canImportValid: false });
  });

  it('counts bad rows once and lists problems in file order', () => {
    expect(badRowCount(withErrors)).toBe(2);
    expect(sortedErrors(withErrors).map((e) => `${e.row}:${e.field}`)).toEqual(['2:barcodes', '2:tax_rate', '4:sale_price']);
  });

  it('drops the byte-order mark Excel writes', () => {
    expect(stripBom('\uFEFFsku,name')).toBe('sku,name');
    expect(stripBom('sku,name')).toBe('sku,name');
  });
});

describe('ImportReport', () => {
  beforeEach(() => setLocale('en'));

  it('shows the counts and each bad row with its field and message', async () => {
    const wrapper = mount(ImportReport, { props: { report: withErrors }, global: { plugins: [i18n] } });
    await flushPromises(); // el-table fills its body on the next tick
    expect(wrapper.find('[data-testid="import-summary"]').text()).toContain('Checked 3 rows: 1 can be imported, 2 have errors.');
    const table = wrapper.find('[data-testid="import-errors"]').text();
    expect(table).toContain('barcode check digit is wrong');
    expect(table).toContain('tax_rate');
    expect(table.indexOf('barcodes')).toBeLessThan(table.indexOf('sale_price'));
  });

  it('shows no table for a clean file, and the result once applied', () => {
    const clean = mount(ImportReport, { props: { report: report({}) }, global: { plugins: [i18n] } });
    expect(clean.text()).toContain('all 3 rows can be imported');
    expect(clean.find('[data-testid="import-errors"]').exists()).toBe(false);

    setLocale('zh-CN');
    const done = mount(ImportReport, { props: { report: report({ applied: true, created: 2, updated: 1 }) }, global: { plugins: [i18n] } });
    expect(done.text()).toContain('导入完成：新增 2 个，更新 1 个。');
  });
});
