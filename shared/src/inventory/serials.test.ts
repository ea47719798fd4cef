import { describe, expect, it } from 'vitest';
import { normaliseSerial, serialCountProblem, serialListSchema, serialSchema } from './serials.ts';

describe('serial numbers', () => {
  it('compare as printed, ignoring case and blanks', () => {
    expect(normaliseSerial('  sn-001a ')).toBe('SN-001A');
    expect(serialSchema.parse(' imei:3569 ')).toBe('IMEI:3569');
  });

  it('refuse empty, over-long or odd serials with a message naming the problem', () => {
    expect(serialSchema.safeParse('  ').error?.issues[0]?.message).toBe('serial number is empty');
    expect(serialSchema.safeParse('A'.repeat(65)).error?.issues[0]?.message).toMatch(/at most 64/);
    expect(serialSchema.safeParse('AB CD').error?.issues[0]?.message).toMatch(/letters, digits/);
  });

  it('refuse a serial listed twice on one line, even in another case', () => {
    const r = serialListSchema.safeParse(['sn1', 'SN2', 'Sn1']);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({ path: [2], message: 'serial number SN1 is listed twice' });
  });

  it('need exactly one serial per whole unit on a serial-tracked line', () => {
    expect(serialCountProblem(true, '2', ['A', 'B'])).toBeNull();
    expect(serialCountProblem(true, '-2', ['A', 'B'])).toBeNull();
    expect(serialCountProblem(true, '3', ['A', 'B'])).toBe('give one serial number per unit: 3 needed, 2 given');
    expect(serialCountProblem(true, '1', undefined)).toBe('give one serial number per unit: 1 needed, 0 given');
    expect(serialCountProblem(true, '1.5', ['A'])).toBe('a serial-tracked product moves in whole units');
  });

  it('take no serials on other lines', () => {
    expect(serialCountProblem(false, '2', undefined)).toBeNull();
    expect(serialCountProblem(false, '2', [])).toBeNull();
    expect(serialCountProblem(false, '1', ['A'])).toMatch(/not serial-tracked/);
  });
});
