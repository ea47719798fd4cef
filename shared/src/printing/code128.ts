/**
 * Code 128, code set B, as bars for the HTML receipt (the thermal printer draws its own
 * with GS k). Each symbol is 6 alternating bar/space widths adding up to 11 modules;
 * the stop symbol has 7 and 13 modules.
 */
const PATTERNS = [
  '212222', '222122', '222221', '121223', '121322', '131222', '122213', '122312', '132212', '221213',
  '221312', '231212', '112232', '122132', '122231', '113222', '123122', '123221', '223211', '221132',
  '221231', '213212', '223112', '312131', '311222', '321122', '321221', '312212', '322112', '322211',
  '212123', '212321', '232121', '111323', '131123', '131321', '112313', '132113', '132311', '211313',
  '231113', '231311', '112133', '112331', '132131', '113123', '113321', '133121', '313121', '211331',
  '231131', '213113', '213311', '213131', '311123', '311321', '331121', '312113', '312311', '332111',
  '314111', '221411', '431111', '111224', '111422', '121124', '121421', '141122', '141221', '112214',
  '112412', '122114', '122411', '142112', '142211', '241211', '221114', '413111', '241112', '134111',
  '111242', '121142', '121241', '114212', '124112', '124211', '411212', '421112', '421211', '212141',
  '214121', '412121', '111143', '111341', '131141', '114113', '114311', '411113', '411311', '113141',
  '114131', '311141', '411131', '211412', '211214', '211232', '2331112',
] as const;

const START_B = 104;
const STOP = 106;

/** Symbol values for data in code set B: start, data, check, stop. */
export function code128Values(data: string): number[] {
  if (!/^[\x20-\x7e]+$/.test(data)) throw new RangeError('Code 128 (set B) takes printable ASCII only');
  const values = [...data].map((c) => c.charCodeAt(0) - 32);
  const check = values.reduce((sum, v, i) => sum + v * (i + 1), START_B) % 103;
  return [START_B, ...values, check, STOP];
}

/** Bar/space widths in modules, starting with a bar (quiet zones not included). */
export function code128Widths(data: string): number[] {
  return code128Values(data).flatMap((v) => [...PATTERNS[v]!].map(Number));
}

/** An inline SVG of the barcode, `moduleWidth` user units per module, 10-module quiet zones. */
export function code128Svg(data: string, height = 48, moduleWidth = 2): string {
  const widths = code128Widths(data);
  let x = 10 * moduleWidth;
  const bars: string[] = [];
  widths.forEach((w, i) => {
    if (i % 2 === 0) bars.push(`<rect x="${x}" y="0" width="${w * moduleWidth}" height="${height}"/>`);
    x += w * moduleWidth;
  });
  const total = x + 10 * moduleWidth;
  return `<svg xmlns="http://www.w3.org/2000/svg" class="barcode" viewBox="0 0 ${total} ${height}" width="${total}" height="${height}" shape-rendering="crispEdges" role="img" aria-label="${data.replace(/[&<>"]/g, '')}">${bars.join('')}</svg>`;
}
