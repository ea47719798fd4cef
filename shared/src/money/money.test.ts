import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMoney,
  assertMoney,
  isMoney,
  mulDivRound,
  parseMoney,
  roundHalfUp,
  subtractMoney,
  sumMoney,
  toDecimalString,
} from './money.ts';

describe('assertMoney', () => {
  it('accepts safe integers and names anything else', () => {
    expect(assertMoney(1234)).toBe(1234);
    expect(() => assertMoney(12.34)).toThrow(RangeError);
    expect(() => assertMoney(12.34)).toThrow(/12\.34/);
    expect(() => assertMoney(Number.NaN, 'price')).toThrow(/price.*NaN/);
    expect(() => assertMoney(2 ** 53)).toThrow(/9007199254740992/);
    expect(isMoney(5)).toBe(true);
    expect(isMoney('5')).toBe(false);
  });
});

describe('sums', () => {
  it('adds exactly and refuses to overflow', () => {
    expect(addMoney(10, 20)).toBe(30);
    expect(subtractMoney(10, 25)).toBe(-15);
    expect(sumMoney([])).toBe(0);
    expect(sumMoney([1, 2, 3])).toBe(6);
    expect(() => sumMoney([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
    expect(() => addMoney(0.1, 0.2)).toThrow(RangeError);
  });
});

describe('roundHalfUp', () => {
  it('rounds halves away from zero', () => {
    expect(roundHalfUp(5n, 2n)).toBe(3n);
    expect(roundHalfUp(-5n, 2n)).toBe(-3n);
    expect(roundHalfUp(5n, -2n)).toBe(-3n);
    expect(roundHalfUp(4n, 3n)).toBe(1n);
    expect(roundHalfUp(-4n, 3n)).toBe(-1n);
    expect(roundHalfUp(149n, 100n)).toBe(1n);
    expect(roundHalfUp(150n, 100n)).toBe(2n);
    expect(roundHalfUp(0n, 7n)).toBe(0n);
    expect(() => roundHalfUp(1n, 0n)).toThrow(RangeError);
  });
});

describe('mulDivRound', () => {
  it('computes a × b / c exactly where floats would drift', () => {
    // 1.15 × 100 = 114.99999999999999 in floats.
    expect(mulDivRound(115, 100, 100)).toBe(115);
    expect(mulDivRound(1, 1, 2)).toBe(1);
    expect(mulDivRound(-1, 1, 2)).toBe(-1);
    expect(mulDivRound(1, 1, 3)).toBe(0);
    // Intermediate product beyond 2^53 is still exact.
    expect(mulDivRound(9_000_000_000_000_000, 10_000, 10_000)).toBe(9_000_000_000_000_000);
    expect(() => mulDivRound(Number.MAX_SAFE_INTEGER, 2, 1)).toThrow(RangeError);
    expect(() => mulDivRound(1, 1, 0)).toThrow(RangeError);
  });
});

describe('parseMoney', () => {
  it('reads decimal strings into minor units', () => {
    expect(parseMoney('12.34')).toBe(1234);
    expect(parseMoney('12.3')).toBe(1230);
    expect(parseMoney('12')).toBe(1200);
    expect(parseMoney('0.01')).toBe(1);
    expect(parseMoney('-0.05')).toBe(-5);
    expect(parseMoney('+7.50')).toBe(750);
    expect(parseMoney('-0')).toBe(0);
    expect(Object.is(parseMoney('-0.00'), 0)).toBe(true);
    expect(parseMoney('1500', 0)).toBe(1500);
    expect(parseMoney('1.234', 3)).toBe(1234);
    expect(parseMoney('0.1234', 4)).toBe(1234);
  });

  it('rejects malformed strings and extra decimals with a clear message', () => {
    for (const bad of ['', ' 1', '1 ', '1,000.00', '1e3', '.5', '5.', '1.2.3', '¥1', 'abc', '--1', '0x10']) {
      expect(() => parseMoney(bad), bad).toThrow(/not a decimal number/);
    }
    expect(() => parseMoney('12.345')).toThrow(/more than 2 decimal places/);
    expect(() => parseMoney('1.5', 0)).toThrow(/more than 0 decimal places/);
    expect(() => parseMoney('99999999999999999')).toThrow(RangeError);
  });
});

describe('toDecimalString', () => {
  it('moves the decimal point without floats', () => {
    expect(toDecimalString(1234, 2)).toBe('12.34');
    expect(toDecimalString(5, 2)).toBe('0.05');
    expect(toDecimalString(-5, 2)).toBe('-0.05');
    expect(toDecimalString(0, 2)).toBe('0.00');
    expect(toDecimalString(100, 2)).toBe('1.00');
    expect(toDecimalString(1234, 0)).toBe('1234');
    expect(toDecimalString(7, 3)).toBe('0.007');
    expect(toDecimalString(Number.MAX_SAFE_INTEGER, 2)).toBe('90071992547409.91');
    expect(() => toDecimalString(1.5, 2)).toThrow(RangeError);
  });

  it('round-trips through parseMoney for every safe integer', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), fc.integer({ min: 0, max: 6 }), (minor, decimals) => {
        expect(parseMoney(toDecimalString(minor, decimals), decimals)).toBe(minor);
      }),
    );
  });
});
