import { describe, expect, it } from 'vitest';
import { parseSerialsText, serialsTextProblem } from './serials-text.ts';

describe('serial numbers as typed or scanned', () => {
  it('split on new lines, commas and spaces, upper-cased, blanks dropped', () => {
    expect(parseSerialsText('sn-1\nSN-2\r\n\n sn-3 , sn-4，sn-5')).toEqual(['SN-1', 'SN-2', 'SN-3', 'SN-4', 'SN-5']);
    expect(parseSerialsText('   ')).toEqual([]);
  });

  it('must number one per unit of a serial-tracked line', () => {
    expect(serialsTextProblem(true, '2', 'a\nb')).toBeNull();
    expect(serialsTextProblem(true, '-2', 'a\nb')).toBeNull();
    expect(serialsTextProblem(true, '3', 'a\nb')).toBe('give one serial number per unit: 3 needed, 2 given');
    expect(serialsTextProblem(true, '', 'a')).toBeNull();
    expect(serialsTextProblem(false, '3', '')).toBeNull();
  });
});
