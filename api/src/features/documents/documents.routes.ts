import { z } from '@hono/zod-openapi';
import { apiErrorSchema, DOCUMENT_LANGUAGES, printDocumentSchema, type Permission } from '@shopbook/shared';
import { defineRoute, jsonResponse } from '../../http/route.ts';

const idParam = z.object({ id: z.uuid({ message: 'id must be a uuid' }) });
const lang = z.enum(DOCUMENT_LANGUAGES, { message: 'lang must be zh-CN or en' }).default('zh-CN');
const text = z.string().trim().max(200).optional();

/** The invoice's buyer as typed when printing (a walk-in customer has no record). */
export const invoiceQuerySchema = z.object({
  lang,
  buyerName: text,
  buyerTaxNumber: text,
  buyerAddress: text,
  buyerPhone: text,
  buyerBankName: text,
  buyerBankAccount: text,
});

const pdfResponse = { description: 'PDF', content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } } };
const notFound = jsonResponse(apiErrorSchema, 'Not found');

/** The two routes of one printable document: its laid-out content as JSON, and as a PDF. */
function documentRoutes<Q extends z.ZodObject>(permission: Permission, path: string, summary: string, query: Q) {
  const common = { method: 'get' as const, tags: ['documents'], request: { params: idParam, query } };
  return {
    json: defineRoute(permission, { ...common, path, summary, responses: { 200: jsonResponse(printDocumentSchema, 'The document laid out for print'), 404: notFound } }),
    pdf: defineRoute(permission, { ...common, path: `${path}/pdf`, summary: `${summary}, as PDF`, responses: { 200: pdfResponse, 404: notFound } }),
  };
}

const langOnly = z.object({ lang });

export const purchaseOrderDocRoutes = documentRoutes('purchasing.read', '/api/documents/purchase-orders/{id}', 'A purchase order for the supplier', langOnly);
export const purchaseReceiptDocRoutes = documentRoutes('purchasing.read', '/api/documents/purchase-receipts/{id}', 'Goods received note of a receipt against an order', langOnly);
export const goodsReceiptDocRoutes = documentRoutes('inventory.read', '/api/documents/goods-receipts/{id}', 'Goods received note of a receipt without an order', langOnly);
export const deliveryNoteDocRoutes = documentRoutes('inventory.read', '/api/documents/transfers/{id}', 'Delivery note of a transfer', langOnly);
export const saleInvoiceDocRoutes = documentRoutes('sales.all', '/api/documents/sales/{id}/invoice', 'A till sale as a VAT invoice', invoiceQuerySchema);
export const customerInvoiceDocRoutes = documentRoutes('sales.all', '/api/documents/customer-invoices/{id}', 'A customer invoice or credit note in the VAT invoice layout', langOnly);
export const customerStatementDocRoutes = documentRoutes('sales.all', '/api/documents/customers/{id}/statement', "A customer's statement with the running balance", langOnly);
