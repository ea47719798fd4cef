import { storePrinterSchema, type StorePrinterInput, storeReceiptSettingsSchema, type StoreReceiptSettings } from '@shopbook/shared';
import { api } from '../../api/client.ts';
import { listOf } from '../../api/list-of.ts';

export const printingApi = {
  printers: () => api.get('/api/printing/printers', listOf(storePrinterSchema)),
  createPrinter: (input: StorePrinterInput) => api.post('/api/printing/printers', input, storePrinterSchema),
  updatePrinter: (id: string, input: StorePrinterInput) => api.put(`/api/printing/printers/${encodeURIComponent(id)}`, input, storePrinterSchema),
  deletePrinter: (id: string) => api.delete(`/api/printing/printers/${encodeURIComponent(id)}`),
  receiptSettings: (storeId: string) => api.get(`/api/org/stores/${encodeURIComponent(storeId)}/receipt`, storeReceiptSettingsSchema),
  saveReceiptSettings: (storeId: string, input: StoreReceiptSettings) =>
    api.put(`/api/org/stores/${encodeURIComponent(storeId)}/receipt`, input, storeReceiptSettingsSchema),
};
