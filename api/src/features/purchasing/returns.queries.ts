import {
  formatQuantity, newId, parseQuantity,
  type PurchaseReturn, type purchaseDocumentQuerySchema, type purchaseReturnInputSchema, type SessionUser,
} from '@shopbook/shared';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import { rows } from '../../db/rows.ts';
import { batches, products, purchaseOrderLines, purchaseReceiptLines, purchaseReceipts, purchaseReturnLines, purchaseReturns } from '../../db/schema/index.ts';
import { DomainError } from '../../http/errors.ts';
import { recordAudit } from '../audit/record.ts';
import { ACCOUNTS } from '../finance/chart.ts';
import { postJournalEntry } from '../finance/post-entry.ts';
import { nextNumber } from '../inventory/numbering.ts';
import { postMoves, type MoveInput } from '../inventory/post-moves.ts';
import { lockOrder } from './orders.queries.ts';
import { settleOrderStatus } from './receipts.queries.ts';

type ReturnInput = z.output<typeof purchaseReturnInputSchema>;
type DocQuery = z.output<typeof purchaseDocumentQuerySchema>;

/**
 * Returns to the supplier (采购退货): goods that were accepted into stock by a posted
 * receipt go back — found faulty after the delivery, or sent in error. Posting takes
 * them out of the receipt's warehouse and batch at the stock's current cost (the
 * moves' cost, as every outbound move), reverses goods received not invoiced by the
 * same value (Dr 220201 / Cr 1405), and adds to the order lines' returned totals: what
 * is returned is outstanding again, so a received order steps back to partially
 * received (a closed order stays closed). A line can return at most what its receipt
 * line accepted less what earlier returns took.
 */
const DOC_TYPE = 'purchase_return';

const qtyText = (numeric: string) => formatQuantity(parseQuantity(numeric));
const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

interface HeadRow {
  id: string;
  order_number: string;
  receipt_number: string;
  supplier_id: string;
  warehouse_code: string;
  created_name: string | null;
  posted_name: string | null;
  line_count: string | number;
}

const headSelect = sql`SELECT t.id, o.number AS order_number, r.number AS receipt_number, o.supplier_id, w.code AS warehouse_code,
         cu.username AS created_name, pu.username AS posted_name,
         (SELECT count(*) FROM purchase_return_lines l WHERE l.return_id = t.id) AS line_count
    FROM purchase_returns t
    JOIN purchase_orders o ON o.id = t.order_id
    JOIN purchase_receipts r ON r.id = t.receipt_id
    JOIN warehouses w ON w.id = t.warehouse_id
    LEFT JOIN users cu ON cu.id = t.created_by
    LEFT JOIN users pu ON pu.id = t.posted_by`;

function headOf(t: typeof purchaseReturns.$inferSelect, h: HeadRow) {
  const user = (id: string | null, name: string | null) => (id ? { id, username: name ?? '' } : null);
  return {
    id: t.id, number: t.number, orderId: t.orderId, orderNumber: h.order_number, receiptId: t.receiptId, receiptNumber: h.receipt_number,
    supplierId: h.supplier_id, warehouseId: t.warehouseId, warehouseCode: h.warehouse_code, status: t.status, reason: t.reason, note: t.note,
    value: t.value === null ? null : Number(t.value), createdBy: user(t.createdBy, h.created_name), createdAt: t.createdAt.toISOString(),
    postedBy: user(t.postedBy, h.posted_name), postedAt: iso(t.postedAt),
  };
}

export async function getReturn(db: DbOrTx, id: string): Promise<PurchaseReturn> {
  const [t] = await db.select().from(purchaseReturns).where(eq(purchaseReturns.id, id));
  if (!t) throw new DomainError('not_found', `no purchase return ${id}`, 'id');
  const [h] = await rows<HeadRow>(db, sql`${headSelect} WHERE t.id = ${id}`);
  const lines = await db
    .select({ l: purchaseReturnLines, rl: purchaseReceiptLines, sku: products.sku, name: products.name, batchNo: batches.batchNo })
    .from(purchaseReturnLines)
    .innerJoin(purchaseReceiptLines, eq(purchaseReceiptLines.id, purchaseReturnLines.receiptLineId))
    .innerJoin(products, eq(products.id, purchaseReceiptLines.productId))
    .leftJoin(batches, eq(batches.id, purchaseReceiptLines.batchId))
    .where(eq(purchaseReturnLines.returnId, id))
    .orderBy(asc(purchaseReturnLines.lineNo));
  return {
    ...headOf(t, h!),
    lines: lines.map(({ l, rl, sku, name, batchNo }) => ({
      id: l.id, lineNo: l.lineNo, receiptLineId: l.receiptLineId, orderLineId: rl.orderLineId, productId: rl.productId, sku, name,
      batchId: rl.batchId, batchNo: batchNo ?? null, qty: qtyText(l.qty), serials: l.serials, reason: l.reason, unitCost: l.unitCost, value: l.value === null ? null : Number(l.value),
    })),
  };
}

export async function listReturns(db: DbOrTx, q: DocQuery) {
  const found = await db
    .select()
    .from(purchaseReturns)
    .where(and(q.orderId ? eq(purchaseReturns.orderId, q.orderId) : undefined, q.status ? eq(purchaseReturns.status, q.status) : undefined))
    .orderBy(desc(purchaseReturns.createdAt), desc(purchaseReturns.number))
    .limit(500);
  if (!found.length) return [];
  const heads = await rows<HeadRow>(db, sql`${headSelect} WHERE t.id IN (${sql.join(found.map((f) => sql`${f.id}`), sql`, `)})`);
  const byId = new Map(heads.map((h) => [h.id, h]));
  return found.map((t) => ({ ...headOf(t, byId.get(t.id)!), lineCount: Number(byId.get(t.id)!.line_count) }));
}

const left = (rl: typeof purchaseReceiptLines.$inferSelect) => parseQuantity(rl.qtyAccepted) - parseQuantity(rl.qtyReturned);

export async function createReturn(db: DbOrTx, input: ReturnInput, user: SessionUser, now: Date): Promise<PurchaseReturn> {
  const [receipt] = await db.select().from(purchaseReceipts).where(eq(purchaseReceipts.id, input.receiptId));
  if (!receipt) throw new DomainError('unprocessable', 'no such purchase receipt', 'receiptId');
  if (receipt.status !== 'posted') throw new DomainError('conflict', `this receipt is ${receipt.status}; only a posted receipt's goods can be returned`, 'receiptId');
  const receiptLines = await db.select().from(purchaseReceiptLines).where(eq(purchaseReceiptLines.receiptId, receipt.id));
  const lines = input.lines.map((line, i) => {
    const rl = receiptLines.find((r) => r.id === line.receiptLineId);
    if (!rl) throw new DomainError('unprocessable', `no such line on receipt ${receipt.number}`, `lines.${i}.receiptLineId`);
    if (parseQuantity(line.qty) > left(rl)) {
      throw new DomainError('unprocessable', `only ${formatQuantity(left(rl))} of this line is left to return`, `lines.${i}.qty`);
    }
    const stranger = line.serials.find((s) => !rl.serials.includes(s));
    if (stranger) throw new DomainError('validation_failed', `serial number ${stranger} did not come in on this receipt line`, `lines.${i}.serials`);
    return { id: newId(), lineNo: i + 1, receiptLineId: rl.id, qty: line.qty, reason: line.reason, serials: line.serials };
  });
  const id = newId();
  const number = await nextNumber(db, 'PRT', now.getUTCFullYear());
  await db.insert(purchaseReturns).values({
    id, number, orderId: receipt.orderId, receiptId: receipt.id, warehouseId: receipt.warehouseId, reason: input.reason, note: input.note,
    createdBy: user.id, createdAt: now,
  });
  await db.insert(purchaseReturnLines).values(lines.map((l) => ({ ...l, returnId: id })));
  await recordAudit(db, { user, action: 'create', entity: 'purchase_return', entityId: id, after: { number, ...input }, at: now });
  return getReturn(db, id);
}

export async function postReturn(db: DbOrTx, id: string, user: SessionUser, now: Date): Promise<PurchaseReturn> {
  const [doc] = await db
    .update(purchaseReturns)
    .set({ status: 'posted', postedBy: user.id, postedAt: now })
    .where(and(eq(purchaseReturns.id, id), eq(purchaseReturns.status, 'draft')))
    .returning();
  if (!doc) {
    const current = await getReturn(db, id);
    throw new DomainError('conflict', `this return is ${current.status}; only a draft can be posted`, 'status');
  }
  const order = await lockOrder(db, doc.orderId, 'orderId');
  const lines = await db.select().from(purchaseReturnLines).where(eq(purchaseReturnLines.returnId, id)).orderBy(asc(purchaseReturnLines.lineNo));

  const moves: MoveInput[] = [];
  for (const [i, line] of lines.entries()) {
    // Guarded in the database too (returned ≤ accepted); this names the line.
    const [rl] = await db
      .update(purchaseReceiptLines)
      .set({ qtyReturned: sql`${purchaseReceiptLines.qtyReturned} + ${line.qty}::numeric` })
      .where(and(eq(purchaseReceiptLines.id, line.receiptLineId), sql`${purchaseReceiptLines.qtyAccepted} - ${purchaseReceiptLines.qtyReturned} >= ${line.qty}::numeric`))
      .returning();
    if (!rl) {
      const [now_] = await db.select().from(purchaseReceiptLines).where(eq(purchaseReceiptLines.id, line.receiptLineId));
      throw new DomainError('unprocessable', `only ${formatQuantity(now_ ? left(now_) : 0)} of this line is left to return`, `lines.${i}.qty`);
    }
    await db
      .update(purchaseOrderLines)
      .set({ qtyReturned: sql`${purchaseOrderLines.qtyReturned} + ${line.qty}::numeric` })
      .where(eq(purchaseOrderLines.id, rl.orderLineId));
    moves.push({
      productId: rl.productId, warehouseId: doc.warehouseId, batchId: rl.batchId, qty: `-${qtyText(line.qty)}`, fallbackCost: rl.unitCost ?? '0',
      serials: line.serials, moveType: 'purchase_return', docType: DOC_TYPE, docId: id, userId: user.id, occurredAt: now, ref: i,
    });
  }
  const posted = await postMoves(db, moves);
  const byRef = new Map(posted.map((m) => [m.ref!, m]));
  const value = -posted.reduce((s, m) => s + m.value, 0);
  for (const [i, line] of lines.entries()) {
    const m = byRef.get(i)!;
    await db.update(purchaseReturnLines).set({ unitCost: m.unitCost, value: -m.value }).where(eq(purchaseReturnLines.id, line.id));
  }
  await db.update(purchaseReturns).set({ value }).where(eq(purchaseReturns.id, id));
  if (value > 0) {
    await postJournalEntry(db, {
      date: now.toISOString().slice(0, 10), sourceType: DOC_TYPE, sourceId: id, memo: `${doc.number} ${order.number}`, userId: user.id, postedAt: now,
      lines: [
        { accountCode: ACCOUNTS.receivedNotInvoiced.code, debit: value, credit: 0, memo: order.number },
        { accountCode: ACCOUNTS.inventory.code, debit: 0, credit: value, memo: doc.number },
      ],
    });
  }
  await settleOrderStatus(db, order.id, user, now, { docType: DOC_TYPE, docId: id });
  await recordAudit(db, {
    user, action: 'post', entity: 'purchase_return', entityId: id, before: { status: 'draft' },
    after: { status: 'posted', value, orderId: order.id, lines: lines.map((l, i) => ({ receiptLineId: l.receiptLineId, qty: qtyText(l.qty), value: -byRef.get(i)!.value })) },
    at: now,
  });
  return getReturn(db, id);
}

export async function cancelReturn(db: DbOrTx, id: string, user: SessionUser, now: Date): Promise<PurchaseReturn> {
  const [doc] = await db
    .update(purchaseReturns)
    .set({ status: 'cancelled' })
    .where(and(eq(purchaseReturns.id, id), eq(purchaseReturns.status, 'draft')))
    .returning({ id: purchaseReturns.id });
  if (!doc) {
    const current = await getReturn(db, id);
    throw new DomainError('conflict', `this return is ${current.status}; only a draft can be cancelled`, 'status');
  }
  await recordAudit(db, { user, action: 'cancel', entity: 'purchase_return', entityId: id, before: { status: 'draft' }, after: { status: 'cancelled' }, at: now });
  return getReturn(db, id);
}
