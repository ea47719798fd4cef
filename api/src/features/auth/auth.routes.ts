import { z } from '@hono/zod-openapi';
import { apiErrorSchema, loginRequestSchema, loginResponseSchema, meResponseSchema } from '@shopbook/shared';
import { defineRoute, jsonBody, jsonResponse } from '../../http/route.ts';

export const login = defineRoute('public', {
  method: 'post',
  path: '/api/auth/login',
  tags: ['auth'],
  summary: 'Start a session (cookie, and a bearer token in the body)',
  request: { body: jsonBody(loginRequestSchema) },
  responses: {
    200: jsonResponse(loginResponseSchema, 'Signed in'),
    401: jsonResponse(apiErrorSchema, 'Wrong username or password'),
    429: jsonResponse(apiErrorSchema, 'Too many failed attempts'),
  },
});

export const logout = defineRoute('authenticated', {
  method: 'post',
  path: '/api/auth/logout',
  tags: ['auth'],
  summary: 'End the current session',
  responses: { 200: jsonResponse(z.object({ ok: z.literal(true) }), 'Signed out') },
});

export const me = defineRoute('authenticated', {
  method: 'get',
  path: '/api/auth/me',
  tags: ['auth'],
  summary: 'The signed-in user and their permissions',
  responses: { 200: jsonResponse(meResponseSchema, 'The current user') },
});

export const setPin = defineRoute('authenticated', {
  method: 'put',
  path: '/api/auth/pin',
  tags: ['auth'],
  summary: 'Set your own till PIN (4 to 8 digits); needs your password',
  request: {
    body: jsonBody(
      z.object({
        pin: z.string().regex(/^\d{4,8}$/, 'PIN must be 4 to 8 digits'),
        password: z.string().min(1, 'password is required').max(256),
      }),
    ),
  },
  responses: { 200: jsonResponse(z.object({ ok: z.literal(true) }), 'Saved'), 422: jsonResponse(apiErrorSchema, 'Wrong password') },
});
