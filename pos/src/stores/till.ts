import { defineStore } from 'pinia';
import { ref } from 'vue';

/**
 * View state of the till itself. `saleInProgress` is set by the cart store from the first
 * line added until the sale is paid, parked or cancelled; app updates, sign-out and
 * forgetting the device are refused while it is true.
 */
export const useTillStore = defineStore('till', () => {
  const saleInProgress = ref(false);
  return { saleInProgress };
});
