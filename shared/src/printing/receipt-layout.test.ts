import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { saleArb } from '../sales/test-support.ts';
import { layoutText, type PrintLine, type ReceiptLayout } from './print-commands.ts';
import { layoutReturnReceipt, layoutSaleReceipt, parseReceiptScan } from './receipt-layout.ts';
import {
  MIXED_NAMES_58_CODE128,
  MIXED_NAMES_80_EN,
  RETURN_58_ZH,
  RETURN_ID,
  SALE_ID,
  SPLIT_PAYMENT_58_ZH,
  colaReturn,
  longSale,
  mixedNamesSale,
  productNames,
  splitPaymentSale,
  store,
} from './test-fixtures.ts';
import { textWidth } from './text-width.ts';

const ctx = { store, productNames, cashierName: '张三', occurredAt: '2026-03-02T10:00:00Z' };
const TZ = 'Asia/Shanghai';

function lines(layout: ReceiptLayout): PrintLine[] {
  return layout.commands.filter((c): c is PrintLine => c.kind === 'line');
}

function expectWithinWidth(layout: ReceiptLayout) {
  for (const line of lines(layout)) {
    expect(textWidth(line.text) * line.size, line.text).toBeLessThanOrEqual(layout.columns);
    if (line.cells) expect(line.cells.reduce((n, c) => n + c.width, 0)).toBe(layout.columns / line.size);
  }
}

describe('sale receipt layout', () => {
  it('lays out a split payment on 58 mm paper in Chinese', () => {
    const layout = layoutSaleReceipt(splitPaymentSale(), ctx, { paper: 58, timeZone: TZ });
    expect(layout.columns).toBe(32);
    expect(layout.title).toBe('S01-T1-000123');
    expect(layoutText(layout)).toEqual(SPLIT_PAYMENT_58_ZH);
    // Cash changed hands: the drawer opens first, the paper is cut last.
    expect(layout.commands[0]).toEqual({ kind: 'drawer' });
    expect(layout.commands.at(-1)).toEqual({ kind: 'cut' });
    expect(layout.commands.find((c) => c.kind === 'qr')).toEqual({ kind: 'qr', data: SALE_ID, alt: 'S01-T1-000123' });
  });

  it('lays out mixed Chinese and English names as a table on 80 mm paper, in English', () => {
    const layout = layoutSaleReceipt(mixedNamesSale(), { ...ctx, customer: { name: 'Li Si', code: 'C001' }, tillName: 'Till 1' }, { paper: 80, language: 'en', timeZone: TZ });
    expect(layoutText(layout)).toEqual(MIXED_NAMES_80_EN);
    // Card only: no drawer.
    expect(layout.commands.some((c) => c.kind === 'drawer')).toBe(false);
    expectWithinWidth(layout);
  });

  it('prints a Code 128 of the receipt number when asked, on 58 mm paper', () => {
    const layout = layoutSaleReceipt(mixedNamesSale(), ctx, { paper: 58, timeZone: TZ, scanCode: 'code128' });
    expect(layoutText(layout)).toEqual(MIXED_NAMES_58_CODE128);
    expect(layout.commands.filter((c) => c.kind === 'barcode')).toEqual([{ kind: 'barcode', symbology: 'code128', data: 'S01-T1-000124' }]);
  });

  it('falls back to a QR code when the receipt number is too long for a barcode on the paper', () => {
    const sale = { ...mixedNamesSale(), receiptNo: 'STORE-0001-TILL-0001-2026-000000124' };
    const layout = layoutSaleReceipt(sale, ctx, { paper: 58, scanCode: 'code128' });
    expect(layout.commands.some((c) => c.kind === 'barcode')).toBe(false);
    expect(layout.commands.find((c) => c.kind === 'qr')).toMatchObject({ data: SALE_ID });
    expect(layoutSaleReceipt(sale, ctx, { scanCode: 'none' }).commands.some((c) => c.kind === 'qr' || c.kind === 'barcode')).toBe(false);
  });

  it('takes header and footer overrides, a reprint mark and an explicit drawer choice', () => {
    const layout = layoutSaleReceipt(splitPaymentSale(), ctx, { paper: 58, header: 'Open 8:00-22:00', footer: null, reprint: true, openDrawer: false });
    const text = layoutText(layout);
    expect(text).toContain('        Open 8:00-22:00');
    expect(text).not.toContain('            欢迎光临');
    expect(text.some((l) => l.includes('谢谢惠顾'))).toBe(false);
    expect(lines(layout).find((l) => l.text === '** 重印 **')).toMatchObject({ align: 'center', bold: true });
    expect(layout.commands.some((c) => c.kind === 'drawer')).toBe(false);
  });

  it('shows tax separately when prices exclude tax', () => {
    const sale = { ...splitPaymentSale(), pricesIncludeTax: false };
    expect(layoutText(layoutSaleReceipt(sale, ctx, { paper: 58 }))).toContain(`税额${' '.repeat(24)}2.09`);
  });

  it('names an unknown product by its id rather than failing', () => {
    const layout = layoutSaleReceipt(splitPaymentSale(), { ...ctx, productNames: new Map() }, { paper: 58 });
    expect(layoutText(layout)).toContain('#0190f5e8');
  });

  it('stays within the paper for any sale the till can send', () => {
    const name = fc.string({ unit: fc.constantFrom(...'ab 1.可乐茶（）é-'.split(''), 'Cola', '\u001b'), maxLength: 80 });
    fc.assert(
      fc.property(saleArb, name, fc.constantFrom(58 as const, 80 as const), fc.constantFrom('zh-CN' as const, 'en' as const), (sale, productName, paper, language) => {
        const names = Object.fromEntries(sale.lines.map((l) => [l.productId, productName]));
        const layout = layoutSaleReceipt(sale, { ...ctx, productNames: names }, { paper, language });
        expectWithinWidth(layout);
        for (const l of lines(layout)) expect(l.text).not.toMatch(/[\x00-\x1f]/);
      }),
      { numRuns: 60 },
    );
  });

  it('handles a long sale: every line, every name, one cut', () => {
    const { sale, names } = longSale(120);
    for (const paper of [58, 80] as const) {
      const layout = layoutSaleReceipt(sale, { ...ctx, productNames: names }, { paper });
      expectWithinWidth(layout);
      expect(layout.commands.filter((c) => c.kind === 'cut')).toHaveLength(1);
      const text = layoutText(layout);
      expect(text.filter((l) => l.startsWith('可口可乐 330ml'))).toHaveLength(30);
      expect(text).toContain(`小计  共 120 项${' '.repeat(paper === 58 ? 9 : 25)}${(sale.totals.gross / 100).toFixed(2)}`);
    }
  });
});

describe('return receipt layout', () => {
  it('lays out a return with negative amounts, the original receipt and the refund', () => {
    const layout = layoutReturnReceipt(colaReturn(), { ...ctx, originalReceiptNo: 'S01-T1-000123' }, { paper: 58, timeZone: TZ });
    expect(layoutText(layout)).toEqual(RETURN_58_ZH);
    expect(layout.commands[0]).toEqual({ kind: 'drawer' });
    expect(layout.commands.find((c) => c.kind === 'qr')).toMatchObject({ data: RETURN_ID });
  });

  it('says when there was no receipt', () => {
    const ret = { ...colaReturn(), originalSaleId: null };
    expect(layoutText(layoutReturnReceipt(ret, ctx, { paper: 58, language: 'en' }))).toContain('Original: no receipt');
  });
});

describe('scanning a receipt back', () => {
  it('reads a sale id from the QR code and a receipt number from the barcode', () => {
    expect(parseReceiptScan(` ${SALE_ID.toUpperCase()}\n`)).toEqual({ kind: 'id', id: SALE_ID });
    expect(parseReceiptScan('S01-T1-000123')).toEqual({ kind: 'receiptNo', receiptNo: 'S01-T1-000123' });
  });
});
