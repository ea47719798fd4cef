import { approvalLimitOf, type ApprovalLimit, type approvalLimitsInputSchema, type SessionUser } from '@shopbook/shared';
import { asc, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import { approvalLimits } from '../../db/schema/index.ts';
import { recordAudit } from '../audit/record.ts';

type LimitsInput = z.output<typeof approvalLimitsInputSchema>;

export async function listApprovalLimits(db: DbOrTx): Promise<ApprovalLimit[]> {
  const found = await db.select({ role: approvalLimits.role, maxAmount: approvalLimits.maxAmount }).from(approvalLimits).orderBy(asc(approvalLimits.role));
  return found.map((r) => ({ role: r.role, maxAmount: r.maxAmount === null ? null : Number(r.maxAmount) }));
}

export async function limitsByRole(db: DbOrTx): Promise<Record<string, number | null>> {
  return Object.fromEntries((await listApprovalLimits(db)).map((l) => [l.role, l.maxAmount]));
}

/** The user's approval limit: Infinity when unlimited, null when none of their roles has one. */
export async function approvalLimitFor(db: DbOrTx, user: SessionUser): Promise<number | null> {
  return approvalLimitOf(user.roles, await limitsByRole(db));
}

export async function setApprovalLimits(db: DbOrTx, input: LimitsInput, user: SessionUser, now: Date): Promise<ApprovalLimit[]> {
  const before = await listApprovalLimits(db);
  for (const l of input.limits) {
    await db
      .insert(approvalLimits)
      .values({ role: l.role, maxAmount: l.maxAmount, updatedAt: now })
      .onConflictDoUpdate({ target: approvalLimits.role, set: { maxAmount: sql`EXCLUDED.max_amount`, updatedAt: now } });
  }
  if (input.remove.length) await db.delete(approvalLimits).where(inArray(approvalLimits.role, input.remove));
  const after = await listApprovalLimits(db);
  await recordAudit(db, { user, action: 'set_approval_limits', entity: 'approval_limit', before, after, at: now });
  return after;
}
