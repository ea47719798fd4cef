import { defineStore } from 'pinia';
import { ref } from 'vue';

/**
 * View state of the till itself. `saleInProgress` is set by the sale flow (a later task)
 * from the first line added until the sale is completed or cancelled; app updates and
 * sign-out are refused while it is true.
 */
export const useTillStore = defineStore('till', () => {
  const saleInProgress = ref(false);
  return { saleInProgress };
});
