import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { deleteCookie, setCookie } from 'hono/cookie';
import { eq } from 'drizzle-orm';
import type { LoginRequest } from '@shopbook/shared';
import { users } from '../../db/schema/index.ts';
import type { AppEnv } from '../../http/context.ts';
import { DomainError } from '../../http/errors.ts';
import { recordAudit } from '../audit/record.ts';
import { burnPasswordCheck, verifyPassword } from './password.ts';
import { clearLoginFailures, isLoginThrottled, recordLoginFailure } from './rate-limit.ts';
import { createSession, endSession, SESSION_COOKIE, toSessionUser } from './sessions.ts';

export function clientAddress(c: Context<AppEnv>): string {
  if (c.var.deps.config.trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // in-process requests (tests) have no socket
  }
}

export async function signIn(c: Context<AppEnv>, input: LoginRequest) {
  const { db, clock, config } = c.var.deps;
  const now = clock.now();
  const username = input.username.toLowerCase();
  const address = clientAddress(c);
  if (await isLoginThrottled(db, username, address, now, config)) {
    throw new DomainError('rate_limited', 'too many failed sign-in attempts; try again later', 'username');
  }
  const [user] = await db.select().from(users).where(eq(users.username, username)).limit(1);
  const ok = user ? await verifyPassword(input.password, user.passwordHash) : (await burnPasswordCheck(input.password), false);
  if (!user || !ok || !user.active) {
    await db.transaction(async (tx) => {
      await recordLoginFailure(tx, username, address, now, config);
      await recordAudit(tx, { user: null, action: 'login_failed', entity: 'session', entityId: username, after: { address }, at: now });
    });
    throw new DomainError('unauthenticated', 'wrong username or password', 'password');
  }
  const session = await db.transaction(async (tx) => {
    await clearLoginFailures(tx, username);
    await recordAudit(tx, { user, action: 'login', entity: 'session', entityId: user.id, after: { address }, at: now });
    return createSession(tx, user.id, now, config);
  });
  setCookie(c, SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: config.secureCookies,
    path: '/',
    expires: session.expiresAt,
  });
  return { token: session.token, expiresAt: session.expiresAt.toISOString(), user: toSessionUser(user) };
}

export async function signOut(c: Context<AppEnv>) {
  const hash = c.var.sessionTokenHash;
  const user = c.var.user;
  if (hash && user) {
    await c.var.deps.db.transaction(async (tx) => {
      await endSession(tx, hash);
      await recordAudit(tx, { user, action: 'logout', entity: 'session', entityId: user.id, at: c.var.deps.clock.now() });
    });
  }
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}
