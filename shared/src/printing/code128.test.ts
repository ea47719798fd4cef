import { describe, expect, it } from 'vitest';
import { code128Svg, code128Values, code128Widths } from './code128.ts';

describe('Code 128 (set B)', () => {
  it('adds start B, the mod-103 check symbol and stop', () => {
    // 104 + 'P'(48)×1 + 'J'(42)×2 + 'J'(42)×3 + '1'(17)×4 + '2'(18)×5 + '3'(19)×6 + 'C'(35)×7 = 879 ≡ 55
    expect(code128Values('PJJ123C')).toEqual([104, 48, 42, 42, 17, 18, 19, 35, 55, 106]);
  });

  it('draws every symbol as 11 modules with an even bar total (13 for stop)', () => {
    const all = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');
    const widths = code128Widths(all);
    const symbols = code128Values(all);
    let at = 0;
    for (const [n, value] of symbols.entries()) {
      const size = n === symbols.length - 1 ? 7 : 6;
      const w = widths.slice(at, at + size);
      at += size;
      expect(w.reduce((a, b) => a + b, 0), `symbol ${value}`).toBe(size === 7 ? 13 : 11);
      expect(w.filter((_, i) => i % 2 === 0).reduce((a, b) => a + b, 0) % 2, `symbol ${value}`).toBe(0);
    }
    expect(at).toBe(widths.length);
  });

  it('makes an SVG with one rect per bar and refuses non-ASCII', () => {
    const svg = code128Svg('S01-T1-000123');
    expect(svg.match(/<rect /g)).toHaveLength((code128Widths('S01-T1-000123').length + 1) / 2);
    expect(() => code128Values('小票')).toThrow(RangeError);
  });
});
