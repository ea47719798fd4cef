import { defineStore } from 'pinia';
import { ref } from 'vue';
import { setupApi } from './setup.api.ts';

/** Whether the first-run setup is still to be done. Asked once at boot, cleared on submit. */
export const useSetupStatusStore = defineStore('setupStatus', () => {
  /** null until the API answered; a failed ask is retried on the next navigation. */
  const required = ref<boolean | null>(null);

  async function fetchStatus(): Promise<void> {
    try {
      required.value = (await setupApi.status()).required;
    } catch {
      required.value = null;
    }
  }

  function markDone(): void {
    required.value = false;
  }

  return { required, fetchStatus, markDone };
});
