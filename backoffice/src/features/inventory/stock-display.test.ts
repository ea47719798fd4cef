import { describe, expect, it } from 'vitest';
import { formatQty, isNegative, levelState, signedQty } from './stock-display.ts';

describe('stock display', () => {
  it('formats quantities without trailing zeros and with a sign for moves', () => {
    expect(formatQty('20.000')).toBe('20');
    expect(formatQty('-1.500')).toBe('-1.5');
    expect(signedQty('20.000')).toBe('+20');
    expect(signedQty('-2')).toBe('-2');
  });

  it('tells negative, low and fine levels apart', () => {
    expect(isNegative('-0.000')).toBe(false);
    expect(isNegative('-0.5')).toBe(true);
    expect(levelState({ qty: '-2.000', reorderPoint: null })).toBe('negative');
    expect(levelState({ qty: '5.000', reorderPoint: '5.000' })).toBe('low');
    expect(levelState({ qty: '5.001', reorderPoint: '5' })).toBe('ok');
    expect(levelState({ qty: '0.000', reorderPoint: null })).toBe('ok');
  });
});
