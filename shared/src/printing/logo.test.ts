import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeEscPos, decodedText } from './escpos-decoder.ts';
import { escPosBytes } from './escpos.ts';
import { receiptHtml } from './html-receipt.ts';
import { type LogoRaster, logoDataUrl, logoDot, logoRasterSchema, logoSize, rasterizeLogo } from './logo.ts';
import { base64ToBytes } from './print-job.ts';
import { layoutSaleReceipt } from './receipt-layout.ts';
import { productNames, splitPaymentSale, store } from './test-fixtures.ts';

/** An RGBA image of one colour, or of a pixel function. */
function image(width: number, height: number, pixel: (x: number, y: number) => [number, number, number, number]) {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data.set(pixel(x, y), (y * width + x) * 4);
  return { width, height, data };
}

function blackDots(raster: LogoRaster): number {
  return [...base64ToBytes(raster.data)].reduce((n, byte) => n + byte.toString(2).replaceAll('0', '').length, 0);
}

describe('receipt logo raster', () => {
  it('prints black as dots and white or transparent as paper', () => {
    const logo = rasterizeLogo(image(16, 2, (x, y) => (y === 0 ? (x < 8 ? [0, 0, 0, 255] : [255, 255, 255, 255]) : [0, 0, 0, 0])));
    expect(logo).toEqual({ width: 16, height: 2, data: expect.any(String) });
    expect([...base64ToBytes(logo.data)]).toEqual([0xff, 0x00, 0x00, 0x00]);
  });

  it('pads a row to whole bytes with paper', () => {
    const logo = rasterizeLogo(image(10, 1, () => [0, 0, 0, 255]));
    expect(logo.width).toBe(16);
    expect([...base64ToBytes(logo.data)]).toEqual([0xff, 0xc0]);
  });

  it('keeps the share of ink of a grey: dithering neither darkens nor lightens', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 255 }), (grey) => {
        const logo = rasterizeLogo(image(64, 32, () => [grey, grey, grey, 255]));
        const ink = blackDots(logo) / (64 * 32);
        expect(Math.abs(ink - (255 - grey) / 255)).toBeLessThan(0.03);
      }),
      { numRuns: 40 },
    );
  });

  it('fits an image into the logo box without enlarging it', () => {
    expect(logoSize(1000, 500)).toEqual({ width: 384, height: 192 });
    expect(logoSize(200, 1000)).toEqual({ width: 48, height: 240 });
    expect(logoSize(100, 40)).toEqual({ width: 100, height: 40 });
    expect(() => logoSize(0, 10)).toThrow(RangeError);
  });

  it('accepts a raster only when its size and bytes agree', () => {
    const logo = rasterizeLogo(image(24, 3, () => [0, 0, 0, 255]));
    expect(logoRasterSchema.parse(logo)).toEqual(logo);
    const issues = (value: unknown) => logoRasterSchema.safeParse(value).error?.issues.map((i) => i.message) ?? [];
    expect(issues({ ...logo, width: 20 })).toContain('receiptLogo.width must be a multiple of 8');
    expect(issues({ ...logo, width: 400 })).toContain('receiptLogo.width must be at most 384 dots');
    expect(issues({ ...logo, height: 4 })).toContain('receiptLogo.data must hold width / 8 × height bytes');
    expect(issues({ ...logo, data: 'not base64!' })).toContain('receiptLogo.data must be base64');
  });

  it('becomes a 1-bit BMP with the same dots, top row first on screen', () => {
    // A diagonal: dot (i, i) black.
    const logo = rasterizeLogo(image(8, 8, (x, y) => (x === y ? [0, 0, 0, 255] : [255, 255, 255, 255])));
    const url = logoDataUrl(logo);
    expect(url.startsWith('data:image/bmp;base64,')).toBe(true);
    const bmp = base64ToBytes(url.slice('data:image/bmp;base64,'.length));
    const view = new DataView(bmp.buffer);
    expect(String.fromCharCode(bmp[0]!, bmp[1]!)).toBe('BM');
    expect(view.getUint32(2, true)).toBe(bmp.length);
    expect([view.getInt32(18, true), view.getInt32(22, true), view.getUint16(28, true)]).toEqual([8, 8, 1]);
    const offset = view.getUint32(10, true);
    // Rows are stored bottom-up, each padded to 4 bytes: the last stored row is the top one.
    expect(bmp[offset + 7 * 4]).toBe(0x80);
    expect(bmp[offset]).toBe(0x01);
    const bits = base64ToBytes(logo.data);
    for (let i = 0; i < 8; i++) expect(logoDot(bits, logo, i, i)).toBe(true);
    expect(logoDot(bits, logo, 1, 0)).toBe(false);
  });
});

describe('a receipt with the store logo', () => {
  const logo = rasterizeLogo(image(96, 24, (x, y) => ((x >> 3) % 2 === (y >> 3) % 2 ? [0, 0, 0, 255] : [255, 255, 255, 0])));
  const ctx = { store: { ...store, receiptLogo: logo }, productNames, cashierName: '张三', occurredAt: '2026-03-02T10:00:00Z' };

  it('prints the logo above the store name as a raster image with exactly its dots', async () => {
    const layout = layoutSaleReceipt(splitPaymentSale(), ctx, { paper: 58, timeZone: 'Asia/Shanghai' });
    const decoded = decodeEscPos(await escPosBytes(layout));
    const text = decodedText(decoded, 32);
    expect(text[0]).toBe(' '.repeat(9) + '[IMAGE 96x24]');
    expect(text[1]).toContain(store.name);
    const op = decoded.ops.find((o) => o.op === 'image');
    expect(op).toMatchObject({ op: 'image', width: 96, height: 24 });
    expect(op?.op === 'image' && [...op.bits]).toEqual([...base64ToBytes(logo.data)]);
  });

  it('leaves out a logo wider than the paper, and prints none when told', () => {
    const wide = { ...ctx, store: { ...store, receiptLogo: { width: 384, height: 1, data: btoa('\0'.repeat(48)) } } };
    const narrow = layoutSaleReceipt(splitPaymentSale(), wide, { columns: 24 });
    expect(narrow.commands.some((c) => c.kind === 'image')).toBe(false);
    const told = layoutSaleReceipt(splitPaymentSale(), ctx, { paper: 80, logo: false });
    expect(told.commands.some((c) => c.kind === 'image')).toBe(false);
  });

  it('shows the same dots on the HTML receipt', () => {
    const html = receiptHtml(layoutSaleReceipt(splitPaymentSale(), ctx, { paper: 80 }));
    expect(html).toContain(`<div class="symbol logo"><img alt="" src="${logoDataUrl(logo)}" style="width:12mm"></div>`);
  });
});
