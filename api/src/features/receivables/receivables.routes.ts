import { z } from '@hono/zod-openapi';
import {
  agingQuerySchema, apiErrorSchema, applyCreditInputSchema, creditNoteInputSchema, customerCreditQuerySchema, customerInvoiceInputSchema, customerInvoiceQuerySchema, customerInvoiceSchema,
  customerInvoiceSummarySchema, customerPaymentInputSchema, customerPaymentSchema, invoiceableShipmentLineSchema, receivablesAgingRowSchema,
  saleInvoiceInputSchema, statementEntrySchema,
} from '@shopbook/shared';
import { defineRoute, jsonBody, jsonResponse } from '../../http/route.ts';

const idParam = z.object({ id: z.uuid({ message: 'id must be a uuid' }) });
const notFound = jsonResponse(apiErrorSchema, 'Not found');
const refused = jsonResponse(apiErrorSchema, 'Refused: the field named says why (nothing changed)');
const tags = ['receivables'];

// Invoices, payments and statements are the books of every customer: only staff who see
// every customer and order (sales.all) read them, not sales staff limited to their own.
export const listInvoicesRoute = defineRoute('sales.all', {
  method: 'get', path: '/api/receivables/invoices', tags, summary: 'Customer invoices and credit notes, newest first; open=true: with something left',
  request: { query: customerInvoiceQuerySchema },
  responses: { 200: jsonResponse(z.object({ items: z.array(customerInvoiceSummarySchema) }), 'Invoices') },
});
export const getInvoiceRoute = defineRoute('sales.all', {
  method: 'get', path: '/api/receivables/invoices/{id}', tags, summary: 'One invoice or credit note with its lines and the tax per rate',
  request: { params: idParam }, responses: { 200: jsonResponse(customerInvoiceSchema, 'Invoice'), 404: notFound },
});
export const invoiceableRoute = defineRoute('sales.all', {
  method: 'get', path: '/api/receivables/invoiceable', tags, summary: "A customer's shipped sales-order lines not yet invoiced",
  request: { query: z.object({ customerId: z.uuid({ message: 'customerId must be a uuid' }) }) },
  responses: { 200: jsonResponse(z.object({ items: z.array(invoiceableShipmentLineSchema) }), 'Lines') },
});
export const invoiceShipmentsRoute = defineRoute('sales.write', {
  method: 'post', path: '/api/receivables/invoices', tags, summary: 'Invoice shipped lines (numbered without gaps per store and year); Dr receivables, Cr revenue and output tax',
  request: { body: jsonBody(customerInvoiceInputSchema) }, responses: { 201: jsonResponse(customerInvoiceSchema, 'Issued'), 422: refused },
});
export const invoiceSaleRoute = defineRoute('sales.write', {
  method: 'post', path: '/api/receivables/invoices/from-sale', tags, summary: 'Invoice a till sale for its customer, later (tax document only; the sale is already booked)',
  request: { body: jsonBody(saleInvoiceInputSchema) }, responses: { 201: jsonResponse(customerInvoiceSchema, 'Issued'), 409: refused, 422: refused },
});
export const creditRoute = defineRoute('sales.write', {
  method: 'post', path: '/api/receivables/invoices/{id}/credit', tags, summary: 'Credit note for lines of an invoice, goods back into stock unless told otherwise',
  request: { params: idParam, body: jsonBody(creditNoteInputSchema) },
  responses: { 201: jsonResponse(customerInvoiceSchema, 'Credit note'), 404: notFound, 422: refused },
});
export const receivePaymentRoute = defineRoute('finance.post', {
  method: 'post', path: '/api/receivables/payments', tags, summary: "A customer's payment: settles invoices; the rest stays as their credit",
  request: { body: jsonBody(customerPaymentInputSchema) }, responses: { 201: jsonResponse(customerPaymentSchema, 'Received'), 422: refused },
});
export const getPaymentRoute = defineRoute('sales.all', {
  method: 'get', path: '/api/receivables/payments/{id}', tags, summary: 'One customer payment and what it settled',
  request: { params: idParam }, responses: { 200: jsonResponse(customerPaymentSchema, 'Payment'), 404: notFound },
});
export const agingRoute = defineRoute('finance.read', {
  method: 'get', path: '/api/receivables/aging', tags, summary: 'What each customer owes by days past due, and their credit, on a day (default today)',
  request: { query: agingQuerySchema },
  responses: { 200: jsonResponse(z.object({ asOf: z.string(), items: z.array(receivablesAgingRowSchema) }), 'Aging') },
});
export const statementRoute = defineRoute('sales.all', {
  method: 'get', path: '/api/receivables/customers/{id}/statement', tags, summary: "A customer's statement with the running balance",
  request: { params: idParam }, responses: { 200: jsonResponse(z.object({ items: z.array(statementEntrySchema) }), 'Statement'), 404: notFound },
});

export const creditsRoute = defineRoute('finance.read', {
  method: 'get', path: '/api/receivables/credits', tags, summary: "A customer's payments that still hold credit to apply, oldest first",
  request: { query: customerCreditQuerySchema }, responses: { 200: jsonResponse(z.object({ items: z.array(customerPaymentSchema) }), 'Payments with credit') },
});
export const applyCreditRoute = defineRoute('finance.post', {
  method: 'post', path: '/api/receivables/payments/{id}/apply', tags, summary: "Applies a payment's credit to the customer's invoices (no journal entry: the money is already booked); audited",
  request: { params: idParam, body: jsonBody(applyCreditInputSchema) },
  responses: { 200: jsonResponse(customerPaymentSchema, 'Applied'), 404: notFound, 422: refused },
});
