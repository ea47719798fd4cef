import { dashboardSummarySchema, salesDashboardSchema } from '@shopbook/shared';
import { api } from '../../api/client.ts';

export const dashboardApi = {
  summary: () => api.get('/api/dashboard/summary', dashboardSummarySchema),
  sales: (tz: string) => api.get('/api/dashboard/sales', salesDashboardSchema, { query: { tz } }),
};
