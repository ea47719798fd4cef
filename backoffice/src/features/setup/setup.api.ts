import { setupStatusSchema, type SetupRequest } from '@shopbook/shared';
import { api } from '../../api/client.ts';

export const setupApi = {
  status: () => api.get('/api/setup/status', setupStatusSchema),
  run: (body: SetupRequest) => api.post('/api/setup', body),
};
