import { z } from '@hono/zod-openapi';
import { apiErrorSchema, companyInvoiceDetailsSchema, companySchema, storeReceiptSettingsSchema, storeSchema, warehouseSchema } from '@shopbook/shared';
import { defineRoute, jsonBody, jsonResponse } from '../../http/route.ts';

export const getCompany = defineRoute('authenticated', {
  method: 'get',
  path: '/api/org/company',
  tags: ['org'],
  summary: 'The company this installation books for',
  responses: { 200: jsonResponse(companySchema, 'Company') },
});

export const listStores = defineRoute('authenticated', {
  method: 'get',
  path: '/api/org/stores',
  tags: ['org'],
  summary: 'Stores the user may see',
  responses: { 200: jsonResponse(z.object({ items: z.array(storeSchema) }), 'Stores') },
});

export const listWarehouses = defineRoute('inventory.read', {
  method: 'get',
  path: '/api/org/warehouses',
  tags: ['org'],
  summary: 'Warehouses, store ones and central ones',
  responses: { 200: jsonResponse(z.object({ items: z.array(warehouseSchema) }), 'Warehouses') },
});

export const getInvoiceDetails = defineRoute('authenticated', {
  method: 'get',
  path: '/api/org/company/invoice-details',
  tags: ['org'],
  summary: "The company's address, phone and bank as invoices print them",
  responses: { 200: jsonResponse(companyInvoiceDetailsSchema, 'Invoice details') },
});

export const putInvoiceDetails = defineRoute('settings.write', {
  method: 'put',
  path: '/api/org/company/invoice-details',
  tags: ['org'],
  summary: "Sets the company's address, phone and bank for invoices; audited",
  request: { body: jsonBody(companyInvoiceDetailsSchema) },
  responses: { 200: jsonResponse(companyInvoiceDetailsSchema, 'Saved'), 400: jsonResponse(apiErrorSchema, 'Invalid') },
});

const storeParams = z.object({ id: z.uuid({ message: 'id must be a uuid' }) });

export const getStoreReceipt = defineRoute('settings.write', {
  method: 'get',
  path: '/api/org/stores/{id}/receipt',
  tags: ['org'],
  summary: "A store's receipt header, footer and logo",
  request: { params: storeParams },
  responses: { 200: jsonResponse(storeReceiptSettingsSchema, 'Receipt settings'), 404: jsonResponse(apiErrorSchema, 'No such store') },
});

export const putStoreReceipt = defineRoute('settings.write', {
  method: 'put',
  path: '/api/org/stores/{id}/receipt',
  tags: ['org'],
  summary: "Sets a store's receipt header, footer and logo; tills pull them; audited",
  request: { params: storeParams, body: jsonBody(storeReceiptSettingsSchema) },
  responses: {
    200: jsonResponse(storeReceiptSettingsSchema, 'Saved'),
    400: jsonResponse(apiErrorSchema, 'Invalid'),
    404: jsonResponse(apiErrorSchema, 'No such store'),
  },
});
