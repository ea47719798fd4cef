import { z } from '@hono/zod-openapi';
import { apiErrorSchema, transferQuerySchema, transferReceiveRequestSchema, transferRequestSchema, transferSchema, transferSummarySchema } from '@shopbook/shared';
import { defineRoute, jsonBody, jsonResponse } from '../../http/route.ts';

const idParam = z.object({ id: z.uuid({ message: 'id must be a uuid' }) });
const notFound = jsonResponse(apiErrorSchema, 'Not found');
const wrongStatus = jsonResponse(apiErrorSchema, 'The transfer is not in the status this step starts from');

export const listTransfersRoute = defineRoute('inventory.read', {
  method: 'get',
  path: '/api/inventory/transfers',
  tags: ['inventory'],
  summary: 'Recent transfers between warehouses, optionally by status or warehouse (leaving or entering)',
  request: { query: transferQuerySchema },
  responses: { 200: jsonResponse(z.object({ items: z.array(transferSummarySchema) }), 'Transfers') },
});

export const getTransferRoute = defineRoute('inventory.read', {
  method: 'get',
  path: '/api/inventory/transfers/{id}',
  tags: ['inventory'],
  summary: 'One transfer with its lines: shipped batches, received quantities and discrepancies',
  request: { params: idParam },
  responses: { 200: jsonResponse(transferSchema, 'Transfer'), 404: notFound },
});

export const createTransferRoute = defineRoute('inventory.transfer', {
  method: 'post',
  path: '/api/inventory/transfers',
  tags: ['inventory'],
  summary: 'Draft a transfer (no stock moves until shipped)',
  request: { body: jsonBody(transferRequestSchema) },
  responses: { 201: jsonResponse(transferSchema, 'Draft created'), 422: jsonResponse(apiErrorSchema, 'Unknown or transit warehouse, unknown product or batch') },
});

export const shipTransferRoute = defineRoute('inventory.transfer', {
  method: 'post',
  path: '/api/inventory/transfers/{id}/ship',
  tags: ['inventory'],
  summary: 'Ship a draft: stock leaves the source (first expiry first out) into the transit warehouse at its average cost',
  request: { params: idParam },
  responses: {
    200: jsonResponse(transferSchema, 'Shipped'),
    404: notFound,
    409: wrongStatus,
    422: jsonResponse(apiErrorSchema, 'Not enough stock where the source warehouse forbids negative stock'),
  },
});

export const receiveTransferRoute = defineRoute('inventory.transfer', {
  method: 'post',
  path: '/api/inventory/transfers/{id}/receive',
  tags: ['inventory'],
  summary: 'Receive a shipped transfer: what arrived enters the destination; a shortfall or overage is booked to inventory adjustments',
  request: { params: idParam, body: jsonBody(transferReceiveRequestSchema) },
  responses: {
    200: jsonResponse(transferSchema, 'Received'),
    404: notFound,
    409: wrongStatus,
    422: jsonResponse(apiErrorSchema, 'A line is unknown or missing'),
  },
});

export const cancelTransferRoute = defineRoute('inventory.transfer', {
  method: 'post',
  path: '/api/inventory/transfers/{id}/cancel',
  tags: ['inventory'],
  summary: 'Cancel a draft transfer',
  request: { params: idParam },
  responses: { 200: jsonResponse(transferSchema, 'Cancelled'), 404: notFound, 409: wrongStatus },
});
