import { z } from '@hono/zod-openapi';
import { lowStockItemSchema, expiringBatchSchema, expiringQuerySchema, stockAsOfQuerySchema, stockAsOfRowSchema, stockRuleInputSchema, adjustmentRequestSchema, adjustmentSchema, apiErrorSchema, ledgerCheckSchema, stockLevelQuerySchema, stockLevelSchema, stockMoveSchema, serialQuerySchema, serialUnitSchema, serialDetailSchema } from '@shopbook/shared';
import { defineRoute, jsonBody, jsonResponse } from '../../http/route.ts';

const idParam = z.object({ id: z.uuid({ message: 'id must be a uuid' }) });

export const listLevels = defineRoute('inventory.read', {
  method: 'get',
  path: '/api/inventory/levels',
  tags: ['inventory'],
  summary: 'Stock on hand per product, warehouse and batch; lowOnly=true for low and negative stock',
  request: { query: stockLevelQuerySchema },
  responses: { 200: jsonResponse(z.object({ items: z.array(stockLevelSchema), total: z.number().int() }), 'Levels') },
});

export const productMoves = defineRoute('inventory.read', {
  method: 'get',
  path: '/api/inventory/products/{id}/moves',
  tags: ['inventory'],
  summary: "A product's ledger with running balances and the document behind each move",
  request: { params: idParam, query: z.object({ warehouseId: z.uuid({ message: 'warehouseId must be a uuid' }).optional() }) },
  responses: { 200: jsonResponse(z.object({ items: z.array(stockMoveSchema) }), 'Moves') },
});

export const listAdjustmentsRoute = defineRoute('inventory.read', {
  method: 'get',
  path: '/api/inventory/adjustments',
  tags: ['inventory'],
  summary: 'Recent stock adjustments',
  responses: {
    200: jsonResponse(z.object({ items: z.array(adjustmentSchema.omit({ lines: true })) }), 'Adjustments'),
  },
});

export const getAdjustmentRoute = defineRoute('inventory.read', {
  method: 'get',
  path: '/api/inventory/adjustments/{id}',
  tags: ['inventory'],
  summary: 'One stock adjustment with its lines',
  request: { params: idParam },
  responses: { 200: jsonResponse(adjustmentSchema, 'Adjustment'), 404: jsonResponse(apiErrorSchema, 'Not found') },
});

export const createAdjustmentRoute = defineRoute('inventory.adjust', {
  method: 'post',
  path: '/api/inventory/adjustments',
  tags: ['inventory'],
  summary: 'Draft a stock adjustment (no stock moves until posted)',
  request: { body: jsonBody(adjustmentRequestSchema) },
  responses: { 201: jsonResponse(adjustmentSchema, 'Draft created'), 422: jsonResponse(apiErrorSchema, 'Unknown product or warehouse') },
});

export const postAdjustmentRoute = defineRoute('inventory.approve', {
  method: 'post',
  path: '/api/inventory/adjustments/{id}/post',
  tags: ['inventory'],
  summary: 'Post a draft adjustment: stock moves and journal entry',
  request: { params: idParam },
  responses: {
    200: jsonResponse(adjustmentSchema, 'Posted'),
    404: jsonResponse(apiErrorSchema, 'Not found'),
    409: jsonResponse(apiErrorSchema, 'Already posted'),
    422: jsonResponse(apiErrorSchema, 'Would make stock negative where that is forbidden'),
  },
});

export const ledgerCheckRoute = defineRoute('settings.write', {
  method: 'get',
  path: '/api/inventory/ledger-check',
  tags: ['inventory'],
  summary: 'Verify levels against moves and the journal against the stock value',
  responses: { 200: jsonResponse(ledgerCheckSchema, 'Result') },
});

export const lowStockRoute = defineRoute('inventory.read', {
  method: 'get',
  path: '/api/inventory/low-stock',
  tags: ['inventory'],
  summary: 'Products at or below their reorder point, or negative, per warehouse, with a suggested quantity up to the maximum',
  request: { query: z.object({ warehouseId: z.uuid({ message: 'warehouseId must be a uuid' }).optional() }) },
  responses: { 200: jsonResponse(z.object({ items: z.array(lowStockItemSchema) }), 'Low and negative stock') },
});

export const setRulesRoute = defineRoute('inventory.approve', {
  method: 'put',
  path: '/api/inventory/rules',
  tags: ['inventory'],
  summary: 'Set reorder point, minimum and maximum per product and warehouse',
  request: { body: jsonBody(stockRuleInputSchema) },
  responses: { 200: jsonResponse(z.object({ updated: z.number().int() }), 'Saved'), 422: jsonResponse(apiErrorSchema, 'Unknown product or warehouse') },
});

export const expiringRoute = defineRoute('inventory.read', {
  method: 'get',
  path: '/api/inventory/expiring',
  tags: ['inventory'],
  summary: 'Batches in stock expiring within N days (or already expired)',
  request: { query: expiringQuerySchema },
  responses: { 200: jsonResponse(z.object({ items: z.array(expiringBatchSchema) }), 'Batches') },
});

export const stockAsOfRoute = defineRoute('inventory.read', {
  method: 'get',
  path: '/api/inventory/stock-as-of',
  tags: ['inventory'],
  summary: 'Quantity and value per product and warehouse at the end of a past day, from the ledger',
  request: { query: stockAsOfQuerySchema },
  responses: { 200: jsonResponse(z.object({ items: z.array(stockAsOfRowSchema) }), 'Stock at that date') },
});

export const listSerialsRoute = defineRoute('inventory.read', {
  method: 'get',
  path: '/api/inventory/serials',
  tags: ['inventory'],
  summary: 'Units of serial-tracked products: by serial (or its beginning), product, warehouse or state',
  request: { query: serialQuerySchema },
  responses: { 200: jsonResponse(z.object({ items: z.array(serialUnitSchema) }), 'Units') },
});

export const getSerialRoute = defineRoute('inventory.read', {
  method: 'get',
  path: '/api/inventory/serials/{id}',
  tags: ['inventory'],
  summary: 'One unit and its history: the document behind every move',
  request: { params: idParam },
  responses: { 200: jsonResponse(serialDetailSchema, 'Unit'), 404: jsonResponse(apiErrorSchema, 'Not found') },
});
