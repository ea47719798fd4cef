import {
  adjustmentSchema,
  ledgerCheckSchema,
  stockLevelSchema,
  stockMoveSchema,
  warehouseSchema,
  type AdjustmentRequest,
} from '@shopbook/shared';
import { api } from '../../api/client.ts';
import { listOf, pageOf } from '../../api/list-of.ts';

export interface LevelQuery {
  warehouseId?: string;
  productId?: string;
  q?: string;
  lowOnly?: boolean;
  page: number;
  pageSize: number;
}

const adjustmentSummarySchema = adjustmentSchema.omit({ lines: true });
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
  warehouses: () => api.get('/api/org/warehouses', listOf(warehouseSchema)),
};
