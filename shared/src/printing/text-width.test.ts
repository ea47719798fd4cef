import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { charColumns, padEndColumns, padStartColumns, printableText, textWidth, truncateColumns, wrapColumns } from './text-width.ts';

describe('display width on a receipt printer', () => {
  it('counts printable ASCII as one column and every other character as two', () => {
    expect(textWidth('Cola 330ml')).toBe(10);
    expect(textWidth('可口可乐')).toBe(8);
    expect(textWidth('可口可乐 330ml')).toBe(14);
    // Double-byte in GB18030, so double width on the paper, whatever Unicode says.
    expect(charColumns('é')).toBe(2);
    expect(charColumns('×')).toBe(2);
    expect(charColumns('（')).toBe(2);
    expect(charColumns('𠮷')).toBe(2);
    expect(textWidth('')).toBe(0);
  });

  it('pads and truncates by columns, never splitting a wide character', () => {
    expect(padEndColumns('茶', 5)).toBe('茶   ');
    expect(padStartColumns('茶', 5)).toBe('   茶');
    expect(padEndColumns('toolong', 3)).toBe('toolong');
    expect(truncateColumns('龙井茶', 5)).toBe('龙井');
    expect(truncateColumns('ab龙井', 3)).toBe('ab');
  });

  it('strips what a printer would take as a command or cannot print', () => {
    expect(printableText('Bad\x1B@name\x1DV\x00!')).toBe('Bad@nameV!');
    expect(printableText('tab\there\nnext')).toBe('tab here next');
    expect(printableText('e\u0301')).toBe('é'); // combined, NFC
    expect(printableText('zero\u200Bwidth\uFEFF')).toBe('zerowidth');
    expect(printableText('\uE000private')).toBe('private');
  });
});

describe('wrapping', () => {
  it('keeps English words whole and breaks Chinese between characters', () => {
    expect(wrapColumns('Extra-absorbent cotton kitchen towels, 6 rolls', 20)).toEqual(['Extra-absorbent', 'cotton kitchen', 'towels, 6 rolls']);
    expect(wrapColumns('西湖龙井茶叶明前特级礼盒装', 10)).toEqual(['西湖龙井茶', '叶明前特级', '礼盒装']);
    expect(wrapColumns('可口可乐 Coca-Cola 330ml', 12)).toEqual(['可口可乐', 'Coca-Cola', '330ml']);
  });

  it('cuts a word longer than a line into pieces', () => {
    expect(wrapColumns('SKU-ABCDEFGHIJKLMNOPQRSTUVWXYZ', 10)).toEqual(['SKU-ABCDEF', 'GHIJKLMNOP', 'QRSTUVWXYZ']);
  });

  it('does not start a line with closing punctuation', () => {
    // '，' would start line 2; the character before it moves down with it.
    expect(wrapColumns('谢谢惠顾，欢迎再来', 8)).toEqual(['谢谢惠', '顾，欢迎', '再来']);
    expect(wrapColumns('富士苹果（特级）', 10)).toEqual(['富士苹果', '（特级）']);
  });

  it('keeps the indent of the first line and drops spaces at breaks', () => {
    expect(wrapColumns('  2 x 3.50', 20)).toEqual(['  2 x 3.50']);
    expect(wrapColumns('aaa   bbb', 5)).toEqual(['aaa', 'bbb']);
    expect(wrapColumns('', 10)).toEqual(['']);
    expect(wrapColumns('  SKU-ABCDEFGHIJKLMN', 10)).toEqual(['SKU-ABCDEF', 'GHIJKLMN']);
    expect(wrapColumns('   可口可乐', 10)).toEqual(['   可口可', '乐']);
  });

  it('never exceeds the width and loses no visible character', () => {
    const alphabet = fc.constantFrom(...'ab1-. 可口乐茶，（）é'.split(''), 'Coca', ' ', '  ');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 60 }), fc.integer({ min: 4, max: 48 }), (parts, width) => {
        const text = parts.join('');
        const lines = wrapColumns(text, width);
        for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(width);
        expect(lines.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
      }),
    );
  });
});
