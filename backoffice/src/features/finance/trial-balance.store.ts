import type { TrialBalance } from '@shopbook/shared';
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { ApiRequestError } from '../../api/client.ts';
import { financeApi } from './finance.api.ts';
import { localToday } from './money-format.ts';

/** The trial-balance page's state; kept in a store so the chosen date survives navigation. */
export const useTrialBalanceStore = defineStore('trialBalance', () => {
  const asOf = ref<string | null>(localToday());
  const data = ref<TrialBalance | null>(null);
  const loading = ref(false);
  const error = ref<ApiRequestError | null>(null);
  let requestNo = 0;

  async function load(): Promise<void> {
    // A slow answer for an older date must not overwrite a newer one.
    const mine = ++requestNo;
    loading.value = true;
    error.value = null;
    try {
      const result = await financeApi.trialBalance(asOf.value);
      if (mine === requestNo) data.value = result;
    } catch (err) {
      if (mine === requestNo) error.value = err instanceof ApiRequestError ? err : new ApiRequestError(0, 'internal', String(err));
    } finally {
      if (mine === requestNo) loading.value = false;
    }
  }

  /** Forget the figures (sign-out): the next user may not be allowed to see them. */
  function clear(): void {
    requestNo++;
    asOf.value = localToday();
    data.value = null;
    error.value = null;
    loading.value = false;
  }

  return { asOf, data, loading, error, load, clear };
});
