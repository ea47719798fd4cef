import {
  agingRowSchema, dueInvoiceSchema, invoiceableLineSchema, ledgerEntrySchema, supplierInvoiceSchema, supplierInvoiceSummarySchema, supplierPaymentSchema,
  type SupplierInvoiceInput, type SupplierPaymentInput,
} from '@shopbook/shared';
import { api } from '../../api/client.ts';
import { listOf } from '../../api/list-of.ts';

const id = encodeURIComponent;
const agingRows = agingRowSchema.array();
const agingSchema = {
  parse: (data: unknown) => {
    const d = (typeof data === 'object' && data !== null ? data : {}) as { asOf?: unknown; items?: unknown };
    return { asOf: String(d.asOf ?? ''), items: agingRows.parse(d.items) };
  },
};
const paymentSummarySchema = supplierPaymentSchema.omit({ allocations: true });

export const payablesApi = {
  invoices: (q: { supplierId?: string; status?: string; open?: 'true' }) => api.get('/api/payables/invoices', listOf(supplierInvoiceSummarySchema), { query: q }),
  invoice: (invoiceId: string) => api.get(`/api/payables/invoices/${id(invoiceId)}`, supplierInvoiceSchema),
  invoiceable: (supplierId: string) => api.get('/api/payables/invoiceable', listOf(invoiceableLineSchema), { query: { supplierId } }),
  createInvoice: (body: SupplierInvoiceInput) => api.post('/api/payables/invoices', body, supplierInvoiceSchema),
  invoiceStep: (invoiceId: string, step: 'approve' | 'post' | 'cancel') => api.post(`/api/payables/invoices/${id(invoiceId)}/${step}`, {}, supplierInvoiceSchema),
  payments: (supplierId?: string) => api.get('/api/payables/payments', listOf(paymentSummarySchema), { query: { supplierId } }),
  payment: (paymentId: string) => api.get(`/api/payables/payments/${id(paymentId)}`, supplierPaymentSchema),
  createPayment: (body: SupplierPaymentInput) => api.post('/api/payables/payments', body, supplierPaymentSchema),
  aging: (asOf?: string) => api.get('/api/payables/aging', agingSchema, { query: { asOf } }),
  due: () => api.get('/api/payables/due', listOf(dueInvoiceSchema)),
  ledger: (supplierId: string) => api.get(`/api/payables/suppliers/${id(supplierId)}/ledger`, listOf(ledgerEntrySchema)),
};
