import { ean13Modules, isEan13 } from '../../barcode/ean13.ts';
import { code128Widths } from '../code128.ts';

/** What a label's barcode encodes: the product's own EAN-13, or else its SKU in Code 128. */
export type LabelBarcode = { kind: 'ean13'; data: string } | { kind: 'code128'; data: string };

/**
 * Picks the first valid EAN-13 among the product's single-unit barcodes. Not a case
 * barcode (it would ring up a case), and not an in-store code of prefix 20–29: those are
 * scale labels whose digits carry a weight or price, so a shelf copy would ring up nothing.
 */
export function labelBarcode(product: { sku: string; barcodes: readonly { barcode: string; packQty: string }[] }): LabelBarcode {
  const ean = product.barcodes.find((b) => Number(b.packQty) === 1 && isEan13(b.barcode) && !b.barcode.startsWith('2'));
  return ean ? { kind: 'ean13', data: ean.barcode } : { kind: 'code128', data: product.sku };
}

/** Bar runs in modules from a 0/1 module string: [{ x, w }] of the bars only. */
function barsOf(modules: string): { x: number; w: number }[] {
  const bars: { x: number; w: number }[] = [];
  for (let i = 0; i < modules.length; ) {
    let j = i;
    while (j < modules.length && modules[j] === modules[i]) j++;
    if (modules[i] === '1') bars.push({ x: i, w: j - i });
    i = j;
  }
  return bars;
}

function widthsToModules(widths: readonly number[]): string {
  return widths.map((w, i) => (i % 2 === 0 ? '1' : '0').repeat(w)).join('');
}

/** The modules of a label barcode, without quiet zones. */
export function barcodeModules(code: LabelBarcode): string {
  return code.kind === 'ean13' ? ean13Modules(code.data) : widthsToModules(code128Widths(code.data));
}

/**
 * An SVG in module units (one user unit = one module) so the page sets the physical
 * size; the quiet zones (EAN-13: 11 left, 7 right; Code 128: 10 each side) are part of
 * the drawing so a tight label cannot crop them. `data-code` keeps what was encoded for
 * people and tests.
 */
export function barcodeSvg(code: LabelBarcode, height = 40): string {
  const modules = barcodeModules(code);
  const [left, right] = code.kind === 'ean13' ? [11, 7] : [10, 10];
  const width = left + modules.length + right;
  const rects = barsOf(modules)
    .map((b) => `<rect x="${b.x + left}" y="0" width="${b.w}" height="${height}"/>`)
    .join('');
  const label = code.data.replace(/[&<>"]/g, '');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="barcode" data-kind="${code.kind}" data-code="${label}" ` +
    `viewBox="0 0 ${width} ${height}" preserveAspectRatio="none" shape-rendering="crispEdges" role="img" aria-label="${label}">${rects}</svg>`
  );
}
