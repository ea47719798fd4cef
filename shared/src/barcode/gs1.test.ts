import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { barcodeKind, expandUpcE, gs1CheckDigit, isValidGtin, isValidUpcE, withCheckDigit } from './gs1.ts';

describe('gs1CheckDigit', () => {
  it('computes the mod-10 check digit of published codes', () => {
    expect(gs1CheckDigit('590123412345')).toBe(7); // GS1's own EAN-13 example
    expect(gs1CheckDigit('400638133393')).toBe(1);
    expect(gs1CheckDigit('03600029145')).toBe(2); // UPC-A
    expect(gs1CheckDigit('9638507')).toBe(4); // EAN-8
    expect(gs1CheckDigit('0001234567890')).toBe(5); // GTIN-14
    expect(gs1CheckDigit('000000000000')).toBe(0);
  });

  it('rejects non-digits', () => {
    expect(() => gs1CheckDigit('12a4')).toThrow(/digits only/);
    expect(() => gs1CheckDigit('')).toThrow(/digits only/);
  });
});

describe('isValidGtin and barcodeKind', () => {
  it('knows each printed length', () => {
    expect(barcodeKind('96385074')).toBe('ean8');
    expect(barcodeKind('036000291452')).toBe('upca');
    expect(barcodeKind('5901234123457')).toBe('ean13');
    expect(barcodeKind('00012345678905')).toBe('gtin14');
    expect(barcodeKind('04252614')).toBe('upce'); // not a valid EAN-8, a valid UPC-E
    for (const code of ['96385074', '036000291452', '5901234123457', '00012345678905']) {
      expect(isValidGtin(code)).toBe(true);
    }
  });

  it('rejects wrong check digits, lengths and characters', () => {
    const bad = ['5901234123458', '036000291453', '96385075', '123456789', '590123412345'];
    for (const code of [...bad, '', '590123412345X', ' 5901234123457']) {
      expect(isValidGtin(code), code).toBe(false);
      expect(barcodeKind(code), code).toBeNull();
    }
    expect(isValidGtin('04252614')).toBe(false);
  });
});

describe('expandUpcE', () => {
  it('restores the suppressed zeros for each final digit', () => {
    expect(expandUpcE('04252614')).toBe('042100005264'); // last digit 0–2
    expect(expandUpcE('01234505')).toBe('012000003455'); // last digit 0
    expect(expandUpcE('01234531')).toBe('012300000451'); // last digit 3
    expect(expandUpcE('01234543')).toBe('012340000053'); // last digit 4
    expect(expandUpcE('01234565')).toBe('012345000065'); // last digit 5–9
  });

  it('validates the check digit and the number system', () => {
    expect(() => expandUpcE('04252615')).toThrow(/wrong check digit/);
    expect(() => expandUpcE('24252614')).toThrow(/starting with 0 or 1/);
    expect(() => expandUpcE('0425261')).toThrow(/8 digits/);
    expect(isValidUpcE('04252614')).toBe(true);
    expect(isValidUpcE('04252615')).toBe(false);
  });
});

describe('withCheckDigit', () => {
  const bodyArb = fc
    .constantFrom(7, 11, 12, 13)
    .chain((length) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: length, maxLength: length }));

  it('produces valid codes, and any single changed digit is caught', () => {
    fc.assert(
      fc.property(bodyArb, fc.nat(), fc.integer({ min: 1, max: 9 }), (body, at, shift) => {
        const code = withCheckDigit(body);
        expect(isValidGtin(code)).toBe(true);
        const i = at % code.length;
        const changed = String((Number(code[i]) + shift) % 10);
        const corrupted = code.slice(0, i) + changed + code.slice(i + 1);
        expect(isValidGtin(corrupted)).toBe(false);
      }),
    );
  });
});
