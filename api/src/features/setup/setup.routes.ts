import { z } from '@hono/zod-openapi';
import { apiErrorSchema, setupRequestSchema, setupStatusSchema } from '@shopbook/shared';
import { defineRoute, jsonBody, jsonResponse } from '../../http/route.ts';

export const getSetupStatus = defineRoute('public', {
  method: 'get',
  path: '/api/setup/status',
  tags: ['setup'],
  summary: 'Whether the first-run setup still has to be done',
  responses: { 200: jsonResponse(setupStatusSchema, 'Setup state') },
});

export const runSetup = defineRoute('public', {
  method: 'post',
  path: '/api/setup',
  tags: ['setup'],
  summary: 'First-run setup: company, stores, tax rates and the owner (once only)',
  request: { body: jsonBody(setupRequestSchema) },
  responses: {
    201: jsonResponse(z.object({ ok: z.literal(true) }), 'Company created'),
    409: jsonResponse(apiErrorSchema, 'Setup was already done'),
  },
});
