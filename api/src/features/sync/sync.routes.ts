import { z } from '@hono/zod-openapi';
import { apiErrorSchema, PULL_ENTITIES, pullPageSchema, pullQuerySchema, pushRequestSchema, pushResponseSchema } from '@shopbook/shared';
import { defineRoute, jsonBody, jsonResponse } from '../../http/route.ts';

export const pullRoute = defineRoute('device', {
  method: 'get',
  path: '/api/sync/pull/{entity}',
  tags: ['sync'],
  summary: 'What changed since a revision, in pages, with tombstones (registered tills)',
  request: { params: z.object({ entity: z.enum(PULL_ENTITIES, { message: `entity must be one of ${PULL_ENTITIES.join(', ')}` }) }), query: pullQuerySchema },
  responses: { 200: jsonResponse(pullPageSchema, 'A page') },
});

export const pushRoute = defineRoute('device', {
  method: 'post',
  path: '/api/sync/push',
  tags: ['sync'],
  summary: 'Apply outbox events, each in its own transaction; answers applied, duplicate or rejected per event',
  request: { body: jsonBody(pushRequestSchema) },
  responses: { 200: jsonResponse(pushResponseSchema, 'One result per event, in order') },
});

const conflictSchema = z.object({
  id: z.string(), deviceId: z.string(), deviceName: z.string(), seq: z.number().int(), type: z.string(), occurredAt: z.string(), receivedAt: z.string(),
  reason: z.string().nullable(), payload: z.unknown(), status: z.string(),
});

export const listConflictsRoute = defineRoute('sales.write', {
  method: 'get',
  path: '/api/sync/conflicts',
  tags: ['sync'],
  summary: 'Events the server rejected, waiting for a manager',
  request: { query: z.object({ status: z.enum(['rejected', 'voided', 'all']).default('rejected') }) },
  responses: { 200: jsonResponse(z.object({ items: z.array(conflictSchema) }), 'Conflicts') },
});

export const resolveConflictRoute = defineRoute('sales.write', {
  method: 'post',
  path: '/api/sync/conflicts/{id}/resolve',
  tags: ['sync'],
  summary: 'Re-apply a rejected event (optionally with a corrected payload) or void it; audited',
  request: {
    params: z.object({ id: z.uuid({ message: 'id must be a uuid' }) }),
    body: jsonBody(z.object({ action: z.enum(['reapply', 'void'], { message: 'action must be reapply or void' }), payload: z.unknown().optional(), note: z.string().max(500).default('') })),
  },
  responses: {
    200: jsonResponse(z.object({ id: z.string(), status: z.string(), reason: z.string().nullable() }), 'Resolved, or still rejected with the new reason'),
    404: jsonResponse(apiErrorSchema, 'No such conflict'),
    409: jsonResponse(apiErrorSchema, 'Not a rejected event'),
  },
});

export const listSalesRoute = defineRoute('sales.all', {
  method: 'get',
  path: '/api/sales',
  tags: ['sales'],
  summary: 'Till sales, newest first',
  request: {
    query: z.object({
      storeId: z.uuid({ message: 'storeId must be a uuid' }).optional(),
      from: z.iso.date({ message: 'from must be a date YYYY-MM-DD' }).optional(),
      to: z.iso.date({ message: 'to must be a date YYYY-MM-DD' }).optional(),
      page: z.coerce.number().int().min(1).default(1),
      pageSize: z.coerce.number().int().min(1).max(500).default(50),
    }),
  },
  responses: {
    200: jsonResponse(
      z.object({
        total: z.number().int(),
        items: z.array(z.object({
          id: z.string(), receiptNo: z.string(), storeId: z.string(), deviceId: z.string(), cashierId: z.string(), occurredAt: z.string(),
          net: z.number().int(), tax: z.number().int(), gross: z.number().int(), discount: z.number().int(), cost: z.number().int(), flag: z.string().nullable(),
          lineCount: z.number().int(),
        })),
      }),
      'Sales',
    ),
  },
});
