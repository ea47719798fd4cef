import { z } from '@hono/zod-openapi';
import {
  agingQuerySchema, agingRowSchema, apiErrorSchema, dueInvoiceSchema, invoiceableLineSchema, ledgerEntrySchema, supplierInvoiceInputSchema,
  supplierInvoiceQuerySchema, supplierInvoiceSchema, supplierInvoiceSummarySchema, supplierPaymentInputSchema, supplierPaymentSchema,
} from '@shopbook/shared';
import { defineRoute, jsonBody, jsonResponse } from '../../http/route.ts';

const idParam = z.object({ id: z.uuid({ message: 'id must be a uuid' }) });
const notFound = jsonResponse(apiErrorSchema, 'Not found');
const refused = jsonResponse(apiErrorSchema, 'Refused: the field named says why (nothing changed)');
const wrongStatus = jsonResponse(apiErrorSchema, 'Not a draft (nothing changed)');
const tags = ['payables'];

export const listInvoicesRoute = defineRoute('finance.read', {
  method: 'get', path: '/api/payables/invoices', tags,
  summary: 'Supplier invoices, newest first; open=true: posted ones with something left to pay, by due date',
  request: { query: supplierInvoiceQuerySchema },
  responses: { 200: jsonResponse(z.object({ items: z.array(supplierInvoiceSummarySchema) }), 'Invoices') },
});

export const getInvoiceRoute = defineRoute('finance.read', {
  method: 'get', path: '/api/payables/invoices/{id}', tags, summary: 'One supplier invoice with its lines and their match to the order',
  request: { params: idParam },
  responses: { 200: jsonResponse(supplierInvoiceSchema, 'Invoice'), 404: notFound },
});

export const invoiceableRoute = defineRoute('finance.read', {
  method: 'get', path: '/api/payables/invoiceable', tags, summary: "A supplier's received goods not yet invoiced, per receipt line",
  request: { query: z.object({ supplierId: z.uuid({ message: 'supplierId must be a uuid' }) }) },
  responses: { 200: jsonResponse(z.object({ items: z.array(invoiceableLineSchema) }), 'Lines') },
});

export const createInvoiceRoute = defineRoute('finance.post', {
  method: 'post', path: '/api/payables/invoices', tags, summary: 'Enter a supplier invoice against receipt lines (draft; three-way match computed)',
  request: { body: jsonBody(supplierInvoiceInputSchema) },
  responses: { 201: jsonResponse(supplierInvoiceSchema, 'Draft'), 409: refused, 422: refused },
});

export const approveInvoiceRoute = defineRoute('purchasing.approve', {
  method: 'post', path: '/api/payables/invoices/{id}/approve', tags, summary: "Approve an invoice's differences from its order (not by whoever entered it)",
  request: { params: idParam },
  responses: { 200: jsonResponse(supplierInvoiceSchema, 'Approved'), 403: refused, 404: notFound, 409: wrongStatus },
});

export const postInvoiceRoute = defineRoute('finance.post', {
  method: 'post', path: '/api/payables/invoices/{id}/post', tags,
  summary: 'Post: bills the receipt lines; Dr GRNI and input VAT, Cr payables, the difference a price variance',
  request: { params: idParam },
  responses: { 200: jsonResponse(supplierInvoiceSchema, 'Posted'), 403: refused, 404: notFound, 409: wrongStatus },
});

export const cancelInvoiceRoute = defineRoute('finance.post', {
  method: 'post', path: '/api/payables/invoices/{id}/cancel', tags, summary: 'Cancel a draft',
  request: { params: idParam },
  responses: { 200: jsonResponse(supplierInvoiceSchema, 'Cancelled'), 404: notFound, 409: wrongStatus },
});

export const listPaymentsRoute = defineRoute('finance.read', {
  method: 'get', path: '/api/payables/payments', tags, summary: 'Payments to suppliers, newest first',
  request: { query: z.object({ supplierId: z.uuid({ message: 'supplierId must be a uuid' }).optional() }) },
  responses: { 200: jsonResponse(z.object({ items: z.array(supplierPaymentSchema.omit({ allocations: true })) }), 'Payments') },
});

export const getPaymentRoute = defineRoute('finance.read', {
  method: 'get', path: '/api/payables/payments/{id}', tags, summary: 'One payment and the invoices it settled',
  request: { params: idParam },
  responses: { 200: jsonResponse(supplierPaymentSchema, 'Payment'), 404: notFound },
});

export const createPaymentRoute = defineRoute('finance.post', {
  method: 'post', path: '/api/payables/payments', tags, summary: 'Pay a supplier: settles posted invoices (in full or in part); Dr payables, Cr bank or cash',
  request: { body: jsonBody(supplierPaymentInputSchema) },
  responses: { 201: jsonResponse(supplierPaymentSchema, 'Paid'), 422: refused },
});

export const agingRoute = defineRoute('finance.read', {
  method: 'get', path: '/api/payables/aging', tags, summary: 'What is owed per supplier by days past due (current, 1–30, 31–60, 61–90, 90+) on a day (default today)',
  request: { query: agingQuerySchema },
  responses: { 200: jsonResponse(z.object({ asOf: z.string(), items: z.array(agingRowSchema) }), 'Aging') },
});

export const dueRoute = defineRoute('finance.read', {
  method: 'get', path: '/api/payables/due', tags, summary: 'Open invoices by due date, with days past due',
  responses: { 200: jsonResponse(z.object({ items: z.array(dueInvoiceSchema) }), 'Due list') },
});

export const supplierLedgerRoute = defineRoute('finance.read', {
  method: 'get', path: '/api/payables/suppliers/{id}/ledger', tags, summary: "A supplier's account: invoices and payments with the running balance",
  request: { params: idParam },
  responses: { 200: jsonResponse(z.object({ items: z.array(ledgerEntrySchema) }), 'Ledger'), 404: notFound },
});
