import { z } from '@hono/zod-openapi';
import { apiErrorSchema, receiptRequestSchema, receiptSchema } from '@shopbook/shared';
import { defineRoute, jsonBody, jsonResponse } from '../../http/route.ts';

const idParam = z.object({ id: z.uuid({ message: 'id must be a uuid' }) });

export const listReceiptsRoute = defineRoute('inventory.read', {
  method: 'get', path: '/api/inventory/receipts', tags: ['inventory'], summary: 'Recent goods receipts',
  responses: { 200: jsonResponse(z.object({ items: z.array(receiptSchema.omit({ lines: true })) }), 'Receipts') },
});

export const getReceiptRoute = defineRoute('inventory.read', {
  method: 'get', path: '/api/inventory/receipts/{id}', tags: ['inventory'], summary: 'One goods receipt with its lines',
  request: { params: idParam },
  responses: { 200: jsonResponse(receiptSchema, 'Receipt'), 404: jsonResponse(apiErrorSchema, 'Not found') },
});

export const createReceiptRoute = defineRoute('purchasing.receive', {
  method: 'post', path: '/api/inventory/receipts', tags: ['inventory'],
  summary: 'Draft a goods receipt (opening stock or a delivery without an order); batch numbers and expiry for tracked products',
  request: { body: jsonBody(receiptRequestSchema) },
  responses: { 201: jsonResponse(receiptSchema, 'Draft'), 422: jsonResponse(apiErrorSchema, 'Unknown warehouse, supplier or product') },
});

export const postReceiptRoute = defineRoute('purchasing.receive', {
  method: 'post', path: '/api/inventory/receipts/{id}/post', tags: ['inventory'],
  summary: 'Post a goods receipt: stock in at cost, inventory against goods received not invoiced',
  request: { params: idParam },
  responses: { 200: jsonResponse(receiptSchema, 'Posted'), 404: jsonResponse(apiErrorSchema, 'Not found'), 409: jsonResponse(apiErrorSchema, 'Already posted') },
});
