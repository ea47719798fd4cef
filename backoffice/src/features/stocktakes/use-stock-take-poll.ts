import type { StockTake } from '@shopbook/shared';
import { onBeforeUnmount, onMounted, ref } from 'vue';
import { asApiError, type ApiRequestError } from '../../api/errors.ts';
import { stockTakesApi } from './stocktakes.api.ts';

/**
 * Keeps a stock-take fresh while a screen shows it: several counters post at once, so
 * everyone's totals are fetched every few seconds (not while the tab is hidden, and
 * never two requests at a time). `refreshSoon` asks for one right after a save.
 */
export function useStockTakePoll(stockTakeId: string, everyMs: number) {
  const doc = ref<StockTake | null>(null);
  const error = ref<ApiRequestError | null>(null);
  const updatedAt = ref<Date | null>(null);
  const loading = ref(false);
  let timer: ReturnType<typeof setInterval> | null = null;
  let soon: ReturnType<typeof setTimeout> | null = null;
  let controller: AbortController | null = null;

  async function refresh(): Promise<void> {
    if (loading.value) return;
    loading.value = true;
    controller = new AbortController();
    try {
      doc.value = await stockTakesApi.get(stockTakeId, controller.signal);
      updatedAt.value = new Date();
      error.value = null;
    } catch (e) {
      if (!(e instanceof DOMException && e.name === 'AbortError')) error.value = asApiError(e);
    } finally {
      loading.value = false;
      controller = null;
    }
  }

  function refreshSoon(): void {
    if (soon) return;
    soon = setTimeout(() => {
      soon = null;
      void refresh();
    }, 400);
  }

  onMounted(() => {
    void refresh();
    if (everyMs > 0) {
      timer = setInterval(() => {
        if (typeof document === 'undefined' || document.visibilityState !== 'hidden') void refresh();
      }, everyMs);
    }
  });
  onBeforeUnmount(() => {
    if (timer) clearInterval(timer);
    if (soon) clearTimeout(soon);
    controller?.abort();
  });

  return { doc, error, updatedAt, loading, refresh, refreshSoon };
}
