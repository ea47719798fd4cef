import { companySchema } from '@shopbook/shared';
import { api } from '../../api/client.ts';

export const orgApi = {
  /** Open to every signed-in user: the header and money formatting need it. */
  company: () => api.get('/api/org/company', companySchema),
};
