import {
  daysElapsed, daysInMonth, newId, targetProgress, type SalesTarget, type salesTargetInputSchema, type SalesTargetProgress, type SessionUser, type StoreProgress,
} from '@shopbook/shared';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import { salesTargets, stores, users } from '../../db/schema/index.ts';
import { DomainError } from '../../http/errors.ts';
import { recordAudit } from '../audit/record.ts';
import { listSalespeople, SEE_ALL_SALES } from '../customers/salespeople.queries.ts';
import { netSalesByStoreAndPerson } from './net-sales.queries.ts';

type TargetInput = z.output<typeof salesTargetInputSchema>;
type Row = typeof salesTargets.$inferSelect;

const targetOf = (r: Row): SalesTarget => ({
  id: r.id, storeId: r.storeId, salespersonId: r.salespersonId, month: r.month, amount: r.amount, updatedAt: r.updatedAt.toISOString(),
});

/** The stores a user works in; the owner works in all of them. */
async function storesOf(db: DbOrTx, user: SessionUser) {
  const all = await db.select().from(stores).orderBy(asc(stores.code));
  return user.roles.includes('owner') ? all : all.filter((s) => user.storeIds.includes(s.id));
}

/**
 * Targets and progress for a month. Someone with sales.all sees each of their stores'
 * own figures and every salesperson with a target or sales there; anyone else only
 * their own rows.
 */
export async function targetProgressFor(db: DbOrTx, month: string, today: string, user: SessionUser): Promise<SalesTargetProgress> {
  const seeAll = user.permissions.includes(SEE_ALL_SALES);
  const shops = await storesOf(db, user);
  const targets = await db.select().from(salesTargets).where(eq(salesTargets.month, month));
  const sales = await netSalesByStoreAndPerson(db, month);
  const names = new Map((await db.select({ id: users.id, name: users.displayName }).from(users)).map((u) => [u.id, u.name]));
  const sellers = new Set((await listSalespeople(db)).map((s) => s.id));
  const figures = (target: Row | undefined, rowsOf: typeof sales) => {
    const tillNet = rowsOf.reduce((s, r) => s + r.tillNet, 0);
    const invoicedNet = rowsOf.reduce((s, r) => s + r.invoicedNet, 0);
    return { targetId: target?.id ?? null, tillNet, invoicedNet, ...targetProgress(target?.amount ?? null, tillNet + invoicedNet, month, today) };
  };
  const out: StoreProgress[] = shops.map((shop) => {
    const here = sales.filter((s) => s.storeId === shop.id);
    const mine = targets.filter((t) => t.storeId === shop.id);
    // Salespeople shown: those with a target here, and those who can sell on order and sold here.
    const people = new Set<string>([
      ...mine.filter((t) => t.salespersonId).map((t) => t.salespersonId!),
      ...here.filter((s) => s.personId && sellers.has(s.personId)).map((s) => s.personId!),
    ]);
    const visible = [...people].filter((p) => seeAll || p === user.id);
    return {
      storeId: shop.id, storeCode: shop.code, storeName: shop.name,
      store: seeAll ? figures(mine.find((t) => t.salespersonId === null), here) : null,
      salespeople: visible
        .map((p) => ({ salespersonId: p, salespersonName: names.get(p) ?? '', ...figures(mine.find((t) => t.salespersonId === p), here.filter((s) => s.personId === p)) }))
        .sort((a, b) => a.salespersonName.localeCompare(b.salespersonName)),
    };
  });
  return {
    month, today, daysElapsed: daysElapsed(month, today), daysInMonth: daysInMonth(month),
    stores: seeAll ? out : out.filter((s) => s.salespeople.length > 0),
  };
}

/** Sets a store's or salesperson's target for a month, replacing the one there (audited). */
export async function setTarget(db: DbOrTx, input: TargetInput, user: SessionUser, now: Date): Promise<SalesTarget> {
  const [shop] = await db.select().from(stores).where(eq(stores.id, input.storeId));
  if (!shop) throw new DomainError('unprocessable', 'no such store', 'storeId');
  if (input.salespersonId) {
    const sellers = await listSalespeople(db);
    if (!sellers.some((s) => s.id === input.salespersonId)) throw new DomainError('unprocessable', 'no such active user who can sell on order', 'salespersonId');
  }
  const [before] = await db.select().from(salesTargets).where(and(
    eq(salesTargets.storeId, input.storeId), eq(salesTargets.month, input.month),
    input.salespersonId ? eq(salesTargets.salespersonId, input.salespersonId) : isNull(salesTargets.salespersonId),
  ));
  // The unique (store, salesperson, month) with NULLS NOT DISTINCT makes this one row per key, store targets included.
  const [row] = await db
    .insert(salesTargets)
    .values({ id: newId(), storeId: input.storeId, salespersonId: input.salespersonId, month: input.month, amount: input.amount, updatedBy: user.id, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({
      target: [salesTargets.storeId, salesTargets.salespersonId, salesTargets.month],
      set: { amount: input.amount, updatedBy: user.id, updatedAt: now },
    })
    .returning();
  await recordAudit(db, {
    user, action: before ? 'update' : 'create', entity: 'sales_target', entityId: row!.id,
    before: before ? targetOf(before) : undefined, after: targetOf(row!), at: now,
  });
  return targetOf(row!);
}

export async function deleteTarget(db: DbOrTx, id: string, user: SessionUser, now: Date): Promise<void> {
  const [row] = await db.delete(salesTargets).where(eq(salesTargets.id, id)).returning();
  if (!row) throw new DomainError('not_found', `no sales target ${id}`, 'id');
  await recordAudit(db, { user, action: 'delete', entity: 'sales_target', entityId: id, before: targetOf(row), at: now });
}

export async function listTargets(db: DbOrTx, month: string): Promise<SalesTarget[]> {
  return (await db.select().from(salesTargets).where(inArray(salesTargets.month, [month])).orderBy(asc(salesTargets.storeId), asc(salesTargets.salespersonId))).map(targetOf);
}
