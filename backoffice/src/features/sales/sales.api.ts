import { tillSalePageSchema } from '@shopbook/shared';
import { api } from '../../api/client.ts';

export const salesApi = {
  /** Till sales, newest first. */
  sales: (q: { storeId?: string; page: number; pageSize: number }) => api.get('/api/sales', tillSalePageSchema, { query: { ...q } }),
};
