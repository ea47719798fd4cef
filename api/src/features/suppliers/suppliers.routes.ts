import { z } from '@hono/zod-openapi';
import {
  apiErrorSchema, supplierInputSchema, supplierPageSchema, supplierPerformanceComparisonSchema, supplierPerformanceQuerySchema, supplierPerformanceSchema,
  supplierProductInputSchema, supplierProductSchema, supplierQuerySchema, supplierSchema,
} from '@shopbook/shared';
import { defineRoute, jsonBody, jsonResponse } from '../../http/route.ts';

const idParam = z.object({ id: z.uuid({ message: 'id must be a uuid' }) });
const productParams = z.object({ id: z.uuid({ message: 'id must be a uuid' }), productId: z.uuid({ message: 'productId must be a uuid' }) });
const notFound = jsonResponse(apiErrorSchema, 'Not found');

export const listSuppliersRoute = defineRoute('suppliers.read', {
  method: 'get', path: '/api/suppliers', tags: ['suppliers'],
  summary: 'Search suppliers by code or name prefix, or part of the name, tax number, contact or phone; by status or by a product they sell; paged',
  request: { query: supplierQuerySchema },
  responses: { 200: jsonResponse(supplierPageSchema, 'A page of suppliers') },
});

export const getSupplierRoute = defineRoute('suppliers.read', {
  method: 'get', path: '/api/suppliers/{id}', tags: ['suppliers'], summary: 'One supplier with its contacts and bank accounts',
  request: { params: idParam },
  responses: { 200: jsonResponse(supplierSchema, 'Supplier'), 404: notFound },
});

export const createSupplierRoute = defineRoute('suppliers.write', {
  method: 'post', path: '/api/suppliers', tags: ['suppliers'],
  summary: 'Add a supplier: contacts, address, tax number, bank accounts, payment terms, currency and lead time (audited)',
  request: { body: jsonBody(supplierInputSchema) },
  responses: { 201: jsonResponse(supplierSchema, 'Created'), 409: jsonResponse(apiErrorSchema, 'Code already used') },
});

export const updateSupplierRoute = defineRoute('suppliers.write', {
  method: 'put', path: '/api/suppliers/{id}', tags: ['suppliers'],
  summary: 'Replace a supplier with its contacts and bank accounts; status archived retires it (audited with before and after)',
  request: { params: idParam, body: jsonBody(supplierInputSchema) },
  responses: {
    200: jsonResponse(supplierSchema, 'Updated'), 404: notFound,
    409: jsonResponse(apiErrorSchema, 'Code already used, or the currency changes under a price list or open orders'),
  },
});

export const deleteSupplierRoute = defineRoute('suppliers.write', {
  method: 'delete', path: '/api/suppliers/{id}', tags: ['suppliers'],
  summary: 'Delete a supplier nothing refers to (one with orders or receipts is archived instead)',
  request: { params: idParam },
  responses: { 204: { description: 'Deleted' }, 404: notFound, 409: jsonResponse(apiErrorSchema, 'Has orders or receipts: archive it') },
});

export const listSupplierProductsRoute = defineRoute('suppliers.read', {
  method: 'get', path: '/api/suppliers/{id}/products', tags: ['suppliers'],
  summary: "A supplier's price list: item code, pack size, price per purchase unit (supplier currency, before tax), minimum order",
  request: { params: idParam },
  responses: { 200: jsonResponse(z.object({ items: z.array(supplierProductSchema) }), 'Supplier products'), 404: notFound },
});

export const putSupplierProductRoute = defineRoute('suppliers.write', {
  method: 'put', path: '/api/suppliers/{id}/products/{productId}', tags: ['suppliers'],
  summary: "Add or replace a product on a supplier's price list; preferred=true makes this the product's supplier for reorder suggestions",
  request: { params: productParams, body: jsonBody(supplierProductInputSchema) },
  responses: { 200: jsonResponse(supplierProductSchema, 'Saved'), 404: notFound },
});

export const deleteSupplierProductRoute = defineRoute('suppliers.write', {
  method: 'delete', path: '/api/suppliers/{id}/products/{productId}', tags: ['suppliers'],
  summary: "Take a product off a supplier's price list",
  request: { params: productParams },
  responses: { 204: { description: 'Removed' }, 404: notFound },
});

// Performance: how each figure is worked out is in the purchasing README ("Supplier performance").

export const compareSupplierPerformanceRoute = defineRoute('suppliers.read', {
  method: 'get', path: '/api/suppliers/performance', tags: ['suppliers'],
  summary: 'Suppliers side by side over a period (UTC days): on-time delivery, fill rate, rejection at inspection, price change',
  request: { query: supplierPerformanceQuerySchema },
  responses: { 200: jsonResponse(supplierPerformanceComparisonSchema, 'One row per active supplier, and per archived one with documents in the period') },
});

export const supplierPerformanceRoute = defineRoute('suppliers.read', {
  method: 'get', path: '/api/suppliers/{id}/performance', tags: ['suppliers'],
  summary: "One supplier's performance over a period, with the order price per stock unit of each product over time",
  request: { params: idParam, query: supplierPerformanceQuerySchema },
  responses: { 200: jsonResponse(supplierPerformanceSchema, 'Performance'), 404: notFound },
});
