import { describe, expect, it } from 'vitest';
import { normaliseName, normalisePinyinQuery, toSearchKeys } from './searchKeys.ts';

describe('normaliseName', () => {
  it('folds full-width characters, case and spaces', () => {
    expect(normaliseName('  ＣＯＣＡ　Cola  ３３０ml ')).toBe('coca cola 330ml');
  });
});

describe('normalisePinyinQuery', () => {
  it('keeps only letters and digits', () => {
    expect(normalisePinyinQuery(' K-K K L ')).toBe('kkkl');
  });
});

describe('toSearchKeys', () => {
  it('gives initials and full pinyin of a Chinese name', () => {
    const keys = toSearchKeys('可口可乐');
    expect(keys.nameNorm).toBe('可口可乐');
    expect(keys.pinyinKeys).toEqual(['kkkl', 'kekoukele']);
  });

  it('resolves polyphones from context', () => {
    expect(toSearchKeys('银行卡').pinyinKeys).toContain('yhk');
    expect(toSearchKeys('重庆火锅底料').pinyinKeys).toContain('cqhgdl');
  });

  it('spells ü as v, as pinyin keyboards do', () => {
    expect(toSearchKeys('绿茶').pinyinKeys).toContain('lvcha');
  });

  it('keeps Latin letters and digits in the whole-name keys', () => {
    const keys = toSearchKeys('可口可乐 330ml');
    expect(keys.pinyinKeys).toEqual(['kkkl', 'kekoukele', 'kkkl330ml', 'kekoukele330ml']);
  });

  it('has no pinyin keys for a name without Chinese', () => {
    expect(toSearchKeys('Coca-Cola Zero')).toEqual({ nameNorm: 'coca-cola zero', pinyinKeys: [] });
  });
});
