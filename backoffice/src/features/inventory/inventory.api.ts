import {
  adjustmentSchema,
  expiringBatchSchema,
  ledgerCheckSchema,
  stockAsOfRowSchema,
  stockLevelSchema,
  stockMoveSchema,
  stockTakeSchema,
  serialDetailSchema,
  serialUnitSchema,
  warehouseSchema,
  type AdjustmentRequest,
} from '@shopbook/shared';
import { api } from '../../api/client.ts';
import { listOf, pageOf } from '../../api/list-of.ts';
import type { ReorderRuleRequest } from './reorder-rule-form.ts';

export interface LevelQuery {
  warehouseId?: string;
  productId?: string;
  q?: string;
  lowOnly?: boolean;
  page: number;
  pageSize: number;
}

const adjustmentSummarySchema = adjustmentSchema.omit({ lines: true });

/**
 * GET /api/inventory/low-stock's item. Shared exports no schema for it (the route
 * declares it inline), and the back office does not depend on zod itself, so it is
 * built from shared schemas' parts: nullable quantity strings, a boolean.
 */
const nullableQty = stockLevelSchema.shape.reorderPoint;
export const lowStockItemSchema = stockLevelSchema
  .pick({ productId: true, sku: true, name: true, warehouseId: true, warehouseCode: true, qty: true, reorderPoint: true })
  .extend({ minQty: nullableQty, maxQty: nullableQty, suggested: stockLevelSchema.shape.qty, negative: stockTakeSchema.shape.blind });
export type LowStockItem = ReturnType<typeof lowStockItemSchema.parse>;
export type ExpiringBatch = ReturnType<typeof expiringBatchSchema.parse>;
export type StockAsOfRow = ReturnType<typeof stockAsOfRowSchema.parse>;
const id = encodeURIComponent;

export const inventoryApi = {
  levels: (q: LevelQuery) =>
    api.get('/api/inventory/levels', pageOf(stockLevelSchema), { query: { ...q, lowOnly: q.lowOnly ? 'true' : undefined } }),
  moves: (productId: string, warehouseId?: string) =>
    api.get(`/api/inventory/products/${id(productId)}/moves`, listOf(stockMoveSchema), { query: { warehouseId } }),
  adjustments: () => api.get('/api/inventory/adjustments', listOf(adjustmentSummarySchema)),
  adjustment: (adjustmentId: string) => api.get(`/api/inventory/adjustments/${id(adjustmentId)}`, adjustmentSchema),
  createAdjustment: (body: AdjustmentRequest) => api.post('/api/inventory/adjustments', body, adjustmentSchema),
  postAdjustment: (adjustmentId: string) => api.post(`/api/inventory/adjustments/${id(adjustmentId)}/post`, {}, adjustmentSchema),
  ledgerCheck: () => api.get('/api/inventory/ledger-check', ledgerCheckSchema),
  lowStock: (warehouseId?: string) => api.get('/api/inventory/low-stock', listOf(lowStockItemSchema), { query: { warehouseId } }),
  setRules: (body: ReorderRuleRequest) => api.put<unknown>('/api/inventory/rules', body),
  expiring: (days: number, warehouseId?: string) =>
    api.get('/api/inventory/expiring', listOf(expiringBatchSchema), { query: { days, warehouseId } }),
  stockAsOf: (date: string, warehouseId?: string, productId?: string) =>
    api.get('/api/inventory/stock-as-of', listOf(stockAsOfRowSchema), { query: { date, warehouseId, productId } }),
  warehouses: () => api.get('/api/org/warehouses', listOf(warehouseSchema)),
  serials: (q: { q?: string; state?: string; warehouseId?: string }) => api.get('/api/inventory/serials', listOf(serialUnitSchema), { query: q }),
  serial: (unitId: string) => api.get(`/api/inventory/serials/${id(unitId)}`, serialDetailSchema),
};
