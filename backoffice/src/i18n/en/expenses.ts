import type { expensesZh } from '../zh-CN/expenses.ts';

export const expensesEn: typeof expensesZh = {
  title: 'Expenses and other income',
  intro: 'Money in and out that is neither buying stock nor selling: rent, wages, electricity (expenses, with input VAT when invoiced) or a rebate, a subsidy (other income), paid or received in cash or through the bank. Posted documents are never changed; a mistake is put right by another one.',
  new: 'Record',
  dialogTitle: 'Record an expense or other income',
  kind: 'Kind',
  kinds: { expense: 'Expense', income: 'Other income' },
  date: 'Date',
  account: 'Account',
  accounts: { '6601': 'Selling expenses', '6602': 'Administrative expenses', '6051': 'Other operating income', '6301': 'Non-operating income' },
  description: 'Description',
  amount: 'Amount (tax included)',
  tax: 'of which input VAT',
  method: 'Paid or received by',
  methods: { cash: 'Cash', bank: 'Bank' },
  reference: 'Reference',
  number: 'Number',
  posted: '{number} posted',
  empty: 'No expenses or other income in these dates.',
  total: 'Expenses {expense}, other income {income}',
};
