import { printDocumentSchema, type DocumentKind, type DocumentLanguage } from '@shopbook/shared';
import { api, withQuery } from '../../api/client.ts';

/** Where the API serves each printable document. */
export function documentPath(kind: DocumentKind, id: string): string {
  const e = encodeURIComponent(id);
  switch (kind) {
    case 'sales-invoice':
      return `/api/documents/sales/${e}/invoice`;
    case 'purchase-order':
      return `/api/documents/purchase-orders/${e}`;
    case 'purchase-receipt':
      return `/api/documents/purchase-receipts/${e}`;
    case 'goods-receipt':
      return `/api/documents/goods-receipts/${e}`;
    case 'delivery-note':
      return `/api/documents/transfers/${e}`;
  }
}

export type DocumentQuery = Record<string, string>;

export const documentsApi = {
  document: (kind: DocumentKind, id: string, lang: DocumentLanguage, extra: DocumentQuery = {}) =>
    api.get(documentPath(kind, id), printDocumentSchema, { query: { lang, ...extra } }),
  /** A plain link: the browser downloads or shows the PDF with the session cookie. */
  pdfHref: (kind: DocumentKind, id: string, lang: DocumentLanguage, extra: DocumentQuery = {}) =>
    withQuery(`${documentPath(kind, id)}/pdf`, { lang, ...extra }),
};
