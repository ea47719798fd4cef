import type { Permission } from '@shopbook/shared';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './context.ts';
import { errorBody } from './errors.ts';

/** What a route asks of its caller: nothing, a session, a registered till, or a session holding a permission. */
export type Access = 'public' | 'authenticated' | 'device' | Permission;

/**
 * Answers 401 without a session and 403 without the permission, before the body is
 * even validated, so a stranger learns nothing about the route's input.
 */
export function requireAccess(access: Access) {
  return createMiddleware<AppEnv>(async function requireAccess(c, next) {
    if (access === 'public') return next();
    if (access === 'device') {
      if (!c.get('device')) return c.json(errorBody('unauthenticated', 'this needs a registered till'), 401);
      return next();
    }
    const user = c.get('user');
    if (!user) return c.json(errorBody('unauthenticated', 'sign in first'), 401);
    if (access !== 'authenticated' && !user.permissions.includes(access)) {
      return c.json(errorBody('forbidden', `this needs the permission ${access}`), 403);
    }
    return next();
  });
}
