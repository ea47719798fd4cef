import type { Company } from '@shopbook/shared';
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { orgApi } from './org.api.ts';

/** The company the installation books for: its name heads every page, its currency formats money. */
export const useCompanyStore = defineStore('company', () => {
  const company = ref<Company | null>(null);
  let inflight: Promise<void> | null = null;
  // Bumped by clear(): an answer to a request from before sign-out is dropped.
  let generation = 0;

  /** Loads once per session; several components may ask at the same time. */
  function ensureLoaded(): Promise<void> {
    if (company.value) return Promise.resolve();
    const mine = generation;
    inflight ??= orgApi
      .company()
      .then((c) => {
        if (mine === generation) company.value = c;
      })
      .catch(() => {
        // Not fatal: the header falls back to the product name, money to plain amounts.
      })
      .finally(() => {
        if (mine === generation) inflight = null;
      });
    return inflight;
  }

  function clear(): void {
    generation++;
    inflight = null;
    company.value = null;
  }

  return { company, ensureLoaded, clear };
});
