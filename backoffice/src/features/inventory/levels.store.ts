import type { StockLevel } from '@shopbook/shared';
import { defineStore } from 'pinia';
import { reactive, ref } from 'vue';
import { ApiRequestError } from '../../api/client.ts';
import { inventoryApi } from './inventory.api.ts';

export const LEVEL_PAGE_SIZES = [20, 50, 100, 200];

/**
 * Stock levels with filters and paging. `alwaysLow` makes a store that only ever asks
 * for low and negative levels; the low-stock page itself uses the low-stock report
 * (low-stock.store.ts), which sums batches and carries the reorder rule.
 */
function defineLevelsStore(id: string, alwaysLow: boolean) {
  return defineStore(id, () => {
    const filters = reactive({ warehouseId: null as string | null, q: '', lowOnly: alwaysLow });
    const page = ref(1);
    const pageSize = ref(50);
    const data = ref<{ items: StockLevel[]; total: number } | null>(null);
    const loading = ref(false);
    const error = ref<ApiRequestError | null>(null);
    let requestNo = 0;

    async function load(): Promise<void> {
      const mine = ++requestNo;
      loading.value = true;
      error.value = null;
      try {
        const result = await inventoryApi.levels({
          warehouseId: filters.warehouseId ?? undefined,
          q: filters.q.trim() || undefined,
          lowOnly: alwaysLow || filters.lowOnly,
          page: page.value,
          pageSize: pageSize.value,
        });
        if (mine === requestNo) data.value = result;
      } catch (err) {
        if (mine === requestNo) error.value = err instanceof ApiRequestError ? err : new ApiRequestError(0, 'internal', String(err));
      } finally {
        if (mine === requestNo) loading.value = false;
      }
    }

    function search(): Promise<void> {
      page.value = 1;
      return load();
    }

    function reset(): Promise<void> {
      filters.warehouseId = null;
      filters.q = '';
      filters.lowOnly = alwaysLow;
      return search();
    }

    function clear(): void {
      requestNo++;
      filters.warehouseId = null;
      filters.q = '';
      filters.lowOnly = alwaysLow;
      page.value = 1;
      data.value = null;
      error.value = null;
      loading.value = false;
    }

    return { alwaysLow, filters, page, pageSize, data, loading, error, load, search, reset, clear };
  });
}

export const useStockLevelsStore = defineLevelsStore('stockLevels', false);
export type LevelsStore = ReturnType<typeof useStockLevelsStore>;
