import { describe, expect, it } from 'vitest';
import { fromProgramForm, parseAdjustment, toProgramForm } from './program-form.ts';

describe('loyalty programme form', () => {
  const program = { enabled: true, earnPerAmount: 100, pointValue: 1, minRedeem: 100 };

  it('shows money in yuan and reads it back exactly', () => {
    const form = toProgramForm(program, 2);
    expect(form).toEqual({ enabled: true, spendPerPoint: '1.00', pointValue: '0.01', minRedeem: '100' });
    expect(fromProgramForm(form, 2)).toEqual({ ok: true, value: program });
    expect(fromProgramForm({ ...form, spendPerPoint: '¥10', pointValue: '0.05' }, 2)).toEqual({ ok: true, value: { ...program, earnPerAmount: 1000, pointValue: 5 } });
  });

  it('names the first field that is not a positive amount or a whole number', () => {
    const form = toProgramForm(program, 2);
    expect(fromProgramForm({ ...form, spendPerPoint: '0' }, 2)).toEqual({ ok: false, field: 'spendPerPoint', error: 'amount' });
    expect(fromProgramForm({ ...form, pointValue: '0.001' }, 2)).toEqual({ ok: false, field: 'pointValue', error: 'amount' });
    expect(fromProgramForm({ ...form, minRedeem: '1.5' }, 2)).toEqual({ ok: false, field: 'minRedeem', error: 'whole' });
    expect(fromProgramForm({ ...form, minRedeem: '0' }, 2)).toEqual({ ok: false, field: 'minRedeem', error: 'whole' });
  });

  it('reads an adjustment as a non-zero whole number of points', () => {
    expect(parseAdjustment('+250')).toBe(250);
    expect(parseAdjustment(' -40 ')).toBe(-40);
    expect(parseAdjustment('0')).toBeNull();
    expect(parseAdjustment('1.5')).toBeNull();
    expect(parseAdjustment('abc')).toBeNull();
  });
});
