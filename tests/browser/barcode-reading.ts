import { BarcodeFormat, BinaryBitmap, DecodeHintType, HybridBinarizer, MultiFormatReader, RGBLuminanceSource } from '@zxing/library';
import { PNG } from 'pngjs';

/**
 * Reading printed barcodes back in tests, two independent ways: from the SVG's bars
 * (EAN-13, with the standard's digit widths typed here rather than imported, so a wrong
 * table in the product cannot agree with itself) and from pixels with ZXing, as a
 * scanner would.
 */

/** The modules of an SVG barcode drawn one user unit per module, quiet zones trimmed. */
export function svgModules(svg: string): string {
  const width = Number(/viewBox="0 0 (\d+(?:\.\d+)?) /.exec(svg)![1]);
  const cells = Array<string>(width).fill('0');
  for (const m of svg.matchAll(/<rect x="(\d+)" y="0" width="(\d+)"/g)) {
    for (let i = 0; i < Number(m[2]); i++) cells[Number(m[1]) + i] = '1';
  }
  return cells.join('').replace(/^0+|0+$/g, '');
}

// EAN digits as widths of space, bar, space, bar in set A (ISO/IEC 15420 table 1).
const A_WIDTHS = ['3211', '2221', '2122', '1411', '1132', '1231', '1114', '1312', '1213', '3112'];
const FIRST_DIGIT = ['AAAAAA', 'AABABB', 'AABBAB', 'AABBBA', 'ABAABB', 'ABBAAB', 'ABBBAA', 'ABABAB', 'ABABBA', 'ABBABA'];

function runs(bits: string): string {
  return bits.match(/0+|1+/g)!.map((r) => r.length).join('');
}

/** Digits of an EAN-13 from its 95 modules, or throws. */
export function decodeEan13(modules: string): string {
  if (modules.length !== 95 || !modules.startsWith('101') || modules.slice(45, 50) !== '01010' || !modules.endsWith('101')) {
    throw new Error(`not an EAN-13 symbol: ${modules}`);
  }
  let sets = '';
  let digits = '';
  for (let i = 0; i < 6; i++) {
    const w = runs(modules.slice(3 + i * 7, 10 + i * 7));
    // Set A starts with a space; set B is set A's widths reversed.
    const a = A_WIDTHS.indexOf(w);
    const b = A_WIDTHS.indexOf([...w].reverse().join(''));
    if (a < 0 && b < 0) throw new Error(`left digit ${i} unreadable`);
    sets += a >= 0 ? 'A' : 'B';
    digits += String(a >= 0 ? a : b);
  }
  for (let i = 0; i < 6; i++) {
    // Set C: the same widths as A, starting with a bar.
    const c = A_WIDTHS.indexOf(runs(modules.slice(50 + i * 7, 57 + i * 7)));
    if (c < 0) throw new Error(`right digit ${i} unreadable`);
    digits += String(c);
  }
  const first = FIRST_DIGIT.indexOf(sets);
  if (first < 0) throw new Error(`parity ${sets} names no first digit`);
  const all = `${first}${digits}`;
  const sum = [...all.slice(0, 12)].reduce((s, d, i) => s + Number(d) * (i % 2 ? 3 : 1), 0);
  if ((10 - (sum % 10)) % 10 !== Number(all[12])) throw new Error(`check digit of ${all} is wrong`);
  return all;
}

/** What ZXing reads in a PNG screenshot (EAN-13 or Code 128), or null. */
export function scanPng(png: Buffer): { text: string; format: string } | null {
  const img = PNG.sync.read(png);
  const lum = new Uint8ClampedArray(img.width * img.height);
  for (let i = 0; i < lum.length; i++) {
    lum[i] = (img.data[i * 4]! * 299 + img.data[i * 4 + 1]! * 587 + img.data[i * 4 + 2]! * 114) / 1000;
  }
  const reader = new MultiFormatReader();
  const hints = new Map<DecodeHintType, unknown>([
    [DecodeHintType.POSSIBLE_FORMATS, [BarcodeFormat.EAN_13, BarcodeFormat.CODE_128]],
    [DecodeHintType.TRY_HARDER, true],
  ]);
  try {
    const result = reader.decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(lum, img.width, img.height))), hints);
    return { text: result.getText(), format: BarcodeFormat[result.getBarcodeFormat()]! };
  } catch {
    return null;
  }
}
