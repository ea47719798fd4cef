import { describe, expect, it } from 'vitest';
import { formatMinor } from './format.ts';

describe('formatMinor', () => {
  it('formats minor units without floats', () => {
    expect(formatMinor(0)).toBe('0.00');
    expect(formatMinor(5)).toBe('0.05');
    expect(formatMinor(123456)).toBe('1234.56');
    expect(formatMinor(-350)).toBe('-3.50');
    expect(formatMinor(1200, 0)).toBe('1200');
  });

  it('refuses a fractional amount', () => {
    expect(() => formatMinor(1.5)).toThrow();
  });
});
