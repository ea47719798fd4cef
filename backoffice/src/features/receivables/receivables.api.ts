import {
  customerInvoiceSchema, customerInvoiceSummarySchema, customerPaymentSchema, invoiceableShipmentLineSchema, receivablesAgingRowSchema, statementEntrySchema,
  type CreditNoteInput, type CustomerInvoiceInput, type ApplyCreditInput, type CustomerPaymentInput,
} from '@shopbook/shared';
import { api } from '../../api/client.ts';
import { listOf } from '../../api/list-of.ts';

const id = encodeURIComponent;
const agingRows = receivablesAgingRowSchema.array();
const agingSchema = {
  parse: (data: unknown) => {
    const d = (typeof data === 'object' && data !== null ? data : {}) as { asOf?: unknown; items?: unknown };
    return { asOf: String(d.asOf ?? ''), items: agingRows.parse(d.items) };
  },
};

export const receivablesApi = {
  invoices: (q: { customerId?: string; open?: 'true' }) => api.get('/api/receivables/invoices', listOf(customerInvoiceSummarySchema), { query: q }),
  invoice: (invoiceId: string) => api.get(`/api/receivables/invoices/${id(invoiceId)}`, customerInvoiceSchema),
  invoiceable: (customerId: string) => api.get('/api/receivables/invoiceable', listOf(invoiceableShipmentLineSchema), { query: { customerId } }),
  issue: (body: CustomerInvoiceInput) => api.post('/api/receivables/invoices', body, customerInvoiceSchema),
  credit: (invoiceId: string, body: CreditNoteInput) => api.post(`/api/receivables/invoices/${id(invoiceId)}/credit`, body, customerInvoiceSchema),
  receive: (body: CustomerPaymentInput) => api.post('/api/receivables/payments', body, customerPaymentSchema),
  credits: (customerId: string) => api.get('/api/receivables/credits', listOf(customerPaymentSchema), { query: { customerId } }),
  applyCredit: (paymentId: string, body: ApplyCreditInput) => api.post(`/api/receivables/payments/${id(paymentId)}/apply`, body, customerPaymentSchema),
  aging: (asOf?: string) => api.get('/api/receivables/aging', agingSchema, { query: { asOf } }),
  statement: (customerId: string) => api.get(`/api/receivables/customers/${id(customerId)}/statement`, listOf(statementEntrySchema)),
};
