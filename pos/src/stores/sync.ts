import { liveQuery, type Subscription } from 'dexie';
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { getDb, getMeta, pendingCount, type PosDb } from '../db/index.ts';

/**
 * What the sync indicator shows. `online` follows navigator.onLine and its events, which
 * only say whether the device has a network, not whether the API answers; the sync
 * engine (a later task) will refine it from real requests. `pending` and `lastSyncAt`
 * come from Dexie through liveQuery, so any write to the outbox, from this tab or
 * another, updates them.
 */
export const useSyncStore = defineStore('sync', () => {
  const online = ref(typeof navigator === 'undefined' ? true : navigator.onLine);
  const pending = ref(0);
  const lastSyncAt = ref<string | null>(null);

  let subscriptions: Subscription[] = [];
  const setOnline = () => (online.value = true);
  const setOffline = () => (online.value = false);

  function start(db: PosDb = getDb()): void {
    stop();
    online.value = navigator.onLine;
    window.addEventListener('online', setOnline);
    window.addEventListener('offline', setOffline);
    subscriptions = [
      liveQuery(() => pendingCount(db)).subscribe({
        next: (n) => (pending.value = n),
        error: (e: unknown) => console.error('outbox count failed', e),
      }),
      liveQuery(() => getMeta(db, 'lastSyncAt')).subscribe({
        next: (t) => (lastSyncAt.value = t ?? null),
        error: (e: unknown) => console.error('last sync read failed', e),
      }),
    ];
  }

  function stop(): void {
    window.removeEventListener('online', setOnline);
    window.removeEventListener('offline', setOffline);
    for (const s of subscriptions) s.unsubscribe();
    subscriptions = [];
  }

  return { online, pending, lastSyncAt, start, stop };
});
