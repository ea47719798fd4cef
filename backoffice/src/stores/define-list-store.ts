import { defineStore } from 'pinia';
import { ref, type Ref } from 'vue';
import { ApiRequestError } from '../api/client.ts';

/**
 * A store for one of the API's `{ items }` lists with a filter: the latest answer
 * wins (an older request finishing late is dropped), and clear() forgets everything
 * at sign-out (list it in features/auth/clear-session-data.ts).
 */
export function defineListStore<T, F extends object>(id: string, fetch: (filters: F) => Promise<{ items: T[] }>, initialFilters: () => F) {
  return defineStore(id, () => {
    const items = ref([]) as Ref<T[]>;
    const filters = ref(initialFilters()) as Ref<F>;
    const loading = ref(false);
    const loaded = ref(false);
    const error = ref<ApiRequestError | null>(null);
    let requestNo = 0;

    async function load(): Promise<void> {
      const mine = ++requestNo;
      loading.value = true;
      error.value = null;
      try {
        const result = await fetch({ ...filters.value });
        if (mine === requestNo) {
          items.value = result.items;
          loaded.value = true;
        }
      } catch (err) {
        if (mine === requestNo) error.value = err instanceof ApiRequestError ? err : new ApiRequestError(0, 'internal', String(err));
      } finally {
        if (mine === requestNo) loading.value = false;
      }
    }

    function clear(): void {
      requestNo++;
      items.value = [];
      filters.value = initialFilters();
      loading.value = false;
      loaded.value = false;
      error.value = null;
    }

    return { items, filters, loading, loaded, error, load, clear };
  });
}
