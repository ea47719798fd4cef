import { receiptSchema, type ReceiptRequest } from '@shopbook/shared';
import { api } from '../../api/client.ts';
import { listOf } from '../../api/list-of.ts';

const receiptSummarySchema = receiptSchema.omit({ lines: true });
export type ReceiptSummary = ReturnType<typeof receiptSummarySchema.parse>;
const id = encodeURIComponent;

export const receiptsApi = {
  list: () => api.get('/api/inventory/receipts', listOf(receiptSummarySchema)),
  get: (receiptId: string) => api.get(`/api/inventory/receipts/${id(receiptId)}`, receiptSchema),
  create: (body: ReceiptRequest) => api.post('/api/inventory/receipts', body, receiptSchema),
  post: (receiptId: string) => api.post(`/api/inventory/receipts/${id(receiptId)}/post`, {}, receiptSchema),
};
