import { z } from 'zod';
import { base64ToBytes, bytesToBase64 } from './print-job.ts';

/**
 * A receipt logo as the printer prints it: a 1-bit raster, rows packed 8 dots to a byte,
 * most significant bit first, 1 = black. Stored and synced in this form so that the
 * ESC/POS bytes (GS v 0) and the HTML receipt show exactly the same dots, and the till
 * never has to decode an image.
 */
export interface LogoRaster {
  /** Dots per row, a multiple of 8. */
  width: number;
  height: number;
  /** Base64 of `width / 8 * height` bytes. */
  data: string;
}

/** 384 dots is the printable width of 58 mm paper, so one logo prints on either paper. */
export const LOGO_MAX_WIDTH = 384;
export const LOGO_MAX_HEIGHT = 240;

export const logoRasterSchema = z
  .object({
    width: z
      .number()
      .int()
      .min(8, 'receiptLogo.width must be at least 8 dots')
      .max(LOGO_MAX_WIDTH, `receiptLogo.width must be at most ${LOGO_MAX_WIDTH} dots`)
      .refine((w) => w % 8 === 0, 'receiptLogo.width must be a multiple of 8'),
    height: z.number().int().min(1, 'receiptLogo.height must be at least 1').max(LOGO_MAX_HEIGHT, `receiptLogo.height must be at most ${LOGO_MAX_HEIGHT} dots`),
    data: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'receiptLogo.data must be base64'),
  })
  .refine((logo) => base64Length(logo.data) === (logo.width / 8) * logo.height, {
    message: 'receiptLogo.data must hold width / 8 × height bytes',
    path: ['data'],
  });

function base64Length(data: string): number {
  if (data.length % 4 !== 0) return -1;
  return (data.length / 4) * 3 - (data.endsWith('==') ? 2 : data.endsWith('=') ? 1 : 0);
}

/** Image pixels as a canvas gives them: RGBA, 4 bytes a pixel, row by row. */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8Array | Uint8ClampedArray;
}

/** The size an image is drawn at before rasterising: fits the logo box, keeps its aspect, never enlarges. */
export function logoSize(width: number, height: number, maxWidth = LOGO_MAX_WIDTH, maxHeight = LOGO_MAX_HEIGHT): { width: number; height: number } {
  if (!(width > 0 && height > 0)) throw new RangeError('an image needs a width and a height');
  const scale = Math.min(1, maxWidth / width, maxHeight / height);
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/**
 * RGBA pixels → printer raster. Transparent pixels count as paper (white); grey is
 * spread with Floyd–Steinberg error diffusion, which keeps photos and anti-aliased edges
 * readable on a thermal head that can only burn a dot or not. Rows are padded with white
 * to a whole byte.
 */
export function rasterizeLogo(image: RgbaImage): LogoRaster {
  const { width, height, data } = image;
  if (data.length !== width * height * 4) throw new RangeError(`expected ${width * height * 4} RGBA bytes, got ${data.length}`);
  const grey = new Float32Array(width * height);
  for (let i = 0; i < width * height; i++) {
    const alpha = data[i * 4 + 3]! / 255;
    const lum = 0.299 * data[i * 4]! + 0.587 * data[i * 4 + 1]! + 0.114 * data[i * 4 + 2]!;
    grey[i] = alpha * lum + (1 - alpha) * 255;
  }
  const rowBytes = Math.ceil(width / 8);
  const bits = new Uint8Array(rowBytes * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      const old = grey[i]!;
      const black = old < 128;
      if (black) bits[y * rowBytes + (x >> 3)]! |= 0x80 >> (x & 7);
      const error = old - (black ? 0 : 255);
      if (x + 1 < width) grey[i + 1]! += (error * 7) / 16;
      if (y + 1 < height) {
        if (x > 0) grey[i + width - 1]! += (error * 3) / 16;
        grey[i + width]! += (error * 5) / 16;
        if (x + 1 < width) grey[i + width + 1]! += error / 16;
      }
    }
  }
  return { width: rowBytes * 8, height, data: bytesToBase64(bits) };
}

/** Whether the dot at (x, y) is black. */
export function logoDot(bits: Uint8Array, raster: Pick<LogoRaster, 'width'>, x: number, y: number): boolean {
  return (bits[y * (raster.width / 8) + (x >> 3)]! & (0x80 >> (x & 7))) !== 0;
}

/**
 * The raster as a 1-bit BMP data URL, for the HTML receipt and previews: a BMP is the
 * one image format simple enough to write without a library, and it keeps the page
 * self-contained.
 */
export function logoDataUrl(raster: LogoRaster): string {
  const bits = base64ToBytes(raster.data);
  const rowBytes = raster.width / 8;
  const stride = Math.ceil(rowBytes / 4) * 4;
  const pixelOffset = 14 + 40 + 8;
  const size = pixelOffset + stride * raster.height;
  const bmp = new Uint8Array(size);
  const view = new DataView(bmp.buffer);
  bmp[0] = 0x42; // 'B'
  bmp[1] = 0x4d; // 'M'
  view.setUint32(2, size, true);
  view.setUint32(10, pixelOffset, true);
  view.setUint32(14, 40, true); // BITMAPINFOHEADER
  view.setInt32(18, raster.width, true);
  view.setInt32(22, raster.height, true); // positive: rows bottom-up
  view.setUint16(26, 1, true);
  view.setUint16(28, 1, true); // 1 bit a pixel
  view.setUint32(34, stride * raster.height, true);
  view.setUint32(38, 7874, true); // 200 dpi
  view.setUint32(42, 7874, true);
  view.setUint32(46, 2, true);
  // Palette: index 0 white, index 1 black, so the raster's bits go in unchanged.
  bmp.set([0xff, 0xff, 0xff, 0, 0, 0, 0, 0], 54);
  for (let y = 0; y < raster.height; y++) {
    bmp.set(bits.subarray(y * rowBytes, (y + 1) * rowBytes), pixelOffset + (raster.height - 1 - y) * stride);
  }
  return `data:image/bmp;base64,${bytesToBase64(bmp)}`;
}
