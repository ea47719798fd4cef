import { periodStatusSchema, type ClosePeriodInput, type ReopenPeriodInput } from '@shopbook/shared';
import { api } from '../../api/client.ts';

export const periodCloseApi = {
  status: () => api.get('/api/finance/periods', periodStatusSchema),
  close: (input: ClosePeriodInput) => api.post('/api/finance/periods/close', input, periodStatusSchema),
  reopen: (input: ReopenPeriodInput) => api.post('/api/finance/periods/reopen', input, periodStatusSchema),
};
