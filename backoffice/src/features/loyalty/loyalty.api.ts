import {
  customerPointsSchema, type LoyaltyProgram, loyaltyEntrySchema, loyaltyProblemSchema, loyaltyProgramSchema, type PointsAdjustmentInput,
} from '@shopbook/shared';
import { api } from '../../api/client.ts';
import { listOf } from '../../api/list-of.ts';

export const loyaltyApi = {
  program: () => api.get('/api/loyalty/program', loyaltyProgramSchema),
  saveProgram: (input: LoyaltyProgram) => api.put('/api/loyalty/program', input, loyaltyProgramSchema),
  customerPoints: (customerId: string) => api.get(`/api/loyalty/customers/${encodeURIComponent(customerId)}`, customerPointsSchema),
  adjust: (customerId: string, input: PointsAdjustmentInput) =>
    api.post(`/api/loyalty/customers/${encodeURIComponent(customerId)}/adjustments`, input, loyaltyEntrySchema),
  problems: () => api.get('/api/loyalty/problems', listOf(loyaltyProblemSchema)),
  resolve: (id: string, note: string) => api.post(`/api/loyalty/problems/${encodeURIComponent(id)}/resolve`, { note }, loyaltyEntrySchema),
};
