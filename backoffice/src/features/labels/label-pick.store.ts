import type { LabelLayoutId, Product } from '@shopbook/shared';
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { LabelJob } from './label-job.ts';

/**
 * The products picked for labels, kept while the user goes to the print page and back,
 * so a second run (other stock, more copies) does not start from nothing.
 */
export const useLabelPickStore = defineStore('labelPick', () => {
  const items = ref<{ product: Product; copies: number }[]>([]);
  const layout = ref<LabelLayoutId>('a4-3x8');
  const storeId = ref<string | null>(null);
  const skip = ref(0);

  function add(product: Product, copies = 1): void {
    const found = items.value.find((i) => i.product.id === product.id);
    if (found) found.copies += copies;
    else items.value.push({ product, copies });
  }
  function remove(productId: string): void {
    items.value = items.value.filter((i) => i.product.id !== productId);
  }
  function clear(): void {
    items.value = [];
  }

  const count = computed(() => items.value.reduce((n, i) => n + i.copies, 0));
  const job = computed<LabelJob>(() => ({
    layout: layout.value,
    storeId: storeId.value,
    skip: skip.value,
    items: items.value.map((i) => ({ productId: i.product.id, copies: i.copies })),
  }));

  return { items, layout, storeId, skip, add, remove, clear, count, job };
});
