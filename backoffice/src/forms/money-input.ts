import { parseScaledDecimal, toDecimalString } from '@shopbook/shared';

/**
 * People type money in major units ("12.50"); the wire carries integers of minor units
 * (1250) and unit costs as decimal strings of minor units ("1250", "150.5"). Every
 * conversion here moves the decimal point in a string, never through a float.
 */

/** Digits a unit cost carries beyond the minor unit (shared UNIT_COST_SCALE = 10^4, numeric(18,4)). */
const COST_EXTRA_DIGITS = 4;

function clean(text: string): string {
  // Allow thousands separators and a currency sign people paste from elsewhere.
  return text.trim().replace(/[,\s¥$€£]/g, '');
}

/** 1250 → '12.50' for an input box (2 minor digits). */
export function moneyToInput(minor: number, decimals: number): string {
  return toDecimalString(minor, decimals);
}

/** '12.5' → 1250; null when it is not a non-negative amount with at most `decimals` places. */
export function parseMoneyInput(text: string, decimals: number): number | null {
  const value = clean(text);
  if (value === '') return null;
  try {
    const minor = parseScaledDecimal(value, decimals, 'amount');
    return minor >= 0 ? minor : null;
  } catch {
    return null;
  }
}

/**
 * A unit cost typed in major units → minor units as the API wants it:
 * '1.505' (CNY) → '150.5', '12' → '1200'. Up to `decimals` + 4 places are kept
 * exactly; null when the text is not a non-negative number that fits.
 */
export function costInputToMinor(text: string, decimals: number): string | null {
  const value = clean(text);
  if (value === '') return null;
  let scaled: number;
  try {
    scaled = parseScaledDecimal(value, decimals + COST_EXTRA_DIGITS, 'unit cost');
  } catch {
    return null;
  }
  if (scaled < 0) return null;
  return trimZeros(toDecimalString(scaled, COST_EXTRA_DIGITS));
}

/** A unit cost in minor units ('150.5000') → major units with at least `decimals` places: '1.505'. */
export function costMinorToMajor(minorText: string, decimals: number): string {
  let cost4: number;
  try {
    cost4 = parseScaledDecimal(minorText.trim(), COST_EXTRA_DIGITS, 'unit cost');
  } catch {
    return minorText;
  }
  const full = toDecimalString(cost4, decimals + COST_EXTRA_DIGITS);
  if (decimals + COST_EXTRA_DIGITS === 0) return full;
  const [whole, fraction = ''] = full.split('.');
  const kept = fraction.replace(/0+$/, '').padEnd(decimals, '0');
  return kept ? `${whole}.${kept}` : (whole ?? full);
}

/** '150.5000' → '150.5', '12.000' → '12', '-2.500' → '-2.5'. */
export function trimZeros(decimal: string): string {
  return decimal.includes('.') ? decimal.replace(/\.?0+$/, '') : decimal;
}
