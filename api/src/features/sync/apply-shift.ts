import type { cashMovementV1, shiftCloseV1, shiftOpenV1 } from '@shopbook/shared';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { cashMovements, shifts } from '../../db/schema/index.ts';
import { DomainError } from '../../http/errors.ts';
import { ACCOUNTS } from '../finance/chart.ts';
import { postJournalEntry } from '../finance/post-entry.ts';
import type { ApplyContext } from './ingest.ts';

export async function applyShiftOpen(ctx: ApplyContext, e: z.output<typeof shiftOpenV1>): Promise<string | null> {
  if (e.storeId !== ctx.device.storeId) throw new DomainError('unprocessable', 'the shift names another store than this till’s');
  await ctx.db.insert(shifts).values({
    id: e.shiftId, storeId: e.storeId, deviceId: ctx.device.id, cashierId: e.cashierId, openedAt: ctx.occurredAt, openingFloat: e.openingFloat,
  });
  return null;
}

/** Cash put in or taken out of the drawer; the drawer's count at close accounts for it. */
export async function applyCashMovement(ctx: ApplyContext, e: z.output<typeof cashMovementV1>): Promise<string | null> {
  if (e.storeId !== ctx.device.storeId) throw new DomainError('unprocessable', 'the cash movement names another store than this till’s');
  await ctx.db.insert(cashMovements).values({
    id: e.movementId, shiftId: e.shiftId, storeId: e.storeId, cashierId: e.cashierId, amount: e.amount, reason: e.reason, occurredAt: ctx.occurredAt,
  });
  return null;
}

/**
 * Closing a shift keeps the counts and the Z report, and books the cash difference
 * (counted − expected) to cash over and short, so the cash account matches the drawers.
 */
export async function applyShiftClose(ctx: ApplyContext, e: z.output<typeof shiftCloseV1>): Promise<string | null> {
  const [shift] = await ctx.db.select().from(shifts).where(eq(shifts.id, e.shiftId));
  if (!shift) throw new DomainError('unprocessable', 'the shift being closed was never opened on the server');
  if (shift.closedAt) throw new DomainError('conflict', 'the shift is already closed');
  await ctx.db.update(shifts).set({ closedAt: ctx.occurredAt, counted: e.counted, expected: e.expected, zReport: e.zReport }).where(eq(shifts.id, e.shiftId));
  const counted = e.counted.find((c) => c.tender === 'cash')?.amount ?? 0;
  const expected = e.expected.find((c) => c.tender === 'cash')?.amount ?? 0;
  const diff = counted - expected;
  if (diff !== 0) {
    const cash = ACCOUNTS.cash.code;
    const overShort = ACCOUNTS.cashOverShort.code;
    await postJournalEntry(ctx.db, {
      date: ctx.occurredAt.toISOString().slice(0, 10), sourceType: 'shift_close', sourceId: e.shiftId, memo: 'cash over/short', userId: e.cashierId,
      postedAt: ctx.now, whenClosed: 'open_period',
      lines: diff > 0
        ? [{ accountCode: cash, debit: diff, credit: 0 }, { accountCode: overShort, debit: 0, credit: diff }]
        : [{ accountCode: overShort, debit: -diff, credit: 0 }, { accountCode: cash, debit: 0, credit: -diff }],
    });
  }
  return null;
}
