import type { Adjustment } from '@shopbook/shared';
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { ApiRequestError } from '../../api/client.ts';
import { inventoryApi } from './inventory.api.ts';

export type AdjustmentSummary = Omit<Adjustment, 'lines'>;

/** The recent adjustments (the API returns the latest 200, newest first). */
export const useAdjustmentsStore = defineStore('adjustments', () => {
  const items = ref<AdjustmentSummary[]>([]);
  const loading = ref(false);
  const error = ref<ApiRequestError | null>(null);
  let requestNo = 0;

  async function load(): Promise<void> {
    const mine = ++requestNo;
    loading.value = true;
    error.value = null;
    try {
      const result = await inventoryApi.adjustments();
      if (mine === requestNo) items.value = result.items;
    } catch (err) {
      if (mine === requestNo) error.value = err instanceof ApiRequestError ? err : new ApiRequestError(0, 'internal', String(err));
    } finally {
      if (mine === requestNo) loading.value = false;
    }
  }

  function clear(): void {
    requestNo++;
    items.value = [];
    error.value = null;
    loading.value = false;
  }

  return { items, loading, error, load, clear };
});
