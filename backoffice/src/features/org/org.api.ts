import { companyInvoiceDetailsSchema, companySchema, type CompanyInvoiceDetails } from '@shopbook/shared';
import { api } from '../../api/client.ts';

export const orgApi = {
  /** Open to every signed-in user: the header and money formatting need it. */
  company: () => api.get('/api/org/company', companySchema),
  invoiceDetails: () => api.get('/api/org/company/invoice-details', companyInvoiceDetailsSchema),
  saveInvoiceDetails: (input: CompanyInvoiceDetails) => api.put('/api/org/company/invoice-details', input, companyInvoiceDetailsSchema),
};
