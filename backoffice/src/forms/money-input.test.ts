import { describe, expect, it } from 'vitest';
import { costInputToMinor, costMinorToMajor, moneyToInput, parseMoneyInput, trimZeros } from './money-input.ts';

describe('money inputs', () => {
  it('turns typed amounts into minor units exactly', () => {
    expect(parseMoneyInput('12.5', 2)).toBe(1250);
    expect(parseMoneyInput(' 1,234.56 ', 2)).toBe(123456);
    expect(parseMoneyInput('0.1', 2)).toBe(10);
    expect(parseMoneyInput('100', 0)).toBe(100);
    expect(parseMoneyInput('1.234', 2)).toBeNull();
    expect(parseMoneyInput('-1', 2)).toBeNull();
    expect(parseMoneyInput('abc', 2)).toBeNull();
    expect(parseMoneyInput('', 2)).toBeNull();
  });

  it('shows minor units in an input box', () => {
    expect(moneyToInput(1250, 2)).toBe('12.50');
    expect(moneyToInput(5, 2)).toBe('0.05');
    expect(moneyToInput(300, 0)).toBe('300');
  });

  it('moves a unit cost from major to minor units, keeping four extra places', () => {
    expect(costInputToMinor('3.50', 2)).toBe('350');
    expect(costInputToMinor('1.505', 2)).toBe('150.5');
    expect(costInputToMinor('0.000001', 2)).toBe('0.0001');
    expect(costInputToMinor('0.0000001', 2)).toBeNull();
    expect(costInputToMinor('12', 0)).toBe('12');
    expect(costInputToMinor('-1', 2)).toBeNull();
    expect(costInputToMinor('', 2)).toBeNull();
  });

  it('shows a minor-unit cost in major units with the currency digits at least', () => {
    expect(costMinorToMajor('350.0000', 2)).toBe('3.50');
    expect(costMinorToMajor('150.5000', 2)).toBe('1.505');
    expect(costMinorToMajor('0.0001', 2)).toBe('0.000001');
    expect(costMinorToMajor('12.0000', 0)).toBe('12');
    expect(costMinorToMajor('garbage', 2)).toBe('garbage');
  });

  it('trims trailing zeros of decimal strings', () => {
    expect(trimZeros('20.000')).toBe('20');
    expect(trimZeros('-2.500')).toBe('-2.5');
    expect(trimZeros('100')).toBe('100');
  });
});
