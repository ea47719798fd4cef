import { describe, expect, it } from 'vitest';
import { barcodeModules, barcodeSvg, labelBarcode } from './barcode-svg.ts';
import { LABEL_LAYOUTS, LABEL_LAYOUT_IDS, layoutFits, labelsPerPage, slotPosition } from './label-layouts.ts';
import { labelPages, labelPrice, MAX_LABELS } from './label-sheet.ts';

describe('label layouts', () => {
  it('every layout fits its page', () => {
    for (const id of LABEL_LAYOUT_IDS) expect(layoutFits(LABEL_LAYOUTS[id]), id).toBe(true);
  });

  it('3 × 8 on A4: 24 labels of 70 × 37 mm, the last one ending 0.5 mm above the bottom edge', () => {
    const l = LABEL_LAYOUTS['a4-3x8'];
    expect(labelsPerPage(l)).toBe(24);
    expect(slotPosition(l, 0)).toEqual({ x: 0, y: 0.5 });
    expect(slotPosition(l, 4)).toEqual({ x: 70, y: 37.5 });
    const last = slotPosition(l, 23);
    expect(last).toEqual({ x: 140, y: 259.5 });
    expect(l.page.height - (last.y + l.label.height)).toBeCloseTo(0.5, 9);
  });

  it('a roll label is its own page', () => {
    expect(labelsPerPage(LABEL_LAYOUTS['roll-40x30'])).toBe(1);
  });
});

describe('label pages', () => {
  const a4 = LABEL_LAYOUTS['a4-3x8'];
  it('puts each product as many times as asked, in order, over as many pages as needed', () => {
    const pages = labelPages([{ item: 'a', copies: 20 }, { item: 'b', copies: 5 }, { item: 'c', copies: 0 }], a4);
    expect(pages).toHaveLength(2);
    expect(pages[0]!.slots.filter((s) => s === 'a')).toHaveLength(20);
    expect(pages[0]!.slots.slice(20)).toEqual(['b', 'b', 'b', 'b']);
    expect(pages[1]!.slots[0]).toBe('b');
    expect(pages[1]!.slots.slice(1).every((s) => s === null)).toBe(true);
  });

  it('skips used slots of a part-used sheet', () => {
    const pages = labelPages([{ item: 'a', copies: 3 }], a4, 22);
    expect(pages).toHaveLength(2);
    expect(pages[0]!.slots.slice(0, 22).every((s) => s === null)).toBe(true);
    expect(pages[0]!.slots.slice(22)).toEqual(['a', 'a']);
    expect(pages[1]!.slots[0]).toBe('a');
  });

  it('a roll gets one page per label; nothing asked gives no page', () => {
    expect(labelPages([{ item: 'x', copies: 3 }], LABEL_LAYOUTS['roll-40x30'])).toHaveLength(3);
    expect(labelPages([{ item: 'x', copies: 0 }], a4, 5)).toEqual([]);
  });

  it('refuses fractional or negative copies and runaway jobs', () => {
    expect(() => labelPages([{ item: 'x', copies: 1.5 }], a4)).toThrow(RangeError);
    expect(() => labelPages([{ item: 'x', copies: -1 }], a4)).toThrow(RangeError);
    expect(() => labelPages([{ item: 'x', copies: MAX_LABELS + 1 }], a4)).toThrow(RangeError);
  });

  it('takes the store price when the store has one', () => {
    const p = { salePrice: 350, storePrices: [{ storeId: 's1', price: 320 }] };
    expect(labelPrice(p, 's1')).toBe(320);
    expect(labelPrice(p, 's2')).toBe(350);
    expect(labelPrice(p, null)).toBe(350);
  });
});

describe('label barcodes', () => {
  it('uses a valid single-unit EAN-13, never a case barcode, else the SKU in Code 128', () => {
    expect(labelBarcode({ sku: 'A-1', barcodes: [{ barcode: '6901234567892', packQty: '12' }, { barcode: '5901234123457', packQty: '1' }] })).toEqual({ kind: 'ean13', data: '5901234123457' });
    expect(labelBarcode({ sku: 'A-1', barcodes: [{ barcode: '6901234567892', packQty: '12' }] })).toEqual({ kind: 'code128', data: 'A-1' });
    expect(labelBarcode({ sku: 'TEA-01', barcodes: [{ barcode: '12345678', packQty: '1' }] })).toEqual({ kind: 'code128', data: 'TEA-01' });
    // A scale label with weight 0 is no product code.
    expect(labelBarcode({ sku: 'FRU-0001', barcodes: [{ barcode: '2012345000018', packQty: '1' }] })).toEqual({ kind: 'code128', data: 'FRU-0001' });
  });

  it('draws the EAN-13 modules as bars with the quiet zones inside the viewBox', () => {
    const svg = barcodeSvg({ kind: 'ean13', data: '5901234123457' }, 30);
    expect(svg).toContain('viewBox="0 0 113 30"'); // 11 + 95 + 7
    // The start guard 101: bars at modules 0 and 2, after 11 modules of quiet zone.
    expect(svg).toContain('<rect x="11" y="0" width="1" height="30"/><rect x="13" y="0" width="1" height="30"/>');
    const bars = barcodeModules({ kind: 'ean13', data: '5901234123457' }).match(/1+/g)!;
    expect(svg.match(/<rect/g)).toHaveLength(bars.length);
  });

  it('draws Code 128 with its own widths (start B, data, check, stop) and 10-module quiet zones', () => {
    const m = barcodeModules({ kind: 'code128', data: 'A-1' });
    // start + 3 data + check = 5 × 11 modules, stop 13.
    expect(m).toHaveLength(5 * 11 + 13);
    expect(m.startsWith('11010010000')).toBe(true); // start B = 211214
    expect(m.endsWith('1100011101011')).toBe(true); // stop = 2331112
    expect(barcodeSvg({ kind: 'code128', data: 'A-1' })).toContain(`viewBox="0 0 ${10 + m.length + 10} 40"`);
  });
});
