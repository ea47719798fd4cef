import { liveQuery, type Subscription } from 'dexie';
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { deadCount, getDb, getMeta, listDead, pendingCount, retryDead, type OutboxRecord, type PosDb } from '../db/index.ts';
import type { PullProgress } from '../sync/pull.ts';
import { SyncEngine, type EngineStatus } from '../sync/engine.ts';

/**
 * What the sync indicator shows, and the handle on the sync engine. `online` follows
 * navigator.onLine and its events, refined by the engine: a network without a reachable
 * server shows as "server unreachable". `pending`, `dead` and `lastSyncAt` come from
 * Dexie through liveQuery, so any write to the outbox, from this tab or another, updates
 * them.
 */
export const useSyncStore = defineStore('sync', () => {
  const online = ref(typeof navigator === 'undefined' ? true : navigator.onLine);
  const pending = ref(0);
  const dead = ref(0);
  const deadEvents = ref<OutboxRecord[]>([]);
  const lastSyncAt = ref<string | null>(null);
  const initialPullDone = ref(false);
  const engineStatus = ref<EngineStatus>({ busy: false, pull: null, reachable: null, authProblem: false, lastError: null });
  const pull = computed<PullProgress | null>(() => engineStatus.value.pull);
  const reachable = computed(() => online.value && engineStatus.value.reachable !== false);

  let subscriptions: Subscription[] = [];
  let engine: SyncEngine | null = null;
  const setOnline = () => (online.value = true);
  const setOffline = () => (online.value = false);

  /** Starts watching the database; with `runEngine`, also pushes and pulls. */
  function start(db: PosDb = getDb(), runEngine = false, fetchFn?: typeof fetch): void {
    stop();
    online.value = navigator.onLine;
    window.addEventListener('online', setOnline);
    window.addEventListener('offline', setOffline);
    const watch = <T>(query: () => Promise<T>, next: (v: T) => void) =>
      liveQuery(query).subscribe({ next, error: (e: unknown) => console.error('sync status query failed', e) });
    subscriptions = [
      watch(() => pendingCount(db), (n) => (pending.value = n)),
      watch(() => deadCount(db), (n) => (dead.value = n)),
      watch(() => listDead(db), (rows) => (deadEvents.value = rows)),
      watch(() => getMeta(db, 'lastSyncAt'), (t) => (lastSyncAt.value = t ?? null)),
      watch(() => getMeta(db, 'initialPullDone'), (d) => (initialPullDone.value = d ?? false)),
    ];
    if (runEngine) {
      engine = new SyncEngine({ db, fetchFn, onStatus: (s) => (engineStatus.value = s) });
      void engine.start();
    }
  }

  function stop(): void {
    window.removeEventListener('online', setOnline);
    window.removeEventListener('offline', setOffline);
    for (const s of subscriptions) s.unsubscribe();
    subscriptions = [];
    engine?.stop();
    engine = null;
  }

  /** A sync round now (after a sale, or from the status button); no-op without the engine. */
  function kick(): Promise<void> {
    return engine?.kick() ?? Promise.resolve();
  }

  async function retry(id: string, db: PosDb = getDb()): Promise<void> {
    await retryDead(db, id);
    void kick();
  }

  return { online, reachable, pending, dead, deadEvents, lastSyncAt, initialPullDone, engineStatus, pull, start, stop, kick, retry };
});
