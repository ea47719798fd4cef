import type { Product } from '@shopbook/shared';
import { defineStore } from 'pinia';
import { reactive, ref } from 'vue';
import { ApiRequestError } from '../../api/client.ts';
import { catalogueApi, type ProductQuery } from './catalogue.api.ts';

export const PRODUCT_PAGE_SIZES = [20, 50, 100, 200];

export type StatusFilter = 'active' | 'archived' | 'all';

/** The products page's filters, page and results; a store so they survive navigation. */
export const useProductsStore = defineStore('products', () => {
  const filters = reactive({ q: '', categoryId: null as string | null, status: 'active' as StatusFilter });
  const page = ref(1);
  const pageSize = ref(50);
  const data = ref<{ items: Product[]; total: number } | null>(null);
  const loading = ref(false);
  const error = ref<ApiRequestError | null>(null);
  let requestNo = 0;

  function query(): ProductQuery {
    return {
      q: filters.q.trim() || undefined,
      categoryId: filters.categoryId ?? undefined,
      status: filters.status,
      page: page.value,
      pageSize: pageSize.value,
    };
  }

  async function load(): Promise<void> {
    // Typing fires several searches; only the latest may fill the table.
    const mine = ++requestNo;
    loading.value = true;
    error.value = null;
    try {
      const result = await catalogueApi.products(query());
      if (mine === requestNo) data.value = result;
    } catch (err) {
      if (mine === requestNo) error.value = err instanceof ApiRequestError ? err : new ApiRequestError(0, 'internal', String(err));
    } finally {
      if (mine === requestNo) loading.value = false;
    }
  }

  /** New filters start again at page 1. */
  function search(): Promise<void> {
    page.value = 1;
    return load();
  }

  function reset(): Promise<void> {
    filters.q = '';
    filters.categoryId = null;
    filters.status = 'active';
    return search();
  }

  /** Forget results and filters (sign-out): the next user may not be allowed to see them. */
  function clear(): void {
    requestNo++;
    filters.q = '';
    filters.categoryId = null;
    filters.status = 'active';
    page.value = 1;
    data.value = null;
    error.value = null;
    loading.value = false;
  }

  return { filters, page, pageSize, data, loading, error, load, search, reset, clear };
});
