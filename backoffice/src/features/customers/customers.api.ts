import {
  customerBalanceSchema, customerHistoryPageSchema, customerPageSchema, customerSchema, salespersonSchema, type CustomerCategory, type CustomerInput,
} from '@shopbook/shared';
import { api } from '../../api/client.ts';
import { listOf } from '../../api/list-of.ts';

const id = encodeURIComponent;

export interface CustomerQuery {
  q?: string;
  status?: 'active' | 'archived' | 'all';
  category?: CustomerCategory;
  /** A salesperson's id, or 'me' for the caller's own customers. */
  salespersonId?: string;
  page?: number;
  pageSize?: number;
}

export const customersApi = {
  list: (q: CustomerQuery) => api.get('/api/customers', customerPageSchema, { query: { ...q } }),
  get: (customerId: string) => api.get(`/api/customers/${id(customerId)}`, customerSchema),
  create: (body: CustomerInput) => api.post('/api/customers', body, customerSchema),
  update: (customerId: string, body: CustomerInput) => api.put(`/api/customers/${id(customerId)}`, body, customerSchema),
  archive: (customerId: string) => api.post(`/api/customers/${id(customerId)}/archive`, undefined, customerSchema),
  restore: (customerId: string) => api.post(`/api/customers/${id(customerId)}/restore`, undefined, customerSchema),
  purchases: (customerId: string, page: number, pageSize: number) =>
    api.get(`/api/customers/${id(customerId)}/purchases`, customerHistoryPageSchema, { query: { page, pageSize } }),
  balance: (customerId: string) => api.get(`/api/customers/${id(customerId)}/balance`, customerBalanceSchema),
  /** Users who can sell on order: whom customers and orders can be assigned to. */
  salespeople: () => api.get('/api/customers/salespeople', listOf(salespersonSchema)),
};
