import type { Warehouse } from '@shopbook/shared';
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { inventoryApi } from './inventory.api.ts';

/** Warehouses for filters and forms; they change rarely, so once per session. */
export const useWarehousesStore = defineStore('warehouses', () => {
  const items = ref<Warehouse[]>([]);
  const loaded = ref(false);
  let inflight: Promise<void> | null = null;
  let generation = 0;

  function ensureLoaded(): Promise<void> {
    if (loaded.value) return Promise.resolve();
    const mine = generation;
    inflight ??= inventoryApi
      .warehouses()
      .then((r) => {
        if (mine !== generation) return;
        items.value = r.items;
        loaded.value = true;
      })
      .catch(() => {
        // Not fatal: filters show no choices and the table still loads.
      })
      .finally(() => {
        if (mine === generation) inflight = null;
      });
    return inflight;
  }

  const byId = (id: string | null | undefined) => items.value.find((w) => w.id === id);
  /** "S01 People's Square stockroom", or the id when the list has not loaded. */
  const label = (id: string | null | undefined) => {
    const w = byId(id);
    return w ? `${w.code} ${w.name}` : (id ?? '');
  };

  function clear(): void {
    generation++;
    inflight = null;
    items.value = [];
    loaded.value = false;
  }

  return { items, loaded, ensureLoaded, byId, label, clear };
});
