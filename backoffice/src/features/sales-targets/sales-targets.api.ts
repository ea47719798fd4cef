import { salespersonSchema, salesTargetProgressSchema, salesTargetSchema, storeSchema, type SalesTargetInput } from '@shopbook/shared';
import { api } from '../../api/client.ts';
import { listOf } from '../../api/list-of.ts';

const monthQuery = (month?: string) => ({ query: { month } });

export const salesTargetsApi = {
  /** This month's progress: a manager's stores, or a salesperson's own rows. */
  progress: (month?: string) => api.get(`/api/sales-targets/progress${month ? `?month=${month}` : ''}`, salesTargetProgressSchema),
  /** The targets set for a month (targets.write). */
  list: (month?: string) => api.get('/api/sales-targets', listOf(salesTargetSchema), monthQuery(month)),
  /** Sets (replaces) a store's or a salesperson's target. */
  set: (body: SalesTargetInput) => api.put('/api/sales-targets', body, salesTargetSchema),
  remove: (targetId: string) => api.delete(`/api/sales-targets/${encodeURIComponent(targetId)}`),
  stores: () => api.get('/api/org/stores', listOf(storeSchema)),
  /** Users customers, orders and targets can be assigned to. */
  salespeople: () => api.get('/api/customers/salespeople', listOf(salespersonSchema)),
};
