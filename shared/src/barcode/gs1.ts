/**
 * GS1 identification keys as printed on retail goods (GS1 General Specifications
 * §7.9, mod-10 check digit) and UPC-E zero suppression.
 */

export type BarcodeKind = 'ean8' | 'upce' | 'upca' | 'ean13' | 'gtin14';

const DIGITS = /^\d+$/;

/**
 * Check digit for a body of digits: weights 3, 1, 3, … from the rightmost body digit,
 * then the amount needed to reach the next multiple of ten. The same rule serves
 * every GTIN length because the weights are anchored at the right.
 */
export function gs1CheckDigit(bodyDigits: string): number {
  if (!DIGITS.test(bodyDigits)) {
    throw new Error(`barcode body must be digits only, got "${bodyDigits}"`);
  }
  let sum = 0;
  for (let i = 0; i < bodyDigits.length; i++) {
    const digit = bodyDigits.charCodeAt(bodyDigits.length - 1 - i) - 48;
    sum += i % 2 === 0 ? digit * 3 : digit;
  }
  return (10 - (sum % 10)) % 10;
}

/** withCheckDigit('590123412345') → '5901234123457'. */
export function withCheckDigit(body: string): string {
  return body + String(gs1CheckDigit(body));
}

function hasValidCheckDigit(code: string): boolean {
  if (code.length < 2 || !DIGITS.test(code)) return false;
  return gs1CheckDigit(code.slice(0, -1)) === Number(code.slice(-1));
}

/** A GTIN of a length printed on goods (EAN-8, UPC-A, EAN-13, GTIN-14) with a correct check digit. */
export function isValidGtin(code: string): boolean {
  return [8, 12, 13, 14].includes(code.length) && hasValidCheckDigit(code);
}

/**
 * Expands an 8-digit UPC-E (number system 0 or 1, six digits, check digit) to its
 * 12-digit UPC-A. The check digit of a UPC-E is the one of its UPC-A, so it is
 * verified after expansion. Throws an Error naming the code when it is not one.
 */
export function expandUpcE(code: string): string {
  if (!/^[01]\d{7}$/.test(code)) {
    throw new Error(`UPC-E "${code}" must be 8 digits starting with 0 or 1`);
  }
  const ns = code.slice(0, 1);
  const d = code.slice(1, 7);
  const last = d.slice(5);
  let body: string;
  // The last of the six digits says where the manufacturer's zeros were removed.
  if (last <= '2') body = `${d.slice(0, 2)}${last}0000${d.slice(2, 5)}`;
  else if (last === '3') body = `${d.slice(0, 3)}00000${d.slice(3, 5)}`;
  else if (last === '4') body = `${d.slice(0, 4)}00000${d.slice(4, 5)}`;
  else body = `${d.slice(0, 5)}0000${last}`;
  const upcA = ns + body + code.slice(7);
  if (!hasValidCheckDigit(upcA)) throw new Error(`UPC-E "${code}" has a wrong check digit`);
  return upcA;
}

export function isValidUpcE(code: string): boolean {
  try {
    expandUpcE(code);
    return true;
  } catch {
    return false;
  }
}

/**
 * What kind of code a scan is, or null when it is not a valid one. An 8-digit scan
 * could be an EAN-8 or a UPC-E, and a keyboard-wedge scanner does not say which;
 * a valid EAN-8 is reported as 'ean8'. About one in ten 8-digit codes starting with
 * 0 or 1 passes both checks, so a catalogue lookup that misses on an 'ean8' should
 * also try expandUpcE(code) when isValidUpcE(code).
 */
export function barcodeKind(code: string): BarcodeKind | null {
  if (!DIGITS.test(code)) return null;
  switch (code.length) {
    case 8:
      if (hasValidCheckDigit(code)) return 'ean8';
      return isValidUpcE(code) ? 'upce' : null;
    case 12:
      return hasValidCheckDigit(code) ? 'upca' : null;
    case 13:
      return hasValidCheckDigit(code) ? 'ean13' : null;
    case 14:
      return hasValidCheckDigit(code) ? 'gtin14' : null;
    default:
      return null;
  }
}
