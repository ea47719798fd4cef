import { useAuditStore } from '../audit/audit.store.ts';
import { useCatalogueRefsStore } from '../catalogue/catalogue-refs.store.ts';
import { useProductsStore } from '../catalogue/products.store.ts';
import { useDashboardStore } from '../dashboard/dashboard.store.ts';
import { useTrialBalanceStore } from '../finance/trial-balance.store.ts';
import { useAdjustmentsStore } from '../inventory/adjustments.store.ts';
import { useStockLevelsStore } from '../inventory/levels.store.ts';
import { useLowStockStore } from '../inventory/low-stock.store.ts';
import { usePurchaseOrdersStore, useSuppliersStore } from '../purchasing/purchasing.stores.ts';
import { useReceiptsStore } from '../receipts/receipts.store.ts';
import { useStockTakesStore } from '../stocktakes/stocktakes.store.ts';
import { useTransfersStore } from '../transfers/transfers.store.ts';
import { useWarehousesStore } from '../inventory/warehouses.store.ts';
import { useCompanyStore } from '../org/company.store.ts';

/**
 * Drops everything a signed-in user loaded. Called when a session starts or ends, so a
 * cashier signing in after the owner on the same browser never sees the owner's figures.
 * Add each new store that holds API data here.
 */
export function clearSessionData(): void {
  useDashboardStore().clear();
  useCompanyStore().clear();
  useTrialBalanceStore().clear();
  useAuditStore().clear();
  useCatalogueRefsStore().clear();
  useProductsStore().clear();
  useStockLevelsStore().clear();
  useLowStockStore().clear();
  useAdjustmentsStore().clear();
  useWarehousesStore().clear();
  useReceiptsStore().clear();
  useTransfersStore().clear();
  useStockTakesStore().clear();
  useSuppliersStore().clear();
  usePurchaseOrdersStore().clear();
}
