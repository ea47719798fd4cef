import { type CustomerPoints, type LoyaltyEntry, type LoyaltyProblem, newId, type PointsAdjustmentInput, type SessionUser } from '@shopbook/shared';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { rows } from '../../db/rows.ts';
import { loyaltyEntries } from '../../db/schema/index.ts';
import { DomainError } from '../../http/errors.ts';
import { recordAudit } from '../audit/record.ts';
import { getCustomer } from '../customers/customers.queries.ts';
import { touchCustomers } from '../customers/touch.ts';
import { bookPoints } from './apply.ts';
import { lockedPoints, pointsOf } from './points.queries.ts';
import { getProgram } from './program.queries.ts';

interface EntryRow {
  id: string;
  customer_id: string;
  kind: LoyaltyEntry['kind'];
  points: string | number;
  value: string | number;
  source_type: LoyaltyEntry['sourceType'];
  source_id: string;
  receipt_no: string | null;
  occurred_at: string | Date;
  flag: string | null;
  resolved_at: string | Date | null;
  resolved_by_name: string | null;
  note: string;
}

const iso = (d: string | Date) => new Date(d).toISOString();

function entryOf(r: EntryRow): LoyaltyEntry {
  return {
    id: r.id, customerId: r.customer_id, kind: r.kind, points: Number(r.points), value: Number(r.value), sourceType: r.source_type, sourceId: r.source_id,
    receiptNo: r.receipt_no, occurredAt: iso(r.occurred_at), flag: r.flag, resolvedAt: r.resolved_at ? iso(r.resolved_at) : null, resolvedByName: r.resolved_by_name,
    note: r.note,
  };
}

const ENTRY_SELECT = sql`
  SELECT e.id, e.customer_id, e.kind, e.points, e.value, e.source_type, e.source_id, coalesce(s.receipt_no, r.receipt_no) AS receipt_no, e.occurred_at,
         e.flag, e.resolved_at, u.display_name AS resolved_by_name, e.note
    FROM loyalty_entries e
    LEFT JOIN sales s ON e.source_type = 'sale' AND s.id = e.source_id
    LEFT JOIN sale_returns r ON e.source_type = 'return' AND r.id = e.source_id
    LEFT JOIN users u ON u.id = e.resolved_by`;

async function entry(db: DbOrTx, id: string): Promise<LoyaltyEntry | undefined> {
  const [r] = await rows<EntryRow>(db, sql`${ENTRY_SELECT} WHERE e.id = ${id}::uuid`);
  return r && entryOf(r);
}

/** A customer's points and their latest 200 entries, newest first. */
export async function customerPoints(db: DbOrTx, customerId: string, scope: string | null): Promise<CustomerPoints> {
  await getCustomer(db, customerId, scope);
  const points = (await pointsOf(db, [customerId])).get(customerId) ?? 0;
  const program = await getProgram(db);
  const list = await rows<EntryRow>(db, sql`${ENTRY_SELECT} WHERE e.customer_id = ${customerId}::uuid ORDER BY e.occurred_at DESC, e.id DESC LIMIT 200`);
  return { customerId, points, value: Math.max(0, points) * program.pointValue, entries: list.map(entryOf) };
}

/** Points given (positive) or taken (negative) by hand, at the programme's point value. */
export async function adjustPoints(db: DbOrTx, customerId: string, input: PointsAdjustmentInput, user: SessionUser, now: Date): Promise<LoyaltyEntry> {
  await getCustomer(db, customerId);
  const program = await getProgram(db);
  const before = await lockedPoints(db, customerId);
  const id = newId();
  const value = input.points * program.pointValue;
  await db.insert(loyaltyEntries).values({
    id, customerId, kind: 'adjust', points: input.points, value, sourceType: 'adjustment', sourceId: id, occurredAt: now, recordedAt: now, note: input.reason, createdBy: user.id,
  });
  await bookPoints({ db, occurredAt: now, now, userId: user.id, memo: input.reason, whenClosed: 'refuse' }, id, value);
  await touchCustomers(db, [customerId]);
  await recordAudit(db, { user, action: 'adjust_points', entity: 'customer', entityId: customerId, before: { points: before }, after: { points: before + input.points, reason: input.reason }, at: now });
  return (await entry(db, id))!;
}

/** Flagged entries not yet resolved, oldest first, with the customer's points now. */
export async function listProblems(db: DbOrTx): Promise<LoyaltyProblem[]> {
  const list = await rows<EntryRow & { customer_code: string; customer_name: string; customer_points: string | number }>(
    db,
    sql`SELECT x.*, c.code AS customer_code, c.name AS customer_name,
               (SELECT coalesce(sum(points), 0) FROM loyalty_entries WHERE customer_id = x.customer_id) AS customer_points
          FROM (${ENTRY_SELECT} WHERE e.flag IS NOT NULL AND e.resolved_at IS NULL) x
          JOIN customers c ON c.id = x.customer_id
         ORDER BY x.occurred_at, x.id`,
  );
  return list.map((r) => ({ ...entryOf(r), customerCode: r.customer_code, customerName: r.customer_name, customerPoints: Number(r.customer_points) }));
}

export async function resolveProblem(db: DbOrTx, id: string, note: string, user: SessionUser, now: Date): Promise<LoyaltyEntry> {
  const [found] = await rows<{ flag: string | null; resolved_at: Date | null; customer_id: string; note: string }>(
    db,
    sql`SELECT flag, resolved_at, customer_id, note FROM loyalty_entries WHERE id = ${id}::uuid FOR UPDATE`,
  );
  if (!found || !found.flag) throw new DomainError('not_found', `no points problem ${id}`, 'id');
  if (found.resolved_at) throw new DomainError('conflict', 'this points problem is already resolved', 'id');
  const text = found.note ? `${found.note}; ${note}` : note;
  await db.update(loyaltyEntries).set({ resolvedAt: now, resolvedBy: user.id, note: text }).where(sql`id = ${id}::uuid`);
  await recordAudit(db, { user, action: 'resolve', entity: 'loyalty_entry', entityId: id, before: { flag: found.flag, note: found.note }, after: { resolved: true, note: text }, at: now });
  return (await entry(db, id))!;
}
