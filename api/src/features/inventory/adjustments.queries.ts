import type { Adjustment, adjustmentRequestSchema, SessionUser } from '@shopbook/shared';
import { newId, serialCountProblem } from '@shopbook/shared';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import { adjustmentLines, adjustments, products, warehouses } from '../../db/schema/index.ts';
import { DomainError } from '../../http/errors.ts';
import { recordAudit } from '../audit/record.ts';
import { ACCOUNTS } from '../finance/chart.ts';
import { postJournalEntry } from '../finance/post-entry.ts';
import { nextNumber } from './numbering.ts';
import { postMoves } from './post-moves.ts';

type AdjustmentInput = z.output<typeof adjustmentRequestSchema>;

export async function getAdjustment(db: DbOrTx, id: string): Promise<Adjustment> {
  const [doc] = await db.select().from(adjustments).where(eq(adjustments.id, id));
  if (!doc) throw new DomainError('not_found', `no adjustment ${id}`, 'id');
  const lines = await db
    .select({ productId: adjustmentLines.productId, sku: products.sku, name: products.name, batchId: adjustmentLines.batchId, qty: adjustmentLines.qty, unitCost: adjustmentLines.unitCost, serials: adjustmentLines.serials })
    .from(adjustmentLines)
    .innerJoin(products, eq(products.id, adjustmentLines.productId))
    .where(eq(adjustmentLines.adjustmentId, id))
    .orderBy(asc(adjustmentLines.lineNo));
  return {
    id: doc.id,
    number: doc.number,
    warehouseId: doc.warehouseId,
    reason: doc.reason,
    note: doc.note,
    status: doc.status,
    createdAt: doc.createdAt.toISOString(),
    postedAt: doc.postedAt?.toISOString() ?? null,
    lines,
  };
}

export async function listAdjustments(db: DbOrTx) {
  const docs = await db.select().from(adjustments).orderBy(desc(adjustments.createdAt)).limit(200);
  return docs.map((d) => ({ ...d, createdAt: d.createdAt.toISOString(), postedAt: d.postedAt?.toISOString() ?? null }));
}

/** A draft touches no stock; it only records what someone intends to post. */
export async function createAdjustment(db: DbOrTx, input: AdjustmentInput, user: SessionUser, now: Date) {
  const [wh] = await db.select({ id: warehouses.id }).from(warehouses).where(eq(warehouses.id, input.warehouseId));
  if (!wh) throw new DomainError('unprocessable', 'no such warehouse', 'warehouseId');
  const ids = [...new Set(input.lines.map((l) => l.productId))];
  const found = await db.select({ id: products.id, sku: products.sku, serialTracked: products.serialTracked }).from(products).where(inArray(products.id, ids));
  input.lines.forEach((l, i) => {
    const p = found.find((f) => f.id === l.productId);
    if (!p) throw new DomainError('unprocessable', 'no such product', `lines.${i}.productId`);
    const serialProblem = serialCountProblem(p.serialTracked, l.qty, l.serials);
    if (serialProblem) throw new DomainError('validation_failed', `${p.sku}: ${serialProblem}`, `lines.${i}.serials`);
  });

  const id = newId();
  const number = await nextNumber(db, 'ADJ', now.getUTCFullYear());
  await db.insert(adjustments).values({ id, number, warehouseId: input.warehouseId, reason: input.reason, note: input.note, createdBy: user.id, createdAt: now });
  await db.insert(adjustmentLines).values(
    input.lines.map((l, i) => ({ id: newId(), adjustmentId: id, lineNo: i + 1, productId: l.productId, batchId: l.batchId, qty: l.qty, unitCost: l.unitCost ?? null, serials: l.serials })),
  );
  await recordAudit(db, { user, action: 'create', entity: 'stock_adjustment', entityId: id, after: { number, ...input }, at: now });
  return getAdjustment(db, id);
}

/**
 * Posting moves the stock and writes the journal entry (inventory against the
 * adjustment account) in one transaction. The status flip is conditional, so two
 * managers posting the same draft at once post it once.
 */
export async function postAdjustment(db: DbOrTx, id: string, user: SessionUser, now: Date) {
  const flipped = await db
    .update(adjustments)
    .set({ status: 'posted', postedBy: user.id, postedAt: now })
    .where(and(eq(adjustments.id, id), eq(adjustments.status, 'draft')))
    .returning({ id: adjustments.id, warehouseId: adjustments.warehouseId, number: adjustments.number });
  const doc = flipped[0];
  if (!doc) {
    const [exists] = await db.select({ status: adjustments.status }).from(adjustments).where(eq(adjustments.id, id));
    if (!exists) throw new DomainError('not_found', `no adjustment ${id}`, 'id');
    throw new DomainError('conflict', 'this adjustment is already posted; correct it with a new one');
  }
  const lines = await db
    .select({ line: adjustmentLines, purchasePrice: products.purchasePrice })
    .from(adjustmentLines)
    .innerJoin(products, eq(products.id, adjustmentLines.productId))
    .where(eq(adjustmentLines.adjustmentId, id));
  const moves = await postMoves(
    db,
    lines.map(({ line, purchasePrice }) => ({
      productId: line.productId,
      warehouseId: doc.warehouseId,
      batchId: line.batchId,
      qty: line.qty,
      serials: line.serials,
      ref: line.lineNo - 1,
      // Without a stated cost, found stock comes in at the average; never-costed stock at the purchase price.
      ...(line.unitCost ? { unitCost: line.unitCost } : {}),
      fallbackCost: String(purchasePrice),
      moveType: 'adjustment',
      docType: 'stock_adjustment',
      docId: id,
      userId: user.id,
      occurredAt: now,
    })),
  );
  const net = moves.reduce((s, m) => s + m.value, 0);
  if (net !== 0) {
    const inv = ACCOUNTS.inventory.code;
    const adj = ACCOUNTS.adjustments.code;
    const amount = Math.abs(net);
    await postJournalEntry(db, {
      date: now.toISOString().slice(0, 10),
      sourceType: 'stock_adjustment',
      sourceId: id,
      memo: doc.number,
      userId: user.id,
      postedAt: now,
      lines:
        net > 0
          ? [{ accountCode: inv, debit: amount, credit: 0 }, { accountCode: adj, debit: 0, credit: amount }]
          : [{ accountCode: adj, debit: amount, credit: 0 }, { accountCode: inv, debit: 0, credit: amount }],
    });
  }
  await recordAudit(db, { user, action: 'post', entity: 'stock_adjustment', entityId: id, before: { status: 'draft' }, after: { status: 'posted', value: net }, at: now });
  return getAdjustment(db, id);
}

