import { z } from '@hono/zod-openapi';
import { accountListSchema, journalEntryRequestSchema, trialBalanceQuerySchema, trialBalanceSchema, apiErrorSchema } from '@shopbook/shared';
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
