import { z } from '@hono/zod-openapi';
import { apiErrorSchema, expenseDocumentSchema, expenseInputSchema, expenseQuerySchema } from '@shopbook/shared';
import { defineRoute, jsonBody, jsonResponse } from '../../http/route.ts';

const idParam = z.object({ id: z.uuid({ message: 'id must be a uuid' }) });
const tags = ['expenses'];

export const listExpensesRoute = defineRoute('finance.read', {
  method: 'get', path: '/api/expenses', tags, summary: 'Expense and other-income documents in a date range, newest first',
  request: { query: expenseQuerySchema }, responses: { 200: jsonResponse(z.object({ items: z.array(expenseDocumentSchema) }), 'Documents') },
});
export const getExpenseRoute = defineRoute('finance.read', {
  method: 'get', path: '/api/expenses/{id}', tags, summary: 'One expense or other-income document',
  request: { params: idParam }, responses: { 200: jsonResponse(expenseDocumentSchema, 'Document'), 404: jsonResponse(apiErrorSchema, 'Not found') },
});
export const postExpenseRoute = defineRoute('finance.post', {
  method: 'post', path: '/api/expenses', tags,
  summary: 'Posts an expense (Dr the account and input VAT, Cr cash or bank) or other income (Dr cash or bank, Cr the account); audited',
  request: { body: jsonBody(expenseInputSchema) },
  responses: { 201: jsonResponse(expenseDocumentSchema, 'Posted'), 400: jsonResponse(apiErrorSchema, 'Invalid'), 422: jsonResponse(apiErrorSchema, 'Refused') },
});
