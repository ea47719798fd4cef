import type { CustomerCategory, CustomerSummary } from '@shopbook/shared';
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { ApiRequestError } from '../../api/client.ts';
import { customersApi } from './customers.api.ts';

/** The customer list: search text, category, archived or not, mine or everyone's, one page at a time. */
export const useCustomersStore = defineStore('customers', () => {
  const items = ref<CustomerSummary[]>([]);
  const total = ref(0);
  const filters = ref<{ q: string; category: CustomerCategory | ''; status: 'active' | 'all'; salesperson: '' | 'me' }>({
    q: '', category: '', status: 'active', salesperson: '',
  });
  const page = ref(1);
  const pageSize = ref(50);
  const loading = ref(false);
  const error = ref<ApiRequestError | null>(null);
  // Only the latest request may fill the list: typing fast sends several.
  let requestNo = 0;

  async function load(): Promise<void> {
    const mine = ++requestNo;
    loading.value = true;
    error.value = null;
    try {
      const f = filters.value;
      const result = await customersApi.list({
        q: f.q.trim() || undefined, category: f.category || undefined, status: f.status, salespersonId: f.salesperson || undefined, page: page.value, pageSize: pageSize.value,
      });
      if (mine !== requestNo) return;
      items.value = result.items;
      total.value = result.total;
    } catch (e) {
      if (mine === requestNo) error.value = e instanceof ApiRequestError ? e : new ApiRequestError(0, 'internal', String(e));
    } finally {
      if (mine === requestNo) loading.value = false;
    }
  }

  /** A new search starts from the first page. */
  function search(): Promise<void> {
    page.value = 1;
    return load();
  }

  return { items, total, filters, page, pageSize, loading, error, load, search };
});
