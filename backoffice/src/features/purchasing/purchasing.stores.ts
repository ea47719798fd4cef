import type { PurchaseOrderSummary, SupplierSummary } from '@shopbook/shared';
import { defineListStore } from '../../stores/define-list-store.ts';
import { ordersApi, suppliersApi, type OrderQuery } from './purchasing.api.ts';

/** Suppliers by search text; active ones unless archived are asked for (first 200). */
export const useSuppliersStore = defineListStore<SupplierSummary, { q: string; status: 'active' | 'all' }>(
  'suppliers',
  (f) => suppliersApi.list({ q: f.q || undefined, status: f.status, page: 1, pageSize: 200 }),
  () => ({ q: '', status: 'active' }),
);

export const usePurchaseOrdersStore = defineListStore<PurchaseOrderSummary, Required<Pick<OrderQuery, 'status' | 'q'>>>(
  'purchaseOrders',
  (f) => ordersApi.list({ status: f.status || undefined, q: f.q || undefined }),
  () => ({ status: '', q: '' }),
);
