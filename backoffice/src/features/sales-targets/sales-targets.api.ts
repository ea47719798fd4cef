import { salesTargetProgressSchema } from '@shopbook/shared';
import { api } from '../../api/client.ts';

export const salesTargetsApi = {
  /** This month's progress: a manager's stores, or a salesperson's own rows. */
  progress: (month?: string) => api.get(`/api/sales-targets/progress${month ? `?month=${month}` : ''}`, salesTargetProgressSchema),
};
