import { z } from '@hono/zod-openapi';
import {
  apiErrorSchema, stockTakeCountRequestSchema, stockTakeCountResponseSchema, stockTakeQuerySchema, stockTakeRequestSchema, stockTakeSchema, stockTakeSummarySchema,
} from '@shopbook/shared';
import { defineRoute, jsonBody, jsonResponse } from '../../http/route.ts';

const idParam = z.object({ id: z.uuid({ message: 'id must be a uuid' }) });
const notFound = jsonResponse(apiErrorSchema, 'Not found');
const notCounting = jsonResponse(apiErrorSchema, 'The stock-take is no longer counting');

export const listStockTakesRoute = defineRoute('inventory.read', {
  method: 'get',
  path: '/api/inventory/stock-takes',
  tags: ['inventory'],
  summary: 'Recent stock-takes, optionally by status or warehouse',
  request: { query: stockTakeQuerySchema },
  responses: { 200: jsonResponse(z.object({ items: z.array(stockTakeSummarySchema) }), 'Stock-takes') },
});

export const getStockTakeRoute = defineRoute('inventory.read', {
  method: 'get',
  path: '/api/inventory/stock-takes/{id}',
  tags: ['inventory'],
  summary: 'One stock-take: expected, counted, counters, moves since the start and variance per product and batch (blind counts hide the book side from all but approvers)',
  request: { params: idParam },
  responses: { 200: jsonResponse(stockTakeSchema, 'Stock-take'), 404: notFound },
});

export const createStockTakeRoute = defineRoute('inventory.count', {
  method: 'post',
  path: '/api/inventory/stock-takes',
  tags: ['inventory'],
  summary: 'Start a stock-take of a warehouse or one category of it: freezes the book quantities',
  request: { body: jsonBody(stockTakeRequestSchema) },
  responses: { 201: jsonResponse(stockTakeSchema, 'Counting'), 422: jsonResponse(apiErrorSchema, 'Unknown or transit warehouse, unknown category') },
});

export const addCountsRoute = defineRoute('inventory.count', {
  method: 'post',
  path: '/api/inventory/stock-takes/{id}/counts',
  tags: ['inventory'],
  summary: 'Add count entries by product or barcode (pack barcodes multiply); several counters add up',
  request: { params: idParam, body: jsonBody(stockTakeCountRequestSchema) },
  responses: {
    200: jsonResponse(stockTakeCountResponseSchema, 'Recorded'),
    404: notFound,
    409: notCounting,
    422: jsonResponse(apiErrorSchema, 'Unknown product, barcode or batch, or outside the counted category'),
  },
});

export const approveStockTakeRoute = defineRoute('inventory.approve', {
  method: 'post',
  path: '/api/inventory/stock-takes/{id}/approve',
  tags: ['inventory'],
  summary: 'Approve a count: stock-take moves for the variances and one journal entry for their net value',
  request: { params: idParam },
  responses: {
    200: jsonResponse(stockTakeSchema, 'Approved'),
    404: notFound,
    409: notCounting,
    422: jsonResponse(apiErrorSchema, 'Nothing counted, a negative count, or stock would go negative where that is forbidden'),
  },
});

export const cancelStockTakeRoute = defineRoute('inventory.count', {
  method: 'post',
  path: '/api/inventory/stock-takes/{id}/cancel',
  tags: ['inventory'],
  summary: 'Cancel a stock-take that is still counting (no stock changes)',
  request: { params: idParam },
  responses: { 200: jsonResponse(stockTakeSchema, 'Cancelled'), 404: notFound, 409: notCounting },
});
