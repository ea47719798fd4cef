import { z } from '@hono/zod-openapi';
import { apiErrorSchema, salesTargetInputSchema, salesTargetProgressSchema, salesTargetQuerySchema, salesTargetSchema } from '@shopbook/shared';
import { defineRoute, jsonBody, jsonResponse } from '../../http/route.ts';

const tags = ['sales targets'];
const idParam = z.object({ id: z.uuid({ message: 'id must be a uuid' }) });

export const targetProgressRoute = defineRoute('dashboard.view', {
  method: 'get', path: '/api/sales-targets/progress', tags,
  summary: "A month's targets and net sales before tax per store and salesperson, with the pace expected by today; sales staff see only their own",
  request: { query: salesTargetQuerySchema },
  responses: { 200: jsonResponse(salesTargetProgressSchema, 'Progress') },
});

export const listTargetsRoute = defineRoute('targets.write', {
  method: 'get', path: '/api/sales-targets', tags, summary: "The targets set for a month (this month by default)",
  request: { query: salesTargetQuerySchema },
  responses: { 200: jsonResponse(z.object({ items: z.array(salesTargetSchema) }), 'Targets') },
});

export const setTargetRoute = defineRoute('targets.write', {
  method: 'put', path: '/api/sales-targets', tags,
  summary: "Set a store's (no salesperson) or a salesperson's target for a month, replacing the one there (audited)",
  request: { body: jsonBody(salesTargetInputSchema) },
  responses: { 200: jsonResponse(salesTargetSchema, 'Target'), 422: jsonResponse(apiErrorSchema, 'No such store or salesperson') },
});

export const deleteTargetRoute = defineRoute('targets.write', {
  method: 'delete', path: '/api/sales-targets/{id}', tags, summary: 'Remove a target (audited)',
  request: { params: idParam },
  responses: { 204: { description: 'Removed' }, 404: jsonResponse(apiErrorSchema, 'Not found') },
});
