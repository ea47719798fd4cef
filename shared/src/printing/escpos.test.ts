import { describe, expect, it } from 'vitest';
import { zReport } from '../sales/shift.ts';
import { type DecodedItem, decodeEscPos, decodedText } from './escpos-decoder.ts';
import { drawerKickBytes, escPosBytes, escPosSupported } from './escpos.ts';
import { LayoutBuilder, type PrintCommand, type ReceiptLayout, layoutText } from './print-commands.ts';
import { layoutReturnReceipt, layoutSaleReceipt } from './receipt-layout.ts';
import {
  MIXED_NAMES_58_CODE128,
  MIXED_NAMES_80_EN,
  RETURN_58_ZH,
  RETURN_ID,
  SALE_ID,
  SPLIT_PAYMENT_58_ZH,
  Z_REPORT_58_ZH,
  colaReturn,
  longSale,
  mixedNamesSale,
  productNames,
  splitPaymentSale,
  store,
} from './test-fixtures.ts';
import { textWidth } from './text-width.ts';
import { layoutZReport } from './z-report-layout.ts';

const ctx = { store, productNames, cashierName: '张三', occurredAt: '2026-03-02T10:00:00Z' };
const TZ = 'Asia/Shanghai';

/** The layout's commands as the decoder reports them (no HTML-only details). */
function expectedItems(commands: readonly PrintCommand[]): DecodedItem[] {
  return commands.map((c) => {
    if (c.kind === 'line') return { kind: 'line', text: c.text, align: c.align, bold: c.bold, size: c.size };
    if (c.kind === 'qr') return { kind: 'qr', data: c.data };
    return c;
  });
}

/** Prints the layout to bytes, reads them back, and checks they are exactly the layout. */
async function roundTrip(layout: ReceiptLayout) {
  const bytes = await escPosBytes(layout);
  const decoded = decodeEscPos(bytes);
  expect(decoded.items).toEqual(expectedItems(layout.commands));
  expect(decodedText(decoded, layout.columns)).toEqual(layoutText(layout));
  for (const item of decoded.items) {
    if (item.kind === 'line') expect(textWidth(item.text) * item.size, item.text).toBeLessThanOrEqual(layout.columns);
  }
  return { bytes, decoded };
}

/** Display column (0-based, exclusive) where each space-separated token of a line ends. */
function tokenEnds(text: string): number[] {
  const ends: number[] = [];
  let col = 0;
  let inToken = false;
  for (const char of text) {
    if (char === ' ') {
      if (inToken) ends.push(col);
      inToken = false;
    } else inToken = true;
    col += textWidth(char);
  }
  if (inToken) ends.push(col);
  return ends;
}

describe('ESC/POS bytes from escpos-buffer', () => {
  it('runs here (Node has the Buffer escpos-buffer needs)', () => {
    expect(escPosSupported()).toBe(true);
  });

  it('starts by resetting the printer and selecting its Chinese (GB18030) mode, and encodes text in GB18030', async () => {
    const { bytes } = await roundTrip(layoutSaleReceipt(splitPaymentSale(), ctx, { paper: 58, timeZone: TZ }));
    expect([...bytes.subarray(0, 4)]).toEqual([0x1b, 0x40, 0x1c, 0x26]);
    // 好 is B A C3 in GB2312/GBK/GB18030; the UTF-8 bytes (E5 A5 BD) must not appear.
    const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
    expect(hex).toContain('bac3');
    expect(hex).not.toContain('e5a5bd');
  });

  it('prints a split payment exactly as expected: card, cash tendered, change, drawer kick', async () => {
    const { decoded } = await roundTrip(layoutSaleReceipt(splitPaymentSale(), ctx, { paper: 58, timeZone: TZ }));
    expect(decodedText(decoded, 32)).toEqual(SPLIT_PAYMENT_58_ZH);
    expect(decoded.lines).toEqual(expect.arrayContaining(['银行卡 6222****1234        10.00', '现金 实收                  20.00', '找零                        7.26']));
    expect(decoded.ops.filter((o) => o.op === 'drawer')).toEqual([{ op: 'drawer', pin: 2, onMs: 120, offMs: 240 }]);
    expect(decoded.ops.filter((o) => o.op === 'qr')).toEqual([{ op: 'qr', data: SALE_ID, model: 2, moduleSize: 4, errorLevel: 48 }]);
    expect(decoded.ops.at(-1)).toEqual({ op: 'cut', mode: 'partial', feedToCutter: true, feed: 0 });
    // The header: store name bold and double size, centred.
    expect(decoded.items[1]).toEqual({ kind: 'line', text: '好邻居便利店', align: 'center', bold: true, size: 2 });
    expect(decoded.ops).toContainEqual({ op: 'size', width: 2, height: 2 });
  });

  it('aligns Chinese and English names by display width, not string length', async () => {
    const layout = layoutSaleReceipt(mixedNamesSale(), { ...ctx, customer: { name: 'Li Si', code: 'C001' }, tillName: 'Till 1' }, { paper: 80, language: 'en', timeZone: TZ });
    const { decoded } = await roundTrip(layout);
    expect(decodedText(decoded, 48)).toEqual(MIXED_NAMES_80_EN);
    const rows = decoded.lines.filter((l) => /\d+\.\d\d  +\d+\.\d\d$/.test(l) && /^\S/.test(l) && !l.startsWith('13%'));
    expect(rows).toEqual([
      '西湖龙井茶叶（明前特级）礼     1  168.00  168.00',
      'Extra-absorbent cotton         3   22.90   68.70',
      '可口可乐 330ml                 6    3.50   21.00',
    ]);
    // Quantity, price and amount end in the same printer columns on every row...
    const ends = rows.map((r) => tokenEnds(r).slice(-3));
    expect(new Set(ends.map((e) => e.join()))).toEqual(new Set(['32,40,48']));
    // ...which a string-length layout would not have given: the Chinese rows are shorter strings.
    expect(rows.map((r) => r.length)).toEqual([35, 48, 44]);

    const narrow = await roundTrip(layoutSaleReceipt(mixedNamesSale(), ctx, { paper: 58, timeZone: TZ, scanCode: 'code128' }));
    expect(decodedText(narrow.decoded, 32)).toEqual(MIXED_NAMES_58_CODE128);
    expect(narrow.decoded.ops.filter((o) => o.op === 'barcode')).toEqual([{ op: 'barcode', system: 73, data: 'S01-T1-000124', height: 80, moduleWidth: 2, hri: 2 }]);
  });

  it('prints a 120-line sale: every line in order, all within the paper, one cut', async () => {
    const { sale, names } = longSale(120);
    for (const paper of [58, 80] as const) {
      const layout = layoutSaleReceipt(sale, { ...ctx, productNames: names }, { paper, timeZone: TZ });
      const { decoded } = await roundTrip(layout);
      const columns = paper === 58 ? 32 : 48;
      const printedNames = decoded.lines.filter((l) => Object.values(names).some((n) => l.startsWith(n.slice(0, 6))));
      expect(printedNames.length).toBeGreaterThanOrEqual(120);
      // The item amounts add up to the subtotal printed under them.
      const amounts = decoded.lines
        .filter((l) => (paper === 58 ? /^ {2}\d+ x \d+\.\d\d +\d+\.\d\d$/ : /^\S.* {2,}\d+ +\d+\.\d\d +\d+\.\d\d$/).test(l))
        .map((l) => Math.round(Number(l.trim().split(/ +/).at(-1)) * 100));
      expect(amounts).toHaveLength(120);
      const subtotal = decoded.lines.find((l) => l.startsWith('小计'))!;
      expect(Math.round(Number(subtotal.split(/ +/).at(-1)) * 100)).toBe(amounts.reduce((a, b) => a + b, 0));
      expect(decoded.items.find((i) => i.kind === 'line' && i.text.startsWith('合计'))).toMatchObject({ bold: true, size: 2 });
      expect(decoded.items.filter((i) => i.kind === 'cut')).toHaveLength(1);
      expect(decoded.items[0]).toEqual({ kind: 'drawer' });
      for (const l of decoded.lines) expect(textWidth(l)).toBeLessThanOrEqual(columns);
    }
  });

  it('prints a return exactly as expected, opening the drawer for the cash refund', async () => {
    const { decoded } = await roundTrip(layoutReturnReceipt(colaReturn(), { ...ctx, originalReceiptNo: 'S01-T1-000123' }, { paper: 58, timeZone: TZ }));
    expect(decodedText(decoded, 32)).toEqual(RETURN_58_ZH);
    expect(decoded.items[0]).toEqual({ kind: 'drawer' });
    expect(decoded.items.filter((i) => i.kind === 'qr')).toEqual([{ kind: 'qr', data: RETURN_ID }]);
  });

  it('prints a Z report the same way', async () => {
    const report = zReport({
      sales: [splitPaymentSale(), mixedNamesSale()],
      returns: [colaReturn()],
      cashMovements: [{ amount: 5000, reason: 'float' }, { amount: -2000, reason: 'drop' }],
      openingFloat: 20000,
      voids: 1,
    });
    const layout = layoutZReport(
      report,
      {
        store,
        cashierName: '张三',
        tillName: 'Till 1',
        shiftId: 'S-1',
        openedAt: '2026-03-02T01:00:00Z',
        closedAt: '2026-03-02T10:00:00Z',
        counted: [{ tender: 'cash', amount: 23000 }, { tender: 'card', amount: 5000 }],
      },
      { paper: 58, timeZone: TZ },
    );
    const { decoded } = await roundTrip(layout);
    expect(decodedText(decoded, 32)).toEqual(Z_REPORT_58_ZH);
    expect(decoded.items.some((i) => i.kind === 'drawer')).toBe(false);
  });

  it('keeps control characters in names from becoming printer commands', async () => {
    const layout = new LayoutBuilder(32).text('Evil\x1B@\x1DV\x00name\x1Bp\x00\x19\x19').cut().build('t');
    const { decoded } = await roundTrip(layout);
    expect(decoded.lines).toEqual(['Evil@Vnamep']);
    expect(decoded.ops.filter((o) => o.op === 'init' || o.op === 'drawer' || o.op === 'cut')).toEqual([
      { op: 'init' },
      { op: 'cut', mode: 'partial', feedToCutter: true, feed: 0 },
    ]);
  });

  it('round-trips characters outside GBK (4-byte GB18030) and wide punctuation', async () => {
    const layout = new LayoutBuilder(32).text('吉野家 𠮷 € × é（）').row('合计', '¥12.00').build('t');
    const { decoded } = await roundTrip(layout);
    expect(decoded.lines[0]).toBe('吉野家 𠮷 € × é（）');
  });

  it('honours the options: drawer pin 5, QR size, full cut or none, barcode height', async () => {
    const layout = new LayoutBuilder(48).drawer().qr('ABC').barcode('{code}').cut().build('t');
    const decoded = decodeEscPos(await escPosBytes(layout, { drawerPin: 5, qrModuleSize: 8, cut: 'full', barcodeHeight: 60 }));
    expect(decoded.ops).toEqual(
      expect.arrayContaining([
        { op: 'drawer', pin: 5, onMs: 120, offMs: 240 },
        { op: 'qr', data: 'ABC', model: 2, moduleSize: 8, errorLevel: 48 },
        { op: 'barcode', system: 73, data: '{code}', height: 60, moduleWidth: 3, hri: 2 },
        { op: 'cut', mode: 'full', feedToCutter: true, feed: 0 },
      ]),
    );
    expect(decoded.symbolAlign).toEqual(['center', 'center']);
    const uncut = decodeEscPos(await escPosBytes(layout, { cut: 'none' }));
    expect(uncut.items.some((i) => i.kind === 'cut')).toBe(false);
  });

  it('makes the bytes for the drawer alone', () => {
    expect(decodeEscPos(drawerKickBytes()).ops).toEqual([{ op: 'init' }, { op: 'drawer', pin: 2, onMs: 120, offMs: 240 }]);
    expect(decodeEscPos(drawerKickBytes(5)).ops[1]).toMatchObject({ pin: 5 });
  });
});
