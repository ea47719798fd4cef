import {
  approvalLimitSchema, purchaseReturnSchema, purchaseReturnSummarySchema, type ApprovalLimitsInput, type PurchaseReturnInput,
  purchaseOrderSchema, purchaseOrderSummarySchema, purchaseReceiptSchema, purchaseReceiptSummarySchema, suggestionsSchema,
  supplierPageSchema, supplierProductSchema, supplierSchema,
  type PurchaseOrderInput, type PurchaseOrderStatus, type PurchaseReceiptInput, type SuggestionOrdersInput, type SupplierInput,
  type SupplierProductInput,
} from '@shopbook/shared';
import { api } from '../../api/client.ts';
import { listOf } from '../../api/list-of.ts';

const id = encodeURIComponent;

export interface SupplierQuery {
  q?: string;
  status?: 'active' | 'archived' | 'all';
  productId?: string;
  page?: number;
  pageSize?: number;
}

export interface OrderQuery {
  status?: PurchaseOrderStatus | '';
  supplierId?: string;
  warehouseId?: string;
  q?: string;
}

export type OrderAction = 'submit' | 'approve' | 'reject' | 'reopen' | 'send' | 'close' | 'cancel';

const orderArray = purchaseOrderSchema.array();
const ordersFromSuggestions = {
  parse: (data: unknown) => ({ orders: orderArray.parse(typeof data === 'object' && data !== null ? (data as { orders?: unknown }).orders : undefined) }),
};

export const suppliersApi = {
  list: (q: SupplierQuery) => api.get('/api/suppliers', supplierPageSchema, { query: { ...q } }),
  get: (supplierId: string) => api.get(`/api/suppliers/${id(supplierId)}`, supplierSchema),
  create: (body: SupplierInput) => api.post('/api/suppliers', body, supplierSchema),
  update: (supplierId: string, body: SupplierInput) => api.put(`/api/suppliers/${id(supplierId)}`, body, supplierSchema),
  products: (supplierId: string) => api.get(`/api/suppliers/${id(supplierId)}/products`, listOf(supplierProductSchema)),
  setProduct: (supplierId: string, productId: string, body: SupplierProductInput) =>
    api.put(`/api/suppliers/${id(supplierId)}/products/${id(productId)}`, body, supplierProductSchema),
  removeProduct: (supplierId: string, productId: string) =>
    api.delete(`/api/suppliers/${id(supplierId)}/products/${id(productId)}`),
};

export const ordersApi = {
  list: (q: OrderQuery) => api.get('/api/purchasing/orders', listOf(purchaseOrderSummarySchema), { query: { ...q } }),
  get: (orderId: string) => api.get(`/api/purchasing/orders/${id(orderId)}`, purchaseOrderSchema),
  create: (body: PurchaseOrderInput) => api.post('/api/purchasing/orders', body, purchaseOrderSchema),
  update: (orderId: string, body: PurchaseOrderInput) => api.put(`/api/purchasing/orders/${id(orderId)}`, body, purchaseOrderSchema),
  /** A step of the order's life; reject and cancel need a reason, close takes one. */
  act: (orderId: string, action: OrderAction, reason?: string) =>
    api.post(`/api/purchasing/orders/${id(orderId)}/${action}`, reason === undefined ? {} : { reason }, purchaseOrderSchema),
};

export const purchaseReceiptsApi = {
  list: (orderId: string) => api.get('/api/purchasing/receipts', listOf(purchaseReceiptSummarySchema), { query: { orderId } }),
  get: (receiptId: string) => api.get(`/api/purchasing/receipts/${id(receiptId)}`, purchaseReceiptSchema),
  create: (body: PurchaseReceiptInput) => api.post('/api/purchasing/receipts', body, purchaseReceiptSchema),
  post: (receiptId: string) => api.post(`/api/purchasing/receipts/${id(receiptId)}/post`, {}, purchaseReceiptSchema),
  cancel: (receiptId: string) => api.post(`/api/purchasing/receipts/${id(receiptId)}/cancel`, {}, purchaseReceiptSchema),
};

export const purchaseReturnsApi = {
  list: (orderId: string) => api.get('/api/purchasing/returns', listOf(purchaseReturnSummarySchema), { query: { orderId } }),
  create: (body: PurchaseReturnInput) => api.post('/api/purchasing/returns', body, purchaseReturnSchema),
  post: (returnId: string) => api.post(`/api/purchasing/returns/${id(returnId)}/post`, {}, purchaseReturnSchema),
};

export const approvalLimitsApi = {
  list: () => api.get('/api/purchasing/approval-limits', listOf(approvalLimitSchema)),
  set: (body: ApprovalLimitsInput) => api.put('/api/purchasing/approval-limits', body, listOf(approvalLimitSchema)),
};

export const suggestionsApi = {
  get: (warehouseId: string) => api.get('/api/purchasing/suggestions', suggestionsSchema, { query: { warehouseId } }),
  createOrders: (body: SuggestionOrdersInput) => api.post('/api/purchasing/suggestions/orders', body, ordersFromSuggestions),
};
