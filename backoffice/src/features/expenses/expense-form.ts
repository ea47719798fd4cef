import { EXPENSE_ACCOUNTS, type ExpenseInput, expenseInputSchema } from '@shopbook/shared';
import { issuesToFieldErrors, type FieldErrors } from '../../forms/field-errors.ts';
import { parseMoneyInput } from '../../forms/money-input.ts';

/** An expense or other income as typed: money in major units. */
export interface ExpenseForm {
  kind: 'expense' | 'income';
  documentDate: string;
  accountCode: string;
  description: string;
  amount: string;
  tax: string;
  method: 'cash' | 'bank';
  reference: string;
}

export function emptyExpenseForm(today: string): ExpenseForm {
  return { kind: 'expense', documentDate: today, accountCode: EXPENSE_ACCOUNTS.expense[0], description: '', amount: '', tax: '', method: 'bank', reference: '' };
}

/** Switching between expense and income picks that kind's first account and drops the tax. */
export function withKind(form: ExpenseForm, kind: ExpenseForm['kind']): ExpenseForm {
  return { ...form, kind, accountCode: EXPENSE_ACCOUNTS[kind][0], tax: kind === 'income' ? '' : form.tax };
}

/** Validates with the schema the API runs; errors are keyed like the API's. */
export function validateExpense(form: ExpenseForm, decimals: number): { request: ExpenseInput | null; errors: FieldErrors } {
  const amount = parseMoneyInput(form.amount, decimals);
  const tax = form.tax.trim() === '' ? 0 : parseMoneyInput(form.tax, decimals);
  const request: ExpenseInput = {
    kind: form.kind, documentDate: form.documentDate, accountCode: form.accountCode, description: form.description, amount: amount ?? -1, tax: tax ?? -1,
    method: form.method, reference: form.reference,
  };
  const parsed = expenseInputSchema.safeParse(request);
  const errors: FieldErrors = parsed.success ? {} : issuesToFieldErrors(parsed.error.issues);
  if (amount === null) {
    errors.amount = { key: 'costFormat', raw: 'enter the amount' };
    // Tax is checked against the amount: without one, that check says nothing.
    delete errors.tax;
  }
  if (tax === null) errors.tax = { key: 'costFormat', raw: 'not an amount' };
  return { request: parsed.success && Object.keys(errors).length === 0 ? (parsed.data as ExpenseInput) : null, errors };
}
