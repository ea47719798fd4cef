import { defineListStore } from '../../stores/define-list-store.ts';
import { receiptsApi } from './receipts.api.ts';

/** The latest goods receipts (the API returns 200, newest first). */
export const useReceiptsStore = defineListStore('receipts', () => receiptsApi.list(), () => ({}));
