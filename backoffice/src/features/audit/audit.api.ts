import { auditPageSchema } from '@shopbook/shared';
import { api } from '../../api/client.ts';

export interface AuditQuery {
  entity?: string;
  action?: string;
  /** Calendar dates, YYYY-MM-DD, both inclusive. */
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export const auditApi = {
  list: (q: AuditQuery) => api.get('/api/audit', auditPageSchema, { query: { ...q } }),
};
