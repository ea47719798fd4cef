import { describe, expect, it } from 'vitest';
import { documentFormat } from './document-format.ts';
import { printDocumentSchema } from './print-document.ts';
import { netUnitPrice, salesInvoiceDocument, totalsByRate, type InvoiceLine } from './sales-invoice.ts';

const LINES: InvoiceLine[] = [
  { name: '可口可乐 Coca-Cola 330ml', sku: 'BEV-0001', unit: 'each', qty: '3.000', taxRateBp: 1300, net: 796, tax: 104, gross: 900 },
  { name: '苹果 Apples', sku: 'FRESH-FRUIT-0092', unit: 'kg', qty: '1.234', taxRateBp: 900, net: 1358, tax: 122, gross: 1480 },
  { name: '乐事 Lay’s 薯片 40g', sku: 'SNK-0001', unit: 'each', qty: '1', taxRateBp: 1300, net: 398, tax: 52, gross: 450 },
];
const PARTY = { name: '示例商贸有限公司', taxNumber: '91310000MA1K000000', address: '上海市浦东新区 1 号', phone: '021-5555 0000', bankName: '中国银行上海分行', bankAccount: '4563 0000 1234' };

describe('sales invoice', () => {
  it('totals per rate from the lines’ own figures, highest rate first', () => {
    expect(totalsByRate(LINES)).toEqual([
      { taxRateBp: 1300, net: 1194, tax: 156, gross: 1350 },
      { taxRateBp: 900, net: 1358, tax: 122, gross: 1480 },
    ]);
  });

  it('lays out the VAT invoice: parties, lines with rate and tax, per-rate totals, the total in words', () => {
    const doc = salesInvoiceDocument({
      number: 'INV-S-001',
      issuedAt: '2026-03-05T02:00:00Z',
      reference: 'S1-0001',
      storeName: '旗舰店',
      seller: PARTY,
      buyer: { ...PARTY, name: '顾客公司', taxNumber: '91110000X' },
      lines: LINES,
      currency: 'CNY',
      language: 'zh-CN',
      timeZone: 'Asia/Shanghai',
    });
    expect(printDocumentSchema.parse(doc)).toEqual(doc);
    expect(doc.title).toBe('销售发票（增值税）');
    expect(doc.parties.map((p) => p.heading)).toEqual(['购买方', '销售方']);
    expect(doc.parties[1]!.fields).toEqual([
      { label: '名称', value: '示例商贸有限公司' },
      { label: '纳税人识别号', value: '91310000MA1K000000' },
      { label: '地址、电话', value: '上海市浦东新区 1 号 021-5555 0000' },
      { label: '开户行及账号', value: '中国银行上海分行 4563 0000 1234' },
    ]);
    expect(doc.lines.rows[1]).toEqual({ item: '苹果 Apples', sku: 'FRESH-FRUIT-0092', unit: '千克', qty: '1.234', unitPrice: '11.0049', net: '13.58', rate: '9%', tax: '1.22' });
    expect(doc.lines.rows[2]!.unitPrice).toBe('3.98');
    expect(doc.taxSummary!.rows).toEqual([
      { rate: '13%', net: '11.94', tax: '1.56', gross: '13.50' },
      { rate: '9%', net: '13.58', tax: '1.22', gross: '14.80' },
    ]);
    expect(doc.totals.map((t) => t.value)).toEqual(['¥25.52', '¥2.78', '¥28.30']);
    expect(doc.amountInWords).toEqual({ label: '价税合计（大写）', zh: '贰拾捌元叁角整', en: 'Twenty-eight yuan and thirty fen', figure: '¥28.30' });
    expect(doc.meta[0]).toEqual({ label: '日期', value: '2026-03-05' });
  });

  it('speaks English when asked and leaves out empty party fields', () => {
    const doc = salesInvoiceDocument({
      number: 'X',
      issuedAt: '2026-03-05T20:00:00Z',
      reference: 'S1',
      storeName: '',
      seller: PARTY,
      buyer: { name: 'Walk-in customer', taxNumber: '', address: '', phone: '', bankName: '', bankAccount: '' },
      lines: LINES.slice(0, 1),
      currency: 'CNY',
      language: 'en',
      timeZone: 'Asia/Shanghai',
    });
    expect(doc.title).toBe('Sales invoice (VAT)');
    expect(doc.parties[0]!.fields).toEqual([{ label: 'Name', value: 'Walk-in customer' }]);
    expect(doc.meta[0]).toEqual({ label: 'Date', value: '2026-03-06' });
    expect(doc.lines.rows[0]!.unit).toBe('ea');
  });

  it('shows a unit price with two more decimals only when the division is not exact', () => {
    expect(netUnitPrice(796, '3', 2)).toBe('2.6533');
    expect(netUnitPrice(900, '3', 2)).toBe('3.00');
    expect(netUnitPrice(100, '0', 2)).toBe('');
  });
});

describe('document numbers', () => {
  const f = documentFormat('zh-CN', 'CNY', 'UTC');
  it('formats amounts, rates and quantities', () => {
    expect(f.amount(123456789)).toBe('1,234,567.89');
    expect(f.money(-5)).toBe('-¥0.05');
    expect(f.rate(1300)).toBe('13%');
    expect(f.rate(950)).toBe('9.5%');
    expect(f.rate(0)).toBe('0%');
    expect(f.qty('10.000')).toBe('10');
    expect(f.qty('2.500')).toBe('2.5');
    expect(f.qty('100')).toBe('100');
    expect(f.date('2026-01-02')).toBe('2026-01-02');
  });
});
