import type { TransferStatus } from '@shopbook/shared';
import { defineListStore } from '../../stores/define-list-store.ts';
import { transfersApi } from './transfers.api.ts';

interface TransferFilters {
  status: TransferStatus | '';
  warehouseId: string;
}

/** Recent transfers, by status and by a warehouse they leave or enter. */
export const useTransfersStore = defineListStore(
  'transfers',
  (f: TransferFilters) => transfersApi.list({ status: f.status || undefined, warehouseId: f.warehouseId || undefined }),
  (): TransferFilters => ({ status: '', warehouseId: '' }),
);
