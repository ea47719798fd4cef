import { z } from '@hono/zod-openapi';
import { accountListSchema, closePeriodInputSchema, journalEntryRequestSchema, periodStatusSchema, reopenPeriodInputSchema, trialBalanceQuerySchema, trialBalanceSchema, apiErrorSchema } from '@shopbook/shared';
import { defineRoute, jsonBody, jsonResponse } from '../../http/route.ts';

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
