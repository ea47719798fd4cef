import { randomBytes } from 'node:crypto';
import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { devices } from '../../db/schema/index.ts';
import type { DeviceContext } from '../../http/context.ts';
import { hashToken } from '../auth/sessions.ts';

export const DEVICE_TOKEN_PREFIX = 'till_';

export function newDeviceToken(): string {
  return `${DEVICE_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/** A till's token never expires by time (it sells offline for days); revoking ends it. */
export async function resolveDevice(db: DbOrTx, token: string, now: Date): Promise<DeviceContext | undefined> {
  const tokenHash = hashToken(token);
  const [d] = await db.select().from(devices).where(and(eq(devices.tokenHash, tokenHash), isNull(devices.revokedAt)));
  if (!d) return undefined;
  const stale = new Date(now.getTime() - 60_000);
  await db
    .update(devices)
    .set({ lastSeenAt: now })
    .where(and(eq(devices.id, d.id), or(isNull(devices.lastSeenAt), lt(devices.lastSeenAt, stale))));
  return { id: d.id, storeId: d.storeId, warehouseId: d.warehouseId };
}
