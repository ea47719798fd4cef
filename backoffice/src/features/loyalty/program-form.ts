import type { LoyaltyProgram } from '@shopbook/shared';
import { moneyToInput, parseMoneyInput } from '../../forms/money-input.ts';

/** The programme as the page edits it: money in major units, as people say it. */
export interface ProgramForm {
  enabled: boolean;
  /** Money spent per point earned: '1.00' = a point per yuan. */
  spendPerPoint: string;
  /** What one point takes off a bill: '0.01'. */
  pointValue: string;
  minRedeem: string;
}

export type ProgramFormResult = { ok: true; value: LoyaltyProgram } | { ok: false; field: keyof ProgramForm; error: 'amount' | 'whole' };

export function toProgramForm(p: LoyaltyProgram, decimals: number): ProgramForm {
  return { enabled: p.enabled, spendPerPoint: moneyToInput(p.earnPerAmount, decimals), pointValue: moneyToInput(p.pointValue, decimals), minRedeem: String(p.minRedeem) };
}

/** The form → the programme, or the first field that is not a positive amount or whole number. */
export function fromProgramForm(form: ProgramForm, decimals: number): ProgramFormResult {
  const earnPerAmount = parseMoneyInput(form.spendPerPoint, decimals);
  if (!earnPerAmount) return { ok: false, field: 'spendPerPoint', error: 'amount' };
  const pointValue = parseMoneyInput(form.pointValue, decimals);
  if (!pointValue) return { ok: false, field: 'pointValue', error: 'amount' };
  const text = form.minRedeem.trim();
  if (!/^\d+$/.test(text) || Number(text) < 1) return { ok: false, field: 'minRedeem', error: 'whole' };
  return { ok: true, value: { enabled: form.enabled, earnPerAmount, pointValue, minRedeem: Number(text) } };
}

/** Points as the adjustment dialog takes them: a whole number, negative to take points away, never zero. */
export function parseAdjustment(text: string): number | null {
  const t = text.trim().replace(/^\+/, '');
  if (!/^-?\d+$/.test(t)) return null;
  const n = Number(t);
  return n === 0 || !Number.isSafeInteger(n) ? null : n;
}
