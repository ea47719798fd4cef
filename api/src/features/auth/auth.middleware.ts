import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../../http/context.ts';
import { resolveSession, SESSION_COOKIE } from './sessions.ts';

/**
 * Attaches the session's user, if any, to every API request. It never refuses: each
 * route's own access check decides, so public routes stay public.
 */
export function sessionMiddleware() {
  return createMiddleware<AppEnv>(async function session(c, next) {
    const bearer = c.req.header('authorization')?.match(/^Bearer\s+(.+)$/i)?.[1];
    const token = bearer ?? getCookie(c, SESSION_COOKIE);
    c.set('user', undefined);
    c.set('sessionTokenHash', undefined);
    if (token) {
      const { db, clock, config } = c.var.deps;
      const found = await resolveSession(db, token, clock.now(), config);
      if (found) {
        c.set('user', found.user);
        c.set('sessionTokenHash', found.tokenHash);
      }
    }
    await next();
  });
}
