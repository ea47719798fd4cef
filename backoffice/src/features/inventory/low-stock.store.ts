import { defineListStore } from '../../stores/define-list-store.ts';
import { inventoryApi } from './inventory.api.ts';

/** GET /api/inventory/low-stock: at or below the reorder point, or negative, per product and warehouse. */
export const useLowStockStore = defineListStore(
  'lowStock',
  (f: { warehouseId: string }) => inventoryApi.lowStock(f.warehouseId || undefined),
  () => ({ warehouseId: '' }),
);
