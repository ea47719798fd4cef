import { z } from '@hono/zod-openapi';
import {
  apiErrorSchema, customerPointsSchema, loyaltyEntrySchema, loyaltyProblemSchema, loyaltyProgramSchema, pointsAdjustmentInputSchema, resolveLoyaltyProblemSchema,
} from '@shopbook/shared';
import { defineRoute, jsonBody, jsonResponse } from '../../http/route.ts';

const idParam = z.object({ id: z.uuid({ message: 'id must be a uuid' }) });
const notFound = jsonResponse(apiErrorSchema, 'Not found');
const invalid = jsonResponse(apiErrorSchema, 'Invalid');

export const getProgramRoute = defineRoute('customers.read', {
  method: 'get', path: '/api/loyalty/program', tags: ['loyalty'], summary: 'The loyalty programme: how points are earned and what they are worth',
  responses: { 200: jsonResponse(loyaltyProgramSchema, 'Programme') },
});

export const putProgramRoute = defineRoute('settings.write', {
  method: 'put', path: '/api/loyalty/program', tags: ['loyalty'],
  summary: 'Sets the loyalty programme; tills pull it with their store (audited)',
  request: { body: jsonBody(loyaltyProgramSchema) },
  responses: { 200: jsonResponse(loyaltyProgramSchema, 'Saved'), 400: invalid },
});

export const customerPointsRoute = defineRoute('customers.read', {
  method: 'get', path: '/api/loyalty/customers/{id}', tags: ['loyalty'], summary: "A customer's points and the latest entries of their points ledger",
  request: { params: idParam },
  responses: { 200: jsonResponse(customerPointsSchema, 'Points'), 404: notFound },
});

export const adjustPointsRoute = defineRoute('finance.post', {
  method: 'post', path: '/api/loyalty/customers/{id}/adjustments', tags: ['loyalty'],
  summary: "Gives or takes points by hand, with a reason: booked against the points liability and audited",
  request: { params: idParam, body: jsonBody(pointsAdjustmentInputSchema) },
  responses: { 201: jsonResponse(loyaltyEntrySchema, 'Adjusted'), 400: invalid, 404: notFound },
});

export const listProblemsRoute = defineRoute('finance.read', {
  method: 'get', path: '/api/loyalty/problems', tags: ['loyalty'],
  summary: 'Points spent that the customer did not hold when the sale synced (spent twice offline), not yet resolved',
  responses: { 200: jsonResponse(z.object({ items: z.array(loyaltyProblemSchema) }), 'Problems') },
});

export const resolveProblemRoute = defineRoute('finance.post', {
  method: 'post', path: '/api/loyalty/problems/{id}/resolve', tags: ['loyalty'],
  summary: 'Marks a points problem resolved with what was done (any points given or taken are a separate adjustment); audited',
  request: { params: idParam, body: jsonBody(resolveLoyaltyProblemSchema) },
  responses: { 200: jsonResponse(loyaltyEntrySchema, 'Resolved'), 400: invalid, 404: notFound, 409: jsonResponse(apiErrorSchema, 'Already resolved') },
});
