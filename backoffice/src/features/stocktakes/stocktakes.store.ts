import type { StockTakeStatus } from '@shopbook/shared';
import { defineListStore } from '../../stores/define-list-store.ts';
import { stockTakesApi } from './stocktakes.api.ts';

interface StockTakeFilters {
  status: StockTakeStatus | '';
}

export const useStockTakesStore = defineListStore(
  'stockTakes',
  (f: StockTakeFilters) => stockTakesApi.list({ status: f.status || undefined }),
  (): StockTakeFilters => ({ status: '' }),
);
