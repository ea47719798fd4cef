import { printDocumentSchema, type DocumentLanguage } from '@shopbook/shared';
import { api, withQuery } from '../../api/client.ts';

/** What a print page prints: each names the API path of its document. */
export const PRINT_TARGETS = {
  'sale-invoice': (id: string) => `/api/documents/sales/${id}/invoice`,
  'customer-invoice': (id: string) => `/api/documents/customer-invoices/${id}`,
  'customer-statement': (id: string) => `/api/documents/customers/${id}/statement`,
  'purchase-order': (id: string) => `/api/documents/purchase-orders/${id}`,
  'purchase-receipt': (id: string) => `/api/documents/purchase-receipts/${id}`,
  'goods-receipt': (id: string) => `/api/documents/goods-receipts/${id}`,
  'delivery-note': (id: string) => `/api/documents/transfers/${id}`,
} as const;
export type PrintTarget = keyof typeof PRINT_TARGETS;

export function documentPath(target: PrintTarget, id: string): string {
  return PRINT_TARGETS[target](encodeURIComponent(id));
}

export type DocumentQuery = Record<string, string>;

export const documentsApi = {
  document: (target: PrintTarget, id: string, lang: DocumentLanguage, extra: DocumentQuery = {}) =>
    api.get(documentPath(target, id), printDocumentSchema, { query: { lang, ...extra } }),
  /** A plain link: the browser downloads or shows the PDF with the session cookie. */
  pdfHref: (target: PrintTarget, id: string, lang: DocumentLanguage, extra: DocumentQuery = {}) =>
    withQuery(`${documentPath(target, id)}/pdf`, { lang, ...extra }),
};
