import { approvalLimitsInputSchema, ROLES, type ApprovalLimit, type ApprovalLimitsInput, type Role } from '@shopbook/shared';
import { issuesToFieldErrors, type FieldErrors } from '../../forms/field-errors.ts';
import { moneyToInput, parseMoneyInput } from '../../forms/money-input.ts';

/**
 * Who may approve purchase orders, and up to how much, per role: no authority, a limit
 * (the order total including tax, in the company's currency, as typed), or unlimited.
 * Saving sends every role, so the page always says the whole rule.
 */
export type Authority = 'none' | 'limit' | 'unlimited';

export interface LimitRow {
  role: Role;
  authority: Authority;
  amount: string;
}

export function limitRowsFrom(limits: readonly ApprovalLimit[], decimals: number): LimitRow[] {
  return ROLES.map((role) => {
    const l = limits.find((x) => x.role === role);
    if (!l) return { role, authority: 'none', amount: '' };
    return l.maxAmount === null ? { role, authority: 'unlimited', amount: '' } : { role, authority: 'limit', amount: moneyToInput(l.maxAmount, decimals) };
  });
}

export function validateLimits(rows: readonly LimitRow[], decimals: number): { request: ApprovalLimitsInput | null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const limits: { role: Role; maxAmount: number | null }[] = [];
  const remove: Role[] = [];
  rows.forEach((r, i) => {
    if (r.authority === 'none') return void remove.push(r.role);
    if (r.authority === 'unlimited') return void limits.push({ role: r.role, maxAmount: null });
    const amount = parseMoneyInput(r.amount, decimals);
    if (amount === null) errors[`rows.${i}.amount`] = { key: 'costFormat', raw: 'enter an amount' };
    else limits.push({ role: r.role, maxAmount: amount });
  });
  const request: ApprovalLimitsInput = { limits, remove };
  const parsed = approvalLimitsInputSchema.safeParse(request);
  if (!parsed.success) Object.assign(errors, issuesToFieldErrors(parsed.error.issues));
  return { request: Object.keys(errors).length === 0 ? request : null, errors };
}
