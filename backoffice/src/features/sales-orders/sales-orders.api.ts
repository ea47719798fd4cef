import {
  customerPageSchema, salesOrderSchema, salesOrderSummarySchema, shipmentPlanSchema,
  type SalesOrderInput, type ShipmentInput,
} from '@shopbook/shared';
import { api } from '../../api/client.ts';
import { listOf } from '../../api/list-of.ts';

const id = encodeURIComponent;

export const salesOrdersApi = {
  /** `salespersonId`: a salesperson's id, or 'me' for the caller's own orders. */
  list: (q: { status?: string; billing?: string; q?: string; salespersonId?: string; customerId?: string }) => api.get('/api/sales-orders', listOf(salesOrderSummarySchema), { query: q }),
  get: (orderId: string) => api.get(`/api/sales-orders/${id(orderId)}`, salesOrderSchema),
  create: (body: SalesOrderInput) => api.post('/api/sales-orders', body, salesOrderSchema),
  update: (orderId: string, body: SalesOrderInput) => api.put(`/api/sales-orders/${id(orderId)}`, body, salesOrderSchema),
  step: (orderId: string, step: 'reserve' | 'pick') => api.post(`/api/sales-orders/${id(orderId)}/${step}`, {}, salesOrderSchema),
  confirm: (orderId: string, overrideCreditLimit = false) => api.post(`/api/sales-orders/${id(orderId)}/confirm`, { overrideCreditLimit }, salesOrderSchema),
  ship: (orderId: string, body: ShipmentInput) => api.post(`/api/sales-orders/${id(orderId)}/shipments`, body, salesOrderSchema),
  cancel: (orderId: string, reason: string) => api.post(`/api/sales-orders/${id(orderId)}/cancel`, { reason }, salesOrderSchema),
  plan: (warehouseId?: string) => api.get('/api/sales-orders/shipment-plan', shipmentPlanSchema, { query: { warehouseId } }),
  customers: (q?: string) => api.get('/api/customers', customerPageSchema, { query: { q, pageSize: 100 } }),
};
