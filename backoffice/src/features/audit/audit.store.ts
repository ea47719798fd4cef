import type { AuditPage } from '@shopbook/shared';
import { defineStore } from 'pinia';
import { reactive, ref } from 'vue';
import { ApiRequestError } from '../../api/client.ts';
import { auditApi, type AuditQuery } from './audit.api.ts';

export const AUDIT_PAGE_SIZES = [20, 50, 100, 200];

/** The audit page's filters, page and results; a store so they survive navigation. */
export const useAuditStore = defineStore('audit', () => {
  const filters = reactive({ entity: '', action: '', range: null as [string, string] | null });
  const page = ref(1);
  const pageSize = ref(50);
  const data = ref<AuditPage | null>(null);
  const loading = ref(false);
  const error = ref<ApiRequestError | null>(null);
  let requestNo = 0;

  function query(): AuditQuery {
    return {
      entity: filters.entity.trim() || undefined,
      action: filters.action.trim() || undefined,
      from: filters.range?.[0],
      to: filters.range?.[1],
      page: page.value,
      pageSize: pageSize.value,
    };
  }

  async function load(): Promise<void> {
    // Paging quickly fires several requests; only the latest may fill the table.
    const mine = ++requestNo;
    loading.value = true;
    error.value = null;
    try {
      const result = await auditApi.list(query());
      if (mine === requestNo) data.value = result;
    } catch (err) {
      if (mine === requestNo) error.value = err instanceof ApiRequestError ? err : new ApiRequestError(0, 'internal', String(err));
    } finally {
      if (mine === requestNo) loading.value = false;
    }
  }

  /** New filters start again at page 1. */
  function search(): Promise<void> {
    page.value = 1;
    return load();
  }

  function reset(): Promise<void> {
    filters.entity = '';
    filters.action = '';
    filters.range = null;
    return search();
  }

  /** Forget results and filters (sign-out): the next user may not be allowed to see them. */
  function clear(): void {
    requestNo++;
    filters.entity = '';
    filters.action = '';
    filters.range = null;
    page.value = 1;
    data.value = null;
    error.value = null;
    loading.value = false;
  }

  return { filters, page, pageSize, data, loading, error, load, search, reset, clear };
});
