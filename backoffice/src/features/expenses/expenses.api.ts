import { expenseDocumentSchema, type ExpenseInput } from '@shopbook/shared';
import { api } from '../../api/client.ts';
import { listOf } from '../../api/list-of.ts';

export const expensesApi = {
  list: (q: { from?: string; to?: string }) => api.get('/api/expenses', listOf(expenseDocumentSchema), { query: q }),
  post: (input: ExpenseInput) => api.post('/api/expenses', input, expenseDocumentSchema),
};
