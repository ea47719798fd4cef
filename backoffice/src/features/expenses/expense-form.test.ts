import { describe, expect, it } from 'vitest';
import { emptyExpenseForm, validateExpense, withKind } from './expense-form.ts';

describe('an expense as typed', () => {
  it('sends money in minor units with the tax inside the amount', () => {
    const form = { ...emptyExpenseForm('2026-04-05'), accountCode: '6602', description: 'April rent', amount: '5,450.00', tax: '450' };
    expect(validateExpense(form, 2)).toEqual({
      errors: {},
      request: { kind: 'expense', documentDate: '2026-04-05', accountCode: '6602', storeId: null, description: 'April rent', amount: 545_000, tax: 45_000, method: 'bank', reference: '' },
    });
  });

  it('names what is missing or wrong', () => {
    const form = { ...emptyExpenseForm('2026-04-05'), amount: 'x', tax: '5' };
    expect(Object.keys(validateExpense(form, 2).errors).sort()).toEqual(['amount', 'description']);
    expect(validateExpense({ ...form, description: 'Flyers', amount: '5' }, 2).errors.tax?.raw).toBe('tax must be less than the amount it is part of');
  });

  it('switches to other income with its own account and no tax', () => {
    const income = withKind({ ...emptyExpenseForm('2026-04-06'), tax: '3' }, 'income');
    expect([income.accountCode, income.tax]).toEqual(['6051', '']);
  });
});
