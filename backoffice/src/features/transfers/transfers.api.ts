import { transferSchema, transferSummarySchema, type TransferReceiveRequest, type TransferRequest, type TransferStatus } from '@shopbook/shared';
import { api } from '../../api/client.ts';
import { listOf } from '../../api/list-of.ts';

const id = encodeURIComponent;

export const transfersApi = {
  list: (q: { status?: TransferStatus; warehouseId?: string } = {}) => api.get('/api/inventory/transfers', listOf(transferSummarySchema), { query: q }),
  get: (transferId: string) => api.get(`/api/inventory/transfers/${id(transferId)}`, transferSchema),
  create: (body: TransferRequest) => api.post('/api/inventory/transfers', body, transferSchema),
  ship: (transferId: string) => api.post(`/api/inventory/transfers/${id(transferId)}/ship`, {}, transferSchema),
  receive: (transferId: string, body: TransferReceiveRequest) => api.post(`/api/inventory/transfers/${id(transferId)}/receive`, body, transferSchema),
  cancel: (transferId: string) => api.post(`/api/inventory/transfers/${id(transferId)}/cancel`, {}, transferSchema),
};
