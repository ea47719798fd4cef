import {
  categorySchema,
  importReportSchema,
  productPageSchema,
  productSchema,
  storeSchema,
  taxRateSchema,
  type ProductInput,
} from '@shopbook/shared';
import { api } from '../../api/client.ts';
import { listOf } from '../../api/list-of.ts';

export interface ProductQuery {
  q?: string;
  categoryId?: string;
  status?: 'active' | 'archived' | 'all';
  page: number;
  pageSize: number;
}

export type ImportMode = 'all' | 'valid';

export const catalogueApi = {
  products: (q: ProductQuery) => api.get('/api/catalogue/products', productPageSchema, { query: { ...q } }),
  product: (id: string) => api.get(`/api/catalogue/products/${encodeURIComponent(id)}`, productSchema),
  createProduct: (input: ProductInput) => api.post('/api/catalogue/products', input, productSchema),
  updateProduct: (id: string, input: ProductInput) =>
    api.put(`/api/catalogue/products/${encodeURIComponent(id)}`, input, productSchema),
  setStorePrices: (id: string, prices: { storeId: string; price: number | null }[]) =>
    api.put(`/api/catalogue/products/${encodeURIComponent(id)}/store-prices`, { prices }, productSchema),

  categories: () => api.get('/api/catalogue/categories', listOf(categorySchema)),
  createCategory: (input: { code: string; name: string; parentId: string | null }) =>
    api.post('/api/catalogue/categories', input, categorySchema),
  renameCategory: (id: string, input: { code: string; name: string }) =>
    api.put(`/api/catalogue/categories/${encodeURIComponent(id)}`, input, categorySchema),
  deleteCategory: (id: string) => api.delete(`/api/catalogue/categories/${encodeURIComponent(id)}`),
  taxRates: () => api.get('/api/catalogue/tax-rates', listOf(taxRateSchema)),
  stores: () => api.get('/api/org/stores', listOf(storeSchema)),

  /** Checks (dryRun) or applies a CSV file; `valid` applies the good rows and skips the rest. */
  importCsv: (csv: string, mode: ImportMode, dryRun: boolean) =>
    api.post('/api/catalogue/products/import', undefined, importReportSchema, {
      query: { mode, dryRun },
      raw: { content: csv, contentType: 'text/csv' },
    }),
  exportCsv: () => api.download('/api/catalogue/products/export'),
};
