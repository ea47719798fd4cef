import type { DashboardSummary } from '@shopbook/shared';
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { ApiRequestError } from '../../api/client.ts';
import { dashboardApi } from './dashboard.api.ts';

/** The dashboard summary; kept in a store so returning to the page shows it at once. */
export const useDashboardStore = defineStore('dashboard', () => {
  const summary = ref<DashboardSummary | null>(null);
  const loading = ref(false);
  const error = ref<ApiRequestError | null>(null);
  // Bumped by clear(): an answer to a request from before sign-out is dropped.
  let generation = 0;

  async function load(): Promise<void> {
    const mine = ++generation;
    loading.value = true;
    error.value = null;
    try {
      const result = await dashboardApi.summary();
      if (mine === generation) summary.value = result;
    } catch (err) {
      if (mine === generation) error.value = err instanceof ApiRequestError ? err : new ApiRequestError(0, 'internal', String(err));
    } finally {
      if (mine === generation) loading.value = false;
    }
  }

  function clear(): void {
    generation++;
    summary.value = null;
    error.value = null;
    loading.value = false;
  }

  return { summary, loading, error, load, clear };
});
