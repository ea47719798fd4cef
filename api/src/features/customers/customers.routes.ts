import { z } from '@hono/zod-openapi';
import {
  apiErrorSchema, customerBalanceSchema, customerHistoryPageSchema, customerHistoryQuerySchema, customerInputSchema, customerPageSchema, customerQuerySchema,
  customerSchema, salespersonSchema,
} from '@shopbook/shared';
import { defineRoute, jsonBody, jsonResponse } from '../../http/route.ts';

const idParam = z.object({ id: z.uuid({ message: 'id must be a uuid' }) });
const notFound = jsonResponse(apiErrorSchema, 'Not found');

export const listCustomersRoute = defineRoute('customers.read', {
  method: 'get', path: '/api/customers', tags: ['customers'],
  summary: 'Search customers by code or name prefix, phone or tax number; by status and category; paged, with each balance',
  request: { query: customerQuerySchema },
  responses: { 200: jsonResponse(customerPageSchema, 'A page of customers') },
});

export const listSalespeopleRoute = defineRoute('customers.read', {
  method: 'get', path: '/api/customers/salespeople', tags: ['customers'],
  summary: 'Active users who can sell on order: whom customers and orders can be assigned to',
  responses: { 200: jsonResponse(z.object({ items: z.array(salespersonSchema) }), 'Salespeople') },
});

export const getCustomerRoute = defineRoute('customers.read', {
  method: 'get', path: '/api/customers/{id}', tags: ['customers'], summary: 'One customer with contacts, addresses, invoice details and balance',
  request: { params: idParam },
  responses: { 200: jsonResponse(customerSchema, 'Customer'), 404: notFound },
});

export const createCustomerRoute = defineRoute('customers.write', {
  method: 'post', path: '/api/customers', tags: ['customers'],
  summary: 'Add a customer: contacts, billing and shipping addresses, VAT invoice details, price list discount, credit limit, payment terms (audited)',
  request: { body: jsonBody(customerInputSchema) },
  responses: { 201: jsonResponse(customerSchema, 'Created'), 409: jsonResponse(apiErrorSchema, 'Code already used') },
});

export const updateCustomerRoute = defineRoute('customers.write', {
  method: 'put', path: '/api/customers/{id}', tags: ['customers'],
  summary: 'Replace a customer with its contacts and addresses (audited with before and after); tills pull the change',
  request: { params: idParam, body: jsonBody(customerInputSchema) },
  responses: { 200: jsonResponse(customerSchema, 'Updated'), 404: notFound, 409: jsonResponse(apiErrorSchema, 'Code already used') },
});

export const archiveCustomerRoute = defineRoute('customers.write', {
  method: 'post', path: '/api/customers/{id}/archive', tags: ['customers'],
  summary: 'Archive a customer: history and balance stay, the tills drop it (audited)',
  request: { params: idParam },
  responses: { 200: jsonResponse(customerSchema, 'Archived'), 404: notFound },
});

export const restoreCustomerRoute = defineRoute('customers.write', {
  method: 'post', path: '/api/customers/{id}/restore', tags: ['customers'],
  summary: 'Make an archived customer active again (audited)',
  request: { params: idParam },
  responses: { 200: jsonResponse(customerSchema, 'Restored'), 404: notFound },
});

export const customerHistoryRoute = defineRoute('customers.read', {
  method: 'get', path: '/api/customers/{id}/purchases', tags: ['customers'],
  summary: "A customer's till sales, newest first: date, receipt, store, total, the part on account and what was returned; paged",
  request: { params: idParam, query: customerHistoryQuerySchema },
  responses: { 200: jsonResponse(customerHistoryPageSchema, 'Purchases'), 404: notFound },
});

export const customerBalanceRoute = defineRoute('customers.read', {
  method: 'get', path: '/api/customers/{id}/balance', tags: ['customers'],
  summary: 'What the customer owes on account: till sales on account less refunds to account and payments, and the credit left',
  request: { params: idParam },
  responses: { 200: jsonResponse(customerBalanceSchema, 'Balance'), 404: notFound },
});
