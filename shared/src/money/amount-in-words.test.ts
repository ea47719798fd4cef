import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amountInWordsEn, amountInWordsZh } from './amount-in-words.ts';

describe('amount in Chinese capitals (大写金额)', () => {
  it.each([
    [12345, '壹佰贰拾叁元肆角伍分'],
    [100105, '壹仟零壹元零伍分'],
    [10000, '壹佰元整'],
    [1000, '壹拾元整'],
    [1600, '壹拾陆元整'],
    [100, '壹元整'],
    [0, '零元整'],
    [45, '肆角伍分'],
    [5, '伍分'],
    [40, '肆角整'],
    [120, '壹元贰角整'],
    [168032, '壹仟陆佰捌拾元零叁角贰分'],
    [10700053, '壹拾万柒仟元零伍角叁分'],
    [1001000, '壹万零壹拾元整'],
    [1000100, '壹万零壹元整'],
    [10000000, '壹拾万元整'],
    [1100000000, '壹仟壹佰万元整'],
    [10000000100, '壹亿零壹元整'],
    [10100000000, '壹亿零壹佰万元整'],
    [10010000000, '壹亿零壹拾万元整'],
    [10000100000, '壹亿零壹仟元整'],
    [11000000000, '壹亿壹仟万元整'],
    [123456789012, '壹拾贰亿叁仟肆佰伍拾陆万柒仟捌佰玖拾元零壹角贰分'],
    [100000000000000, '壹万亿元整'],
    [-12345, '负壹佰贰拾叁元肆角伍分'],
    [-5, '负伍分'],
  ])('%d → %s', (minor, words) => {
    expect(amountInWordsZh(minor)).toBe(words);
  });

  it('never writes two zeros running, nor one at the end, nor 拾 without a digit before it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9_000_000_000_000_000 }), (minor) => {
        const w = amountInWordsZh(minor);
        expect(w).not.toMatch(/零零/);
        expect(w).not.toMatch(/零[元万亿整]/);
        expect(w).not.toMatch(/(^|[元万亿零])拾/);
        expect(w.endsWith('整') || w.endsWith('分')).toBe(true);
      }),
    );
  });

  it('refuses fractions of a minor unit and unsafe integers', () => {
    expect(() => amountInWordsZh(1.5)).toThrow(RangeError);
    expect(() => amountInWordsZh(2 ** 53)).toThrow(RangeError);
  });
});

describe('amount in English words', () => {
  it.each([
    [12345, 'One hundred twenty-three yuan and forty-five fen'],
    [100105, 'One thousand one yuan and five fen'],
    [10000, 'One hundred yuan only'],
    [0, 'Zero yuan only'],
    [45, 'Forty-five fen'],
    [123456789012, 'One billion two hundred thirty-four million five hundred sixty-seven thousand eight hundred ninety yuan and twelve fen'],
    [100000000000000, 'One trillion yuan only'],
    [-1999, 'Minus nineteen yuan and ninety-nine fen'],
  ])('%d → %s', (minor, words) => {
    expect(amountInWordsEn(minor)).toBe(words);
  });

  it('names other currencies by their units', () => {
    expect(amountInWordsEn(2550, 'USD')).toBe('Twenty-five US dollars and fifty cents');
    expect(amountInWordsEn(100, 'XYZ')).toBe('One XYZ only');
  });
});
