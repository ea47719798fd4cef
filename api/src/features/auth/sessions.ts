import { createHash, randomBytes } from 'node:crypto';
import { permissionsOf, type SessionUser } from '@shopbook/shared';
import { and, eq, lt, or } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { sessions, users } from '../../db/schema/index.ts';
import type { AppConfig } from '../../http/context.ts';

export const SESSION_COOKIE = 'sb_session';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function toSessionUser(u: typeof users.$inferSelect): SessionUser {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    roles: u.roles,
    permissions: permissionsOf(u.roles),
    storeIds: u.storeIds,
  };
}

export async function createSession(db: DbOrTx, userId: string, now: Date, config: AppConfig) {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + config.sessionTtlMs);
  await db.insert(sessions).values({ tokenHash: hashToken(token), userId, createdAt: now, expiresAt, lastSeenAt: now });
  return { token, expiresAt };
}

/**
 * Resolves a token to its user, ending sessions that are past their lifetime, idle too
 * long, or whose user was disabled. Touches `last_seen_at` at most once a minute so a
 * busy client does not write on every request.
 */
export async function resolveSession(db: DbOrTx, token: string, now: Date, config: AppConfig) {
  const tokenHash = hashToken(token);
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, tokenHash))
    .limit(1);
  if (!row) return undefined;
  const idleSince = now.getTime() - row.session.lastSeenAt.getTime();
  if (row.session.expiresAt <= now || idleSince > config.sessionIdleMs || !row.user.active) {
    await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    return undefined;
  }
  if (idleSince > 60_000) await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash));
  return { tokenHash, user: toSessionUser(row.user) };
}

export async function endSession(db: DbOrTx, tokenHash: string) {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function purgeExpiredSessions(db: DbOrTx, now: Date, config: AppConfig) {
  const idleCutoff = new Date(now.getTime() - config.sessionIdleMs);
  await db.delete(sessions).where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, idleCutoff)));
}

export async function endSessionsOfUser(db: DbOrTx, userId: string) {
  await db.delete(sessions).where(and(eq(sessions.userId, userId)));
}
