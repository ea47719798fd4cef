import type { Category, Store } from '@shopbook/shared';
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { ApiRequestError } from '../../api/client.ts';
import { catalogueApi } from './catalogue.api.ts';
import { buildCategoryTree, flattenTree } from './category-tree.ts';

export interface TaxRateOption {
  id: string;
  name: string;
  rateBasisPoints: number;
  active: boolean;
}

/**
 * What product forms and filters pick from: categories, tax rates and stores. Loaded
 * once per session and reloaded when someone adds a category.
 */
export const useCatalogueRefsStore = defineStore('catalogueRefs', () => {
  const categories = ref<Category[]>([]);
  const taxRates = ref<TaxRateOption[]>([]);
  const stores = ref<Store[]>([]);
  const loaded = ref(false);
  const loading = ref(false);
  const error = ref<ApiRequestError | null>(null);
  let inflight: Promise<void> | null = null;
  let generation = 0;

  const tree = computed(() => buildCategoryTree(categories.value));
  const flat = computed(() => flattenTree(tree.value));
  const categoryPath = (id: string | null) => (id ? (flat.value.find((c) => c.id === id)?.path ?? '') : '');

  async function fetchAll(): Promise<void> {
    const mine = generation;
    loading.value = true;
    error.value = null;
    try {
      const [c, r, s] = await Promise.all([
        catalogueApi.categories(),
        catalogueApi.taxRates(),
        // Store prices are optional: a user who cannot list stores still edits products.
        catalogueApi.stores().catch(() => ({ items: [] as Store[] })),
      ]);
      if (mine !== generation) return;
      categories.value = c.items;
      taxRates.value = r.items;
      stores.value = s.items;
      loaded.value = true;
    } catch (err) {
      if (mine === generation) error.value = err instanceof ApiRequestError ? err : new ApiRequestError(0, 'internal', String(err));
    } finally {
      if (mine === generation) loading.value = false;
    }
  }

  /** Loads once; several components may ask at the same time. */
  function ensureLoaded(): Promise<void> {
    if (loaded.value) return Promise.resolve();
    inflight ??= fetchAll().finally(() => (inflight = null));
    return inflight;
  }

  /** After a change (a new category, an import that counted products). */
  async function reloadCategories(): Promise<void> {
    const mine = generation;
    try {
      const c = await catalogueApi.categories();
      if (mine === generation) categories.value = c.items;
    } catch (err) {
      if (mine === generation) error.value = err instanceof ApiRequestError ? err : new ApiRequestError(0, 'internal', String(err));
    }
  }

  function clear(): void {
    generation++;
    inflight = null;
    categories.value = [];
    taxRates.value = [];
    stores.value = [];
    loaded.value = false;
    loading.value = false;
    error.value = null;
  }

  return { categories, taxRates, stores, loaded, loading, error, tree, flat, categoryPath, ensureLoaded, fetchAll, reloadCategories, clear };
});
