import { z } from '@hono/zod-openapi';
import { accountListSchema, closePeriodInputSchema, journalEntryRequestSchema, periodStatusSchema, reopenPeriodInputSchema, trialBalanceQuerySchema, trialBalanceSchema, apiErrorSchema } from '@shopbook/shared';
import { defineRoute, jsonBody, jsonResponse } from '../../http/route.ts';
import { accountLinesQuerySchema, accountLinesSchema, balanceSheetQuerySchema, balanceSheetSchema, dateRangeQuerySchema, profitAndLossSchema } from '@shopbook/shared';
import { taxReportSchema } from '@shopbook/shared';

export const listAccounts = defineRoute('finance.read', {
  method: 'get',
  path: '/api/finance/accounts',
  tags: ['finance'],
  summary: 'Chart of accounts',
  responses: { 200: jsonResponse(accountListSchema, 'All accounts') },
});

export const getTrialBalance = defineRoute('finance.read', {
  method: 'get',
  path: '/api/finance/trial-balance',
  tags: ['finance'],
  summary: 'Trial balance, optionally as of a date',
  request: { query: trialBalanceQuerySchema },
  responses: { 200: jsonResponse(trialBalanceSchema, 'Debits and credits per account') },
});

export const createJournalEntry = defineRoute('finance.post', {
  method: 'post',
  path: '/api/finance/journal-entries',
  tags: ['finance'],
  summary: 'Post a manual journal entry (refused unless balanced)',
  request: { body: jsonBody(journalEntryRequestSchema) },
  responses: {
    201: jsonResponse(z.object({ id: z.string() }), 'Posted'),
    422: jsonResponse(apiErrorSchema, 'Unbalanced, or an unknown account'),
  },
});

export const getPeriods = defineRoute('finance.read', {
  method: 'get',
  path: '/api/finance/periods',
  tags: ['finance'],
  summary: 'Period close: the closed-through date, the next month to close and the history',
  responses: { 200: jsonResponse(periodStatusSchema, 'Closed periods') },
});

export const closePeriod = defineRoute('finance.close', {
  method: 'post',
  path: '/api/finance/periods/close',
  tags: ['finance'],
  summary: 'Close the next month: nothing more is posted into it (only past months, in order)',
  request: { body: jsonBody(closePeriodInputSchema) },
  responses: {
    200: jsonResponse(periodStatusSchema, 'Closed'),
    422: jsonResponse(apiErrorSchema, 'Not the next month to close, or not ended yet'),
  },
});

export const reopenPeriod = defineRoute('finance.reopen', {
  method: 'post',
  path: '/api/finance/periods/reopen',
  tags: ['finance'],
  summary: 'Reopen the last closed month, saying why (owner only)',
  request: { body: jsonBody(reopenPeriodInputSchema) },
  responses: {
    200: jsonResponse(periodStatusSchema, 'Reopened'),
    422: jsonResponse(apiErrorSchema, 'Not the last closed month'),
  },
});

export const getProfitAndLoss = defineRoute('finance.read', {
  method: 'get',
  path: '/api/finance/profit-and-loss',
  tags: ['finance'],
  summary: 'Profit and loss for a date range (both days included), company-wide',
  request: { query: dateRangeQuerySchema },
  responses: { 200: jsonResponse(profitAndLossSchema, 'Revenue, cost of goods sold, gross margin, other expenses, net profit') },
});

export const getBalanceSheet = defineRoute('finance.read', {
  method: 'get',
  path: '/api/finance/balance-sheet',
  tags: ['finance'],
  summary: 'Balance sheet at the end of a day, with the profit not yet closed to equity',
  request: { query: balanceSheetQuerySchema },
  responses: { 200: jsonResponse(balanceSheetSchema, 'Assets, liabilities, equity and profit') },
});

export const getAccountLines = defineRoute('finance.read', {
  method: 'get',
  path: '/api/finance/accounts/{code}/lines',
  tags: ['finance'],
  summary: "One account's journal lines in a date range, with the documents behind them and the running balance",
  request: { params: z.object({ code: z.string().max(32) }), query: accountLinesQuerySchema },
  responses: {
    200: jsonResponse(accountLinesSchema, 'Lines, opening and running balance'),
    404: jsonResponse(apiErrorSchema, 'No such account'),
  },
});

export const getTaxReport = defineRoute('finance.read', {
  method: 'get',
  path: '/api/finance/tax-report',
  tags: ['finance'],
  summary: 'VAT per rate for a date range: output tax from sales, input tax from supplier invoices, and the tax payable',
  request: { query: dateRangeQuerySchema },
  responses: { 200: jsonResponse(taxReportSchema, 'Output and input net and tax per rate, totals and tax payable') },
});
