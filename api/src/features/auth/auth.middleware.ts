import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../../http/context.ts';
import { DEVICE_TOKEN_PREFIX, resolveDevice } from '../devices/device-tokens.ts';
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
    c.set('device', undefined);
    if (token) {
      const { db, clock, config } = c.var.deps;
      // Till tokens carry a prefix so one lookup decides which kind of caller this is.
      if (token.startsWith(DEVICE_TOKEN_PREFIX)) {
        c.set('device', await resolveDevice(db, token, clock.now()));
      } else {
        const found = await resolveSession(db, token, clock.now(), config);
        if (found) {
          c.set('user', found.user);
          c.set('sessionTokenHash', found.tokenHash);
        }
      }
    }
    await next();
  });
}
