import { DEFAULT_LOYALTY_PROGRAM, type LoyaltyProgram, type SessionUser } from '@shopbook/shared';
import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { loyaltyProgram, stores } from '../../db/schema/index.ts';
import { recordAudit } from '../audit/record.ts';

export async function getProgram(db: DbOrTx): Promise<LoyaltyProgram> {
  const [row] = await db.select().from(loyaltyProgram).where(eq(loyaltyProgram.id, 1));
  return row ? { enabled: row.enabled, earnPerAmount: row.earnPerAmount, pointValue: row.pointValue, minRedeem: row.minRedeem } : DEFAULT_LOYALTY_PROGRAM;
}

/** Saves the programme and gives every store a new revision: tills pull it with their store. */
export async function setProgram(db: DbOrTx, input: LoyaltyProgram, user: SessionUser, now: Date): Promise<LoyaltyProgram> {
  const before = await getProgram(db);
  await db
    .insert(loyaltyProgram)
    .values({ id: 1, ...input, updatedAt: now, updatedBy: user.id })
    .onConflictDoUpdate({ target: loyaltyProgram.id, set: { ...input, updatedAt: now, updatedBy: user.id } });
  await db.update(stores).set({ revision: sql`nextval('catalogue_revision')` });
  await recordAudit(db, { user, action: 'update', entity: 'loyalty_program', entityId: null, before, after: input, at: now });
  return input;
}
