import { trialBalanceSchema } from '@shopbook/shared';
import { api } from '../../api/client.ts';

export const financeApi = {
  /** `asOf` is a calendar date (YYYY-MM-DD); entries dated on or before it count. */
  trialBalance: (asOf: string | null) =>
    api.get('/api/finance/trial-balance', trialBalanceSchema, { query: { asOf: asOf ?? undefined } }),
};
