import { describe, expect, it } from 'vitest';
import { ean13Modules, isEan13 } from './ean13.ts';

describe('EAN-13 modules', () => {
  it('encodes 4006381333931 as the standard prints it (first digit 4: parity LGLLGG)', () => {
    // Written out by hand from the ISO/IEC 15420 tables, digit by digit.
    const expected =
      '101' +
      '0001101' + // 0 L
      '0100111' + // 0 G
      '0101111' + // 6 L
      '0111101' + // 3 L
      '0001001' + // 8 G
      '0110011' + // 1 G
      '01010' +
      '1000010' + // 3 R
      '1000010' + // 3 R
      '1000010' + // 3 R
      '1110100' + // 9 R
      '1000010' + // 3 R
      '1100110' + // 1 R
      '101';
    expect(ean13Modules('4006381333931')).toBe(expected);
  });

  it('uses only set L on the left when the first digit is 0 (a UPC-A in EAN-13 form)', () => {
    const m = ean13Modules('0012345678905');
    expect(m.slice(3, 10)).toBe('0001101'); // 0 in L
    expect(m.slice(10, 17)).toBe('0011001'); // 1 in L
    expect(m.slice(38, 45)).toBe('0110001'); // 5 in L
  });

  it('is always 95 modules with the guards in place, and every digit is 2 bars and 2 spaces', () => {
    for (const code of ['5901234123457', '6901234567892', '9780201379624', '2012345000018']) {
      const m = ean13Modules(code);
      expect(m).toHaveLength(95);
      expect(m.slice(0, 3)).toBe('101');
      expect(m.slice(45, 50)).toBe('01010');
      expect(m.slice(92)).toBe('101');
      for (const start of [3, 10, 17, 24, 31, 38, 50, 57, 64, 71, 78, 85]) {
        const runs = m.slice(start, start + 7).match(/(0+|1+)/g)!;
        expect(runs).toHaveLength(4);
      }
    }
  });

  it('refuses a wrong check digit or length', () => {
    expect(isEan13('5901234123458')).toBe(false);
    expect(isEan13('590123412345')).toBe(false);
    expect(() => ean13Modules('5901234123458')).toThrow(RangeError);
  });
});
