import { newId, serialCountProblem, type Receipt, type receiptRequestSchema, type SessionUser } from '@shopbook/shared';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import { batches, products, stockReceiptLines, stockReceipts, suppliers, warehouses } from '../../db/schema/index.ts';
import { DomainError } from '../../http/errors.ts';
import { recordAudit } from '../audit/record.ts';
import { ACCOUNTS } from '../finance/chart.ts';
import { postJournalEntry } from '../finance/post-entry.ts';
import { nextNumber } from '../inventory/numbering.ts';
import { postMoves } from '../inventory/post-moves.ts';

type ReceiptInput = z.output<typeof receiptRequestSchema>;

export async function getReceipt(db: DbOrTx, id: string): Promise<Receipt> {
  const [doc] = await db.select().from(stockReceipts).where(eq(stockReceipts.id, id));
  if (!doc) throw new DomainError('not_found', `no receipt ${id}`, 'id');
  const lines = await db
    .select({
      productId: stockReceiptLines.productId, sku: products.sku, name: products.name, qty: stockReceiptLines.qty, unitCost: stockReceiptLines.unitCost,
      batchNo: stockReceiptLines.batchNo, productionDate: stockReceiptLines.productionDate, expiryDate: stockReceiptLines.expiryDate, serials: stockReceiptLines.serials,
    })
    .from(stockReceiptLines)
    .innerJoin(products, eq(products.id, stockReceiptLines.productId))
    .where(eq(stockReceiptLines.receiptId, id))
    .orderBy(asc(stockReceiptLines.lineNo));
  return {
    id: doc.id, number: doc.number, warehouseId: doc.warehouseId, supplierId: doc.supplierId, reference: doc.reference, note: doc.note,
    status: doc.status, createdAt: doc.createdAt.toISOString(), postedAt: doc.postedAt?.toISOString() ?? null, lines,
  };
}

export async function listReceipts(db: DbOrTx) {
  const docs = await db.select().from(stockReceipts).orderBy(desc(stockReceipts.createdAt)).limit(200);
  return docs.map((d) => ({ ...d, createdAt: d.createdAt.toISOString(), postedAt: d.postedAt?.toISOString() ?? null }));
}

/** Batch-tracked products need a batch number, and an expiry date when expiry is tracked. */
export async function createReceipt(db: DbOrTx, input: ReceiptInput, user: SessionUser, now: Date): Promise<Receipt> {
  const [wh] = await db.select({ kind: warehouses.kind }).from(warehouses).where(eq(warehouses.id, input.warehouseId));
  if (!wh || wh.kind === 'transit') throw new DomainError('unprocessable', 'no such warehouse', 'warehouseId');
  if (input.supplierId) {
    const [s] = await db.select({ id: suppliers.id }).from(suppliers).where(eq(suppliers.id, input.supplierId));
    if (!s) throw new DomainError('unprocessable', 'no such supplier', 'supplierId');
  }
  const found = await db.select().from(products).where(inArray(products.id, [...new Set(input.lines.map((l) => l.productId))]));
  input.lines.forEach((l, i) => {
    const p = found.find((f) => f.id === l.productId);
    if (!p) throw new DomainError('unprocessable', 'no such product', `lines.${i}.productId`);
    if (p.batchTracked && !l.batchNo) throw new DomainError('validation_failed', `${p.sku} is batch-tracked: give a batch number`, `lines.${i}.batchNo`);
    if (p.tracksExpiry && !l.expiryDate) throw new DomainError('validation_failed', `${p.sku} tracks expiry: give an expiry date`, `lines.${i}.expiryDate`);
    if (!p.batchTracked && l.batchNo) throw new DomainError('validation_failed', `${p.sku} is not batch-tracked`, `lines.${i}.batchNo`);
    const serialProblem = serialCountProblem(p.serialTracked, l.qty, l.serials);
    if (serialProblem) throw new DomainError('validation_failed', `${p.sku}: ${serialProblem}`, `lines.${i}.serials`);
  });
  const id = newId();
  const number = await nextNumber(db, 'GR', now.getUTCFullYear());
  await db.insert(stockReceipts).values({ id, number, warehouseId: input.warehouseId, supplierId: input.supplierId, reference: input.reference, note: input.note, createdBy: user.id, createdAt: now });
  await db.insert(stockReceiptLines).values(input.lines.map((l, i) => ({ id: newId(), receiptId: id, lineNo: i + 1, ...l })));
  await recordAudit(db, { user, action: 'create', entity: 'stock_receipt', entityId: id, after: { number, ...input }, at: now });
  return getReceipt(db, id);
}

async function batchIdFor(db: DbOrTx, productId: string, line: typeof stockReceiptLines.$inferSelect, now: Date): Promise<string> {
  const [existing] = await db.select().from(batches).where(and(eq(batches.productId, productId), eq(batches.batchNo, line.batchNo!)));
  if (existing) {
    if (line.expiryDate && existing.expiryDate && existing.expiryDate !== line.expiryDate) {
      throw new DomainError('conflict', `batch ${line.batchNo} already exists with expiry ${existing.expiryDate}`, `lines.${line.lineNo - 1}.expiryDate`);
    }
    return existing.id;
  }
  const id = newId();
  await db.insert(batches).values({ id, productId, batchNo: line.batchNo!, productionDate: line.productionDate, expiryDate: line.expiryDate, createdAt: now });
  return id;
}

/**
 * Posting receives the stock at the stated cost (batches created on first sight) and
 * books inventory against goods received not invoiced, until the supplier's invoice
 * is matched in purchasing.
 */
export async function postReceipt(db: DbOrTx, id: string, user: SessionUser, now: Date): Promise<Receipt> {
  const [doc] = await db
    .update(stockReceipts)
    .set({ status: 'posted', postedBy: user.id, postedAt: now })
    .where(and(eq(stockReceipts.id, id), eq(stockReceipts.status, 'draft')))
    .returning();
  if (!doc) {
    await getReceipt(db, id);
    throw new DomainError('conflict', 'this receipt is already posted; correct it with a return or an adjustment');
  }
  const lines = await db.select().from(stockReceiptLines).where(eq(stockReceiptLines.receiptId, id)).orderBy(asc(stockReceiptLines.lineNo));
  const moves = [];
  for (const line of lines) {
    const batchId = line.batchNo ? await batchIdFor(db, line.productId, line, now) : null;
    moves.push({
      productId: line.productId, warehouseId: doc.warehouseId, batchId, qty: line.qty, unitCost: line.unitCost, serials: line.serials, ref: line.lineNo - 1,
      moveType: 'receipt', docType: 'stock_receipt', docId: id, userId: user.id, occurredAt: now,
    });
  }
  const posted = await postMoves(db, moves);
  const value = posted.reduce((s, m) => s + m.value, 0);
  if (value > 0) {
    await postJournalEntry(db, {
      date: now.toISOString().slice(0, 10), sourceType: 'stock_receipt', sourceId: id, memo: doc.number, userId: user.id, postedAt: now,
      lines: [
        { accountCode: ACCOUNTS.inventory.code, debit: value, credit: 0 },
        { accountCode: ACCOUNTS.receivedNotInvoiced.code, debit: 0, credit: value },
      ],
    });
  }
  await recordAudit(db, { user, action: 'post', entity: 'stock_receipt', entityId: id, before: { status: 'draft' }, after: { status: 'posted', value }, at: now });
  return getReceipt(db, id);
}
