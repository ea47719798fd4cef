import { newId, type SessionUser } from '@shopbook/shared';
import type { DbOrTx } from '../../db/client.ts';
import { auditLog } from '../../db/schema/index.ts';

export interface AuditInput {
  user: Pick<SessionUser, 'id' | 'username'> | null;
  action: string;
  entity: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  at: Date;
}

/** Written in the same transaction as the change it describes, so neither exists alone. */
export async function recordAudit(db: DbOrTx, input: AuditInput): Promise<void> {
  await db.insert(auditLog).values({
    id: newId(),
    at: input.at,
    userId: input.user?.id ?? null,
    username: input.user?.username ?? null,
    action: input.action,
    entity: input.entity,
    entityId: input.entityId ?? null,
    before: input.before ?? null,
    after: input.after ?? null,
  });
}
