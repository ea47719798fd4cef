import { supplierPerformanceComparisonSchema, supplierPerformanceSchema, type SupplierPerformanceQuery } from '@shopbook/shared';
import { api } from '../../api/client.ts';

export const supplierPerformanceApi = {
  /** Every active supplier side by side over the period (open ends: since the first document, up to now). */
  compare: (period: SupplierPerformanceQuery) => api.get('/api/suppliers/performance', supplierPerformanceComparisonSchema, { query: { ...period } }),
  one: (supplierId: string, period: SupplierPerformanceQuery) =>
    api.get(`/api/suppliers/${encodeURIComponent(supplierId)}/performance`, supplierPerformanceSchema, { query: { ...period } }),
};
