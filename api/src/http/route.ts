import { createRoute, z } from '@hono/zod-openapi';
import { apiErrorSchema } from '@shopbook/shared';
import { requireAccess, type Access } from './access.ts';

type CreateRouteInput = Parameters<typeof createRoute>[0];

export interface RouteAccess {
  method: string;
  path: string;
  access: Access;
}

/** Every route and what it asks of the caller; the access test walks this list. */
export const routeTable: RouteAccess[] = [];

const errorContent = { 'application/json': { schema: apiErrorSchema } };
const commonErrors = {
  400: { description: 'Invalid input; `field` names it', content: errorContent },
  401: { description: 'No session (routes that need one)', content: errorContent },
  403: { description: 'Missing permission (routes that need one)', content: errorContent },
} as const;

/**
 * Declares a route with the permission it needs. The access check runs as the route's
 * own middleware, and the common error responses are documented once here.
 */
export function defineRoute<const R extends CreateRouteInput>(access: Access, config: R) {
  routeTable.push({ method: config.method.toUpperCase(), path: config.path, access });
  const security: Record<string, string[]>[] = access === 'public' ? [] : [{ session: [] }, { bearer: [] }];
  return createRoute({
    ...config,
    security,
    middleware: requireAccess(access),
    responses: { ...commonErrors, ...config.responses },
  });
}

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  content: { 'application/json': { schema } },
  required: true,
});

export const jsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
