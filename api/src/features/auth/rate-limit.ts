import { and, count, eq, gt, lt } from 'drizzle-orm';
import { newId } from '@shopbook/shared';
import type { DbOrTx } from '../../db/client.ts';
import { loginFailures } from '../../db/schema/index.ts';
import type { AppConfig } from '../../http/context.ts';

/**
 * Failed logins per account and per client address within a sliding window. Kept in
 * the database so every API process sees the same counts.
 */
export async function isLoginThrottled(db: DbOrTx, username: string, address: string, now: Date, config: AppConfig) {
  const since = new Date(now.getTime() - config.loginWindowMs);
  const [byAccount] = await db
    .select({ n: count() })
    .from(loginFailures)
    .where(and(eq(loginFailures.username, username), gt(loginFailures.at, since)));
  if ((byAccount?.n ?? 0) >= config.maxFailuresPerAccount) return true;
  const [byAddress] = await db
    .select({ n: count() })
    .from(loginFailures)
    .where(and(eq(loginFailures.address, address), gt(loginFailures.at, since)));
  return (byAddress?.n ?? 0) >= config.maxFailuresPerAddress;
}

export async function recordLoginFailure(db: DbOrTx, username: string, address: string, now: Date, config: AppConfig) {
  await db.insert(loginFailures).values({ id: newId(), username, address, at: now });
  // Old failures only slow the counts down; prune them as we go.
  await db.delete(loginFailures).where(lt(loginFailures.at, new Date(now.getTime() - 2 * config.loginWindowMs)));
}

export async function clearLoginFailures(db: DbOrTx, username: string) {
  await db.delete(loginFailures).where(eq(loginFailures.username, username));
}
