import { dashboardSummarySchema } from '@shopbook/shared';
import { api } from '../../api/client.ts';

export const dashboardApi = {
  summary: () => api.get('/api/dashboard/summary', dashboardSummarySchema),
};
