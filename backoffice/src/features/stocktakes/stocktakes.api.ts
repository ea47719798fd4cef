import {
  stockTakeCountResponseSchema, stockTakeSchema, stockTakeSummarySchema,
  type StockTakeCountRequest, type StockTakeRequest, type StockTakeStatus,
} from '@shopbook/shared';
import { api } from '../../api/client.ts';
import { listOf } from '../../api/list-of.ts';

const id = encodeURIComponent;

export const stockTakesApi = {
  list: (q: { status?: StockTakeStatus; warehouseId?: string } = {}) =>
    api.get('/api/inventory/stock-takes', listOf(stockTakeSummarySchema), { query: q }),
  get: (stockTakeId: string, signal?: AbortSignal) => api.get(`/api/inventory/stock-takes/${id(stockTakeId)}`, stockTakeSchema, { signal }),
  create: (body: StockTakeRequest) => api.post('/api/inventory/stock-takes', body, stockTakeSchema),
  addCounts: (stockTakeId: string, body: StockTakeCountRequest) =>
    api.post(`/api/inventory/stock-takes/${id(stockTakeId)}/counts`, body, stockTakeCountResponseSchema),
  approve: (stockTakeId: string) => api.post(`/api/inventory/stock-takes/${id(stockTakeId)}/approve`, {}, stockTakeSchema),
  cancel: (stockTakeId: string) => api.post(`/api/inventory/stock-takes/${id(stockTakeId)}/cancel`, {}, stockTakeSchema),
};
