import { defineStore } from 'pinia';
import { ref } from 'vue';
import { getDb, pendingCount } from '../db/index.ts';
import { updateBlockReason, type BlockReason } from '../stores/guards.ts';
import { useTillStore } from '../stores/till.ts';

/**
 * State of the service-worker update, apart from the registration itself (register.ts),
 * so that the banner and the refusal rules can be tested without a service worker.
 */
export const usePwaStore = defineStore('pwa', () => {
  /** a new version is installed and waiting */
  const needRefresh = ref(false);
  /** the first version finished precaching: the till can start offline */
  const offlineReady = ref(false);
  /** why the last "update now" was refused, shown until the next try or dismissal */
  const blocked = ref<BlockReason | null>(null);
  let activate: (() => Promise<void>) | null = null;

  /** Called by register.ts with the function that tells the waiting worker to take over. */
  function setActivator(fn: () => Promise<void>): void {
    activate = fn;
  }

  /** Applies the waiting version unless a sale is open or the outbox is not empty. */
  async function applyUpdate(db = getDb()): Promise<BlockReason | null> {
    const till = useTillStore();
    blocked.value = updateBlockReason({ pending: await pendingCount(db), saleInProgress: till.saleInProgress });
    if (blocked.value || !activate) return blocked.value;
    // skipWaiting; register.ts reloads the page when the new worker takes control
    await activate();
    return null;
  }

  function dismiss(): void {
    needRefresh.value = false;
    blocked.value = null;
  }

  return { needRefresh, offlineReady, blocked, setActivator, applyUpdate, dismiss };
});
