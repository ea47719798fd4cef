import { onBeforeUnmount, ref, watch } from 'vue';
import { asApiError } from '../../api/errors.ts';
import {
  buildCountBatch, markRejected, markRetry, markSaved, markSending, rejectedIndex, toStored, type CountEntry,
} from './count-entries.ts';
import { stockTakesApi } from './stocktakes.api.ts';

const RETRY_MS = 3000;

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

/**
 * The counter's queue: entries go in at once, a background loop sends whatever waits
 * (merged, see count-entries.ts), one request at a time. A network failure keeps them
 * and retries; an entry the API refuses is marked with the API's reason and the rest
 * go on. The list is kept in localStorage per stock-take and user, so a reload or a
 * dropped session loses nothing that was scanned.
 */
export function useCountQueue(stockTakeId: string, userId: string, onSaved: () => void) {
  const key = `shopbook.backoffice.count.${stockTakeId}.${userId}`;
  const entries = ref<CountEntry[]>(restore());
  const offline = ref(false);
  /** Set when the stock-take stopped taking counts (approved or cancelled): the API's reason. */
  const closed = ref<string | null>(null);
  let inflight = false;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;

  function restore(): CountEntry[] {
    try {
      const raw = storage()?.getItem(key);
      return raw ? (JSON.parse(raw) as CountEntry[]) : [];
    } catch {
      return [];
    }
  }
  watch(entries, (list) => {
    try {
      storage()?.setItem(key, JSON.stringify(toStored(list)));
    } catch {
      // storage full or unavailable: the queue still works in memory
    }
  });

  function add(entry: CountEntry): void {
    entries.value = [...entries.value, entry];
    void flush();
  }

  async function flush(): Promise<void> {
    if (inflight || stopped || closed.value !== null) return;
    const batch = buildCountBatch(entries.value);
    if (!batch) return;
    inflight = true;
    entries.value = markSending(entries.value, batch);
    let again = true;
    try {
      const response = await stockTakesApi.addCounts(stockTakeId, batch.request);
      entries.value = markSaved(entries.value, batch, response);
      offline.value = false;
      onSaved();
    } catch (err) {
      const e = asApiError(err);
      const index = rejectedIndex(e.field, batch);
      if (e.status === 409) {
        closed.value = e.message;
        entries.value = markRejected(entries.value, batch.sources.flat(), e.message);
        again = false;
      } else if ((e.status === 400 || e.status === 422) && index !== null) {
        // One entry is wrong (unknown barcode, outside the category): refuse it, resend the rest.
        entries.value = markRetry(markRejected(entries.value, batch.sources[index]!, e.message), batch);
        offline.value = false;
      } else if (e.status >= 400 && e.status < 500 && e.status !== 401 && e.status !== 408 && e.status !== 429) {
        entries.value = markRejected(entries.value, batch.sources.flat(), e.message);
        again = false;
      } else {
        // No answer, a server error, or the session ended: keep everything and try again later.
        entries.value = markRetry(entries.value, batch);
        offline.value = true;
        again = false;
        retryTimer ??= setTimeout(() => {
          retryTimer = null;
          void flush();
        }, RETRY_MS);
      }
    } finally {
      inflight = false;
    }
    // Entries scanned while this request was out, or the rest after a refusal.
    if (again) void flush();
  }

  onBeforeUnmount(() => {
    stopped = true;
    if (retryTimer) clearTimeout(retryTimer);
  });

  // Whatever was left unsent last time goes now.
  void flush();

  return { entries, offline, closed, add, flush };
}
