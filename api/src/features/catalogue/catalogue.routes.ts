import { z } from '@hono/zod-openapi';
import {
  apiErrorSchema, categoryInputSchema, categorySchema, importReportSchema, productInputSchema, productPageSchema, productQuerySchema,
  productSchema, storePricesInputSchema, taxRateSchema,
} from '@shopbook/shared';
import { defineRoute, jsonBody, jsonResponse } from '../../http/route.ts';

const idParam = z.object({ id: z.uuid({ message: 'id must be a uuid' }) });
const conflict = { 409: jsonResponse(apiErrorSchema, 'SKU, PLU or barcode already used (the message names the product)') };
const unprocessable = { 422: jsonResponse(apiErrorSchema, 'Refers to a tax rate, category or parent that does not exist') };

export const listCategories = defineRoute('catalogue.read', {
  method: 'get', path: '/api/catalogue/categories', tags: ['catalogue'], summary: 'Category tree as a flat list with product counts',
  responses: { 200: jsonResponse(z.object({ items: z.array(categorySchema) }), 'Categories') },
});

export const createCategory = defineRoute('catalogue.write', {
  method: 'post', path: '/api/catalogue/categories', tags: ['catalogue'], summary: 'Add a category',
  request: { body: jsonBody(categoryInputSchema) },
  responses: { 201: jsonResponse(categorySchema, 'Created'), ...conflict, ...unprocessable },
});

export const renameCategoryRoute = defineRoute('catalogue.write', {
  method: 'put', path: '/api/catalogue/categories/{id}', tags: ['catalogue'], summary: 'Change a category\'s code and name (tills pull the change)',
  request: { params: idParam, body: jsonBody(categoryInputSchema.pick({ code: true, name: true })) },
  responses: { 200: jsonResponse(categorySchema, 'Updated'), 404: jsonResponse(apiErrorSchema, 'Not found'), 409: jsonResponse(apiErrorSchema, 'Code already used') },
});

export const deleteCategoryRoute = defineRoute('catalogue.write', {
  method: 'delete', path: '/api/catalogue/categories/{id}', tags: ['catalogue'], summary: 'Delete an empty category (tills get a tombstone)',
  request: { params: idParam },
  responses: {
    204: { description: 'Deleted' },
    404: jsonResponse(apiErrorSchema, 'Not found'),
    409: jsonResponse(apiErrorSchema, 'The category still has products or subcategories'),
  },
});

export const listTaxRates = defineRoute('catalogue.read', {
  method: 'get', path: '/api/catalogue/tax-rates', tags: ['catalogue'], summary: 'Tax rates',
  responses: { 200: jsonResponse(z.object({ items: z.array(taxRateSchema) }), 'Tax rates') },
});

export const listProducts = defineRoute('catalogue.read', {
  method: 'get', path: '/api/catalogue/products', tags: ['catalogue'],
  summary: 'Search products by barcode, SKU prefix, name (prefix or contains), category subtree or supplier; paged',
  request: { query: productQuerySchema },
  responses: { 200: jsonResponse(productPageSchema, 'A page of products') },
});

export const getProductRoute = defineRoute('catalogue.read', {
  method: 'get', path: '/api/catalogue/products/{id}', tags: ['catalogue'], summary: 'One product',
  request: { params: idParam },
  responses: { 200: jsonResponse(productSchema, 'Product'), 404: jsonResponse(apiErrorSchema, 'Not found') },
});

export const createProductRoute = defineRoute('catalogue.write', {
  method: 'post', path: '/api/catalogue/products', tags: ['catalogue'], summary: 'Create a product (or a variant, with parentId)',
  request: { body: jsonBody(productInputSchema) },
  responses: { 201: jsonResponse(productSchema, 'Created'), ...conflict, ...unprocessable },
});

export const updateProductRoute = defineRoute('catalogue.write', {
  method: 'put', path: '/api/catalogue/products/{id}', tags: ['catalogue'],
  summary: 'Replace a product and its barcodes (price changes also need prices.write)',
  request: { params: idParam, body: jsonBody(productInputSchema) },
  responses: { 200: jsonResponse(productSchema, 'Updated'), 404: jsonResponse(apiErrorSchema, 'Not found'), ...conflict, ...unprocessable },
});

export const setStorePricesRoute = defineRoute('prices.write', {
  method: 'put', path: '/api/catalogue/products/{id}/store-prices', tags: ['catalogue'],
  summary: "Set or clear stores' own sale prices",
  request: { params: idParam, body: jsonBody(storePricesInputSchema) },
  responses: { 200: jsonResponse(productSchema, 'Updated'), 404: jsonResponse(apiErrorSchema, 'Not found'), ...unprocessable },
});

export const importProductsRoute = defineRoute('catalogue.write', {
  method: 'post', path: '/api/catalogue/products/import', tags: ['catalogue'],
  summary: 'Import products from CSV: every row validated first; all or nothing (mode=all) or only the valid rows (mode=valid)',
  request: {
    query: z.object({
      mode: z.enum(['all', 'valid'], { message: 'mode must be all or valid' }).default('all'),
      dryRun: z.enum(['true', 'false'], { message: 'dryRun must be true or false' }).default('false'),
    }),
    body: { content: { 'text/csv': { schema: z.string() } }, required: true },
  },
  responses: { 200: jsonResponse(importReportSchema, 'What was found and what was written') },
});

export const exportProductsRoute = defineRoute('catalogue.read', {
  method: 'get', path: '/api/catalogue/products/export', tags: ['catalogue'], summary: 'All products as CSV (the import format)',
  responses: { 200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } } },
});
