import { gs1CheckDigit, isValidGtin } from './gs1.ts';

/**
 * In-store labels printed by a scale: EAN-13 with a GS1 restricted-circulation
 * prefix 20–29, whose meaning GS1 leaves to each country and shop. The layout must
 * match how the shop's scales are set up, so it is configuration, not a constant.
 */
export interface WeighedLayout {
  prefixDigits: number;
  itemDigits: number;
  /** prefixDigits + itemDigits + valueDigits must be 12; the 13th is the check digit. */
  valueDigits: number;
  /** Prefixes whose value is a weight in grams. */
  weightPrefixes: readonly string[];
  /** Prefixes whose value is a price in minor units. */
  pricePrefixes: readonly string[];
}

/**
 * Default: 2-digit prefix, 5-digit item (PLU) code, 5-digit value, check digit.
 * 21–22 carry a weight in grams (up to 99.999 kg); 20 and 23–29 carry the label's
 * price in minor units (up to 999.99). Most scales print the price, so price gets
 * the wider range; a weight label lets the till price the item itself.
 */
export const DEFAULT_WEIGHED_LAYOUT: WeighedLayout = {
  prefixDigits: 2,
  itemDigits: 5,
  valueDigits: 5,
  weightPrefixes: ['21', '22'],
  pricePrefixes: ['20', '23', '24', '25', '26', '27', '28', '29'],
};

export type WeighedKind = 'weight' | 'price';

export interface WeighedBarcode {
  prefix: string;
  /** Digits as printed, leading zeros kept: this is the key the scale was loaded with. */
  itemCode: string;
  kind: WeighedKind;
  /** Grams for 'weight' (equal to a quantity in thousandths of a kg); minor units for 'price'. */
  value: number;
}

function checkLayout(layout: WeighedLayout): void {
  const { prefixDigits, itemDigits, valueDigits } = layout;
  const widths = [prefixDigits, itemDigits, valueDigits];
  if (widths.some((n) => !Number.isInteger(n) || n < 1) || prefixDigits + itemDigits + valueDigits !== 12) {
    throw new RangeError('weighed barcode layout: prefix, item and value digits must be positive and total 12');
  }
  for (const prefix of [...layout.weightPrefixes, ...layout.pricePrefixes]) {
    if (prefix.length !== prefixDigits || !/^2\d*$/.test(prefix)) {
      throw new RangeError(
        `weighed barcode prefix "${prefix}" must be ${prefixDigits} digits starting with 2`,
      );
    }
    if (layout.weightPrefixes.includes(prefix) && layout.pricePrefixes.includes(prefix)) {
      throw new RangeError(`weighed barcode prefix "${prefix}" cannot mean both weight and price`);
    }
  }
}

function kindOf(prefix: string, layout: WeighedLayout): WeighedKind | null {
  if (layout.weightPrefixes.includes(prefix)) return 'weight';
  if (layout.pricePrefixes.includes(prefix)) return 'price';
  return null;
}

/**
 * Reads a scale label, or returns null when the code is not a valid EAN-13 with one
 * of the layout's prefixes (then it is an ordinary barcode, or a misread).
 */
export function parseWeighedBarcode(
  code: string,
  layout: WeighedLayout = DEFAULT_WEIGHED_LAYOUT,
): WeighedBarcode | null {
  checkLayout(layout);
  if (code.length !== 13 || !isValidGtin(code)) return null;
  const prefix = code.slice(0, layout.prefixDigits);
  const kind = kindOf(prefix, layout);
  if (!kind) return null;
  const itemEnd = layout.prefixDigits + layout.itemDigits;
  const itemCode = code.slice(layout.prefixDigits, itemEnd);
  return { prefix, itemCode, kind, value: Number(code.slice(itemEnd, 12)) };
}

export interface WeighedLabel {
  itemCode: string;
  kind: WeighedKind;
  value: number;
  /** Defaults to the layout's first prefix for the kind. */
  prefix?: string;
}

/** Builds the code a scale would print, for tests and demo data. */
export function makeWeighedBarcode(
  label: WeighedLabel,
  layout: WeighedLayout = DEFAULT_WEIGHED_LAYOUT,
): string {
  checkLayout(layout);
  const prefixes = label.kind === 'weight' ? layout.weightPrefixes : layout.pricePrefixes;
  const prefix = label.prefix ?? prefixes[0];
  if (prefix === undefined || kindOf(prefix, layout) !== label.kind) {
    throw new RangeError(
      `no ${label.kind} prefix "${label.prefix ?? ''}" in the weighed barcode layout`,
    );
  }
  if (!/^\d+$/.test(label.itemCode) || label.itemCode.length > layout.itemDigits) {
    throw new RangeError(`item code "${label.itemCode}" must be at most ${layout.itemDigits} digits`);
  }
  const max = 10 ** layout.valueDigits - 1;
  if (!Number.isSafeInteger(label.value) || label.value < 0 || label.value > max) {
    throw new RangeError(`${label.kind} ${String(label.value)} must be an integer from 0 to ${max}`);
  }
  const body =
    prefix +
    label.itemCode.padStart(layout.itemDigits, '0') +
    String(label.value).padStart(layout.valueDigits, '0');
  return body + String(gs1CheckDigit(body));
}
