import { accountLinesSchema, balanceSheetSchema, profitAndLossSchema, taxReportSchema } from '@shopbook/shared';
import { api } from '../../api/client.ts';

export const statementsApi = {
  /** Both days included, calendar dates (YYYY-MM-DD). */
  profitAndLoss: (from: string, to: string) => api.get('/api/finance/profit-and-loss', profitAndLossSchema, { query: { from, to } }),
  taxReport: (from: string, to: string) => api.get('/api/finance/tax-report', taxReportSchema, { query: { from, to } }),
  balanceSheet: (asOf: string) => api.get('/api/finance/balance-sheet', balanceSheetSchema, { query: { asOf } }),
  accountLines: (code: string, q: { from: string; to: string; page: number; pageSize: number }) =>
    api.get(`/api/finance/accounts/${encodeURIComponent(code)}/lines`, accountLinesSchema, {
      query: { from: q.from, to: q.to, page: String(q.page), pageSize: String(q.pageSize) },
    }),
};
