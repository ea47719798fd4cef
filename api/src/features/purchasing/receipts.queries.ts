import {
  serialCountProblem,
  canTakeStep, formatQuantity, isOverReceipt, newId, OVER_RECEIPT_TOLERANCE_BP, parseQuantity, receivingStatus,
  type PurchaseReceipt, type purchaseDocumentQuerySchema, type purchaseReceiptInputSchema, type SessionUser,
} from '@shopbook/shared';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import { rows } from '../../db/rows.ts';
import { batches, products, purchaseOrderLines, purchaseOrders, purchaseReceiptLines, purchaseReceipts, warehouses } from '../../db/schema/index.ts';
import { DomainError } from '../../http/errors.ts';
import { recordAudit } from '../audit/record.ts';
import { ACCOUNTS } from '../finance/chart.ts';
import { postJournalEntry } from '../finance/post-entry.ts';
import { nextNumber } from '../inventory/numbering.ts';
import { postMoves, type MoveInput } from '../inventory/post-moves.ts';
import { lockOrder, wrongStatus } from './orders.queries.ts';

type ReceiptInput = z.output<typeof purchaseReceiptInputSchema>;
type DocQuery = z.output<typeof purchaseDocumentQuerySchema>;

/**
 * Goods receipts against a purchase order (采购入库). A draft records what arrived per
 * order line, in stock units: received = accepted + rejected. Posting
 *
 * - brings the accepted quantities into the chosen warehouse (batches created on first
 *   sight) at the order line's unit cost: the order price per purchase unit, converted
 *   at the order's exchange rate and divided by the pack size (base currency, 4
 *   decimals); postMoves moves the weighted average;
 * - books Dr 1405 inventory / Cr 220201 goods received not invoiced by the value of
 *   those moves, tax-exclusive (input VAT is booked when the supplier's invoice comes);
 * - adds to the order lines' received and rejected totals and moves the order to
 *   partially received or received.
 *
 * Rejected goods never enter stock and stay outstanding on the order (the supplier owes
 * them) until it is closed. Accepting more than the 5 % over-receipt tolerance of a line
 * needs purchasing.approve from whoever posts.
 */
const DOC_TYPE = 'purchase_receipt';

const qtyText = (numeric: string) => formatQuantity(parseQuantity(numeric));
const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

interface HeadRow {
  order_number: string;
  supplier_id: string;
  warehouse_code: string;
  created_name: string | null;
  posted_name: string | null;
  line_count: string | number;
}

const headSelect = sql`SELECT r.id, o.number AS order_number, o.supplier_id, w.code AS warehouse_code, cu.username AS created_name, pu.username AS posted_name,
         (SELECT count(*) FROM purchase_receipt_lines l WHERE l.receipt_id = r.id) AS line_count
    FROM purchase_receipts r
    JOIN purchase_orders o ON o.id = r.order_id
    JOIN warehouses w ON w.id = r.warehouse_id
    LEFT JOIN users cu ON cu.id = r.created_by
    LEFT JOIN users pu ON pu.id = r.posted_by`;

function headOf(r: typeof purchaseReceipts.$inferSelect, h: HeadRow) {
  const user = (id: string | null, name: string | null) => (id ? { id, username: name ?? '' } : null);
  return {
    id: r.id, number: r.number, orderId: r.orderId, orderNumber: h.order_number, supplierId: h.supplier_id, warehouseId: r.warehouseId,
    warehouseCode: h.warehouse_code, status: r.status, reference: r.reference, note: r.note, value: r.value === null ? null : Number(r.value),
    createdBy: user(r.createdBy, h.created_name), createdAt: r.createdAt.toISOString(), postedBy: user(r.postedBy, h.posted_name), postedAt: iso(r.postedAt),
  };
}

export async function getReceipt(db: DbOrTx, id: string): Promise<PurchaseReceipt> {
  const [r] = await db.select().from(purchaseReceipts).where(eq(purchaseReceipts.id, id));
  if (!r) throw new DomainError('not_found', `no purchase receipt ${id}`, 'id');
  const [h] = await rows<HeadRow>(db, sql`${headSelect} WHERE r.id = ${id}`);
  const lines = await db
    .select({ l: purchaseReceiptLines, sku: products.sku, name: products.name, ol: purchaseOrderLines })
    .from(purchaseReceiptLines)
    .innerJoin(products, eq(products.id, purchaseReceiptLines.productId))
    .innerJoin(purchaseOrderLines, eq(purchaseOrderLines.id, purchaseReceiptLines.orderLineId))
    .where(eq(purchaseReceiptLines.receiptId, id))
    .orderBy(asc(purchaseReceiptLines.lineNo));
  // A draft is over the tolerance when, posted now, it would take its order line over; a posted one records whether it did.
  const acceptedHere = new Map<string, number>();
  for (const { l } of lines) acceptedHere.set(l.orderLineId, (acceptedHere.get(l.orderLineId) ?? 0) + parseQuantity(l.qtyAccepted));
  const over = (l: typeof purchaseReceiptLines.$inferSelect, ol: typeof purchaseOrderLines.$inferSelect) => {
    if (r.status !== 'draft') return l.overReceipt;
    const net = parseQuantity(ol.qtyReceived) - parseQuantity(ol.qtyReturned);
    return parseQuantity(l.qtyAccepted) > 0 && isOverReceipt(parseQuantity(ol.stockQty), net + (acceptedHere.get(ol.id) ?? 0));
  };
  return {
    ...headOf(r, h!),
    lines: lines.map(({ l, sku, name, ol }) => ({
      id: l.id, lineNo: l.lineNo, orderLineId: l.orderLineId, productId: l.productId, sku, name,
      qtyReceived: qtyText(l.qtyReceived), qtyAccepted: qtyText(l.qtyAccepted), qtyRejected: qtyText(l.qtyRejected), rejectReason: l.rejectReason,
      qtyReturned: qtyText(l.qtyReturned), batchNo: l.batchNo, productionDate: l.productionDate, expiryDate: l.expiryDate, serials: l.serials,
      batchId: l.batchId, unitCost: l.unitCost, value: l.value === null ? null : Number(l.value),
      overReceipt: over(l, ol),
    })),
  };
}

export async function listReceipts(db: DbOrTx, q: DocQuery) {
  const found = await db
    .select()
    .from(purchaseReceipts)
    .where(and(q.orderId ? eq(purchaseReceipts.orderId, q.orderId) : undefined, q.status ? eq(purchaseReceipts.status, q.status) : undefined))
    .orderBy(desc(purchaseReceipts.createdAt), desc(purchaseReceipts.number))
    .limit(500);
  if (!found.length) return [];
  const heads = await rows<HeadRow & { id: string }>(db, sql`${headSelect} WHERE r.id IN (${sql.join(found.map((f) => sql`${f.id}`), sql`, `)})`);
  const byId = new Map(heads.map((h) => [h.id, h]));
  return found.map((r) => ({ ...headOf(r, byId.get(r.id)!), lineCount: Number(byId.get(r.id)!.line_count) }));
}

/** Batch-tracked products need a batch number when anything is accepted, and an expiry date when expiry is tracked. */
export async function createReceipt(db: DbOrTx, input: ReceiptInput, user: SessionUser, now: Date): Promise<PurchaseReceipt> {
  const [order] = await db.select().from(purchaseOrders).where(eq(purchaseOrders.id, input.orderId));
  if (!order) throw new DomainError('unprocessable', 'no such purchase order', 'orderId');
  if (!canTakeStep('receive', order.status)) throw wrongStatus('receive', order.status, 'orderId');
  const [wh] = await db.select({ kind: warehouses.kind, active: warehouses.active }).from(warehouses).where(eq(warehouses.id, input.warehouseId));
  if (!wh) throw new DomainError('unprocessable', 'no such warehouse', 'warehouseId');
  if (!wh.active) throw new DomainError('unprocessable', 'this warehouse is inactive', 'warehouseId');
  if (wh.kind === 'transit') throw new DomainError('unprocessable', 'goods cannot be received into the transit warehouse', 'warehouseId');

  const orderLines = await db
    .select({ l: purchaseOrderLines, sku: products.sku, batchTracked: products.batchTracked, tracksExpiry: products.tracksExpiry, serialTracked: products.serialTracked })
    .from(purchaseOrderLines)
    .innerJoin(products, eq(products.id, purchaseOrderLines.productId))
    .where(eq(purchaseOrderLines.orderId, order.id));
  const seen = new Set<string>();
  const lines = input.lines.map((line, i) => {
    const field = (f: string) => `lines.${i}.${f}`;
    const ol = orderLines.find((o) => o.l.id === line.orderLineId);
    if (!ol) throw new DomainError('unprocessable', `no such line on order ${order.number}`, field('orderLineId'));
    const key = `${line.orderLineId}|${line.batchNo ?? ''}`;
    if (seen.has(key)) throw new DomainError('validation_failed', 'this order line (and batch) is listed twice; merge the lines', field('orderLineId'));
    seen.add(key);
    const accepted = parseQuantity(line.qtyReceived) - parseQuantity(line.qtyRejected);
    if (ol.batchTracked && accepted > 0 && !line.batchNo) throw new DomainError('validation_failed', `${ol.sku} is batch-tracked: give a batch number`, field('batchNo'));
    if (ol.tracksExpiry && accepted > 0 && !line.expiryDate) throw new DomainError('validation_failed', `${ol.sku} tracks expiry: give an expiry date`, field('expiryDate'));
    if (!ol.batchTracked && line.batchNo) throw new DomainError('validation_failed', `${ol.sku} is not batch-tracked`, field('batchNo'));
    const serialProblem = serialCountProblem(ol.serialTracked, formatQuantity(accepted), line.serials);
    if (serialProblem) throw new DomainError('validation_failed', `${ol.sku}: ${serialProblem}`, field('serials'));
    return {
      id: newId(), lineNo: i + 1, orderLineId: line.orderLineId, productId: ol.l.productId,
      qtyReceived: line.qtyReceived, qtyAccepted: formatQuantity(accepted), qtyRejected: line.qtyRejected, rejectReason: line.rejectReason,
      batchNo: line.batchNo, productionDate: line.productionDate, expiryDate: line.expiryDate, serials: line.serials,
    };
  });
  const id = newId();
  const number = await nextNumber(db, 'GRN', now.getUTCFullYear());
  await db.insert(purchaseReceipts).values({
    id, number, orderId: order.id, warehouseId: input.warehouseId, reference: input.reference, note: input.note, createdBy: user.id, createdAt: now,
  });
  await db.insert(purchaseReceiptLines).values(lines.map((l) => ({ ...l, receiptId: id })));
  await recordAudit(db, { user, action: 'create', entity: 'purchase_receipt', entityId: id, after: { number, ...input }, at: now });
  return getReceipt(db, id);
}

async function batchIdFor(db: DbOrTx, line: typeof purchaseReceiptLines.$inferSelect, now: Date): Promise<string> {
  const [existing] = await db.select().from(batches).where(and(eq(batches.productId, line.productId), eq(batches.batchNo, line.batchNo!)));
  if (existing) {
    if (line.expiryDate && existing.expiryDate && existing.expiryDate !== line.expiryDate) {
      throw new DomainError('conflict', `batch ${line.batchNo} already exists with expiry ${existing.expiryDate}`, `lines.${line.lineNo - 1}.expiryDate`);
    }
    return existing.id;
  }
  const id = newId();
  await db.insert(batches).values({ id, productId: line.productId, batchNo: line.batchNo!, productionDate: line.productionDate, expiryDate: line.expiryDate, createdAt: now });
  return id;
}

/** Recomputes where receipts and returns leave an order still being received; closed orders stay closed. */
export async function settleOrderStatus(db: DbOrTx, orderId: string, user: SessionUser, now: Date, cause: { docType: string; docId: string }) {
  const [o] = await db.select({ status: purchaseOrders.status }).from(purchaseOrders).where(eq(purchaseOrders.id, orderId));
  if (!o || !['sent', 'partially_received', 'received'].includes(o.status)) return;
  const lines = await db.select().from(purchaseOrderLines).where(eq(purchaseOrderLines.orderId, orderId));
  const next = receivingStatus(
    lines.map((l) => ({ ordered: parseQuantity(l.stockQty), accepted: parseQuantity(l.qtyReceived), returned: parseQuantity(l.qtyReturned) })),
  );
  if (next === o.status) return;
  await db.update(purchaseOrders).set({ status: next, updatedAt: now }).where(eq(purchaseOrders.id, orderId));
  await recordAudit(db, { user, action: 'receive', entity: 'purchase_order', entityId: orderId, before: { status: o.status }, after: { status: next, ...cause }, at: now });
}

export async function postReceipt(db: DbOrTx, id: string, user: SessionUser, now: Date): Promise<PurchaseReceipt> {
  const [doc] = await db
    .update(purchaseReceipts)
    .set({ status: 'posted', postedBy: user.id, postedAt: now })
    .where(and(eq(purchaseReceipts.id, id), eq(purchaseReceipts.status, 'draft')))
    .returning();
  if (!doc) {
    const current = await getReceipt(db, id);
    throw new DomainError('conflict', `this receipt is ${current.status}; only a draft can be posted`, 'status');
  }
  const order = await lockOrder(db, doc.orderId, 'orderId');
  if (!canTakeStep('receive', order.status)) throw wrongStatus('receive', order.status, 'orderId');

  const lines = await db.select().from(purchaseReceiptLines).where(eq(purchaseReceiptLines.receiptId, id)).orderBy(asc(purchaseReceiptLines.lineNo));
  const orderLines = await db
    .select({ l: purchaseOrderLines, sku: products.sku })
    .from(purchaseOrderLines)
    .innerJoin(products, eq(products.id, purchaseOrderLines.productId))
    .where(inArray(purchaseOrderLines.id, [...new Set(lines.map((l) => l.orderLineId))]));
  const orderLine = (lineId: string) => orderLines.find((o) => o.l.id === lineId)!;

  // Over-receipt: the net accepted after this receipt, per order line, against the tolerance.
  const acceptedBy = new Map<string, number>();
  for (const l of lines) acceptedBy.set(l.orderLineId, (acceptedBy.get(l.orderLineId) ?? 0) + parseQuantity(l.qtyAccepted));
  const overReceived: string[] = [];
  for (const [lineId, accepted] of acceptedBy) {
    const { l: ol, sku } = orderLine(lineId);
    const netAfter = parseQuantity(ol.qtyReceived) - parseQuantity(ol.qtyReturned) + accepted;
    if (accepted > 0 && isOverReceipt(parseQuantity(ol.stockQty), netAfter)) overReceived.push(lineId);
    if (accepted > 0 && isOverReceipt(parseQuantity(ol.stockQty), netAfter) && !user.permissions.includes('purchasing.approve')) {
      const index = lines.findIndex((l) => l.orderLineId === lineId);
      throw new DomainError(
        'forbidden',
        `accepting ${formatQuantity(netAfter)} of ${sku} against ${qtyText(ol.stockQty)} ordered is beyond the ${OVER_RECEIPT_TOLERANCE_BP / 100} % over-receipt tolerance; posting it needs purchasing.approve`,
        `lines.${index}.qtyAccepted`,
      );
    }
  }

  const moves: MoveInput[] = [];
  const batchOf = new Map<string, string | null>();
  for (const [i, line] of lines.entries()) {
    const batchId = line.batchNo && parseQuantity(line.qtyAccepted) > 0 ? await batchIdFor(db, line, now) : null;
    batchOf.set(line.id, batchId);
    if (parseQuantity(line.qtyAccepted) === 0) continue;
    moves.push({
      productId: line.productId, warehouseId: doc.warehouseId, batchId, qty: qtyText(line.qtyAccepted), unitCost: orderLine(line.orderLineId).l.unitCost,
      serials: line.serials, moveType: 'receipt', docType: DOC_TYPE, docId: id, userId: user.id, occurredAt: now, ref: i,
    });
  }
  const posted = await postMoves(db, moves);
  const valueOf = new Map(posted.map((m) => [m.ref!, m.value]));
  const value = posted.reduce((s, m) => s + m.value, 0);

  for (const [i, line] of lines.entries()) {
    await db
      .update(purchaseReceiptLines)
      .set({
        batchId: batchOf.get(line.id) ?? null, unitCost: orderLine(line.orderLineId).l.unitCost, value: valueOf.get(i) ?? 0,
        overReceipt: parseQuantity(line.qtyAccepted) > 0 && overReceived.includes(line.orderLineId),
      })
      .where(eq(purchaseReceiptLines.id, line.id));
    await db
      .update(purchaseOrderLines)
      .set({
        qtyReceived: sql`${purchaseOrderLines.qtyReceived} + ${line.qtyAccepted}::numeric`,
        qtyRejected: sql`${purchaseOrderLines.qtyRejected} + ${line.qtyRejected}::numeric`,
      })
      .where(eq(purchaseOrderLines.id, line.orderLineId));
  }
  await db.update(purchaseReceipts).set({ value }).where(eq(purchaseReceipts.id, id));
  if (value > 0) {
    await postJournalEntry(db, {
      date: now.toISOString().slice(0, 10), sourceType: DOC_TYPE, sourceId: id, memo: `${doc.number} ${order.number}`, userId: user.id, postedAt: now,
      lines: [
        { accountCode: ACCOUNTS.inventory.code, debit: value, credit: 0, memo: doc.number },
        { accountCode: ACCOUNTS.receivedNotInvoiced.code, debit: 0, credit: value, memo: order.number },
      ],
    });
  }
  await settleOrderStatus(db, order.id, user, now, { docType: DOC_TYPE, docId: id });
  await recordAudit(db, {
    user, action: 'post', entity: 'purchase_receipt', entityId: id, before: { status: 'draft' },
    after: {
      status: 'posted', value, orderId: order.id, overReceiptApproved: overReceived,
      lines: lines.map((l, i) => ({ orderLineId: l.orderLineId, accepted: qtyText(l.qtyAccepted), rejected: qtyText(l.qtyRejected), rejectReason: l.rejectReason, value: valueOf.get(i) ?? 0 })),
    },
    at: now,
  });
  return getReceipt(db, id);
}

export async function cancelReceipt(db: DbOrTx, id: string, user: SessionUser, now: Date): Promise<PurchaseReceipt> {
  const [doc] = await db
    .update(purchaseReceipts)
    .set({ status: 'cancelled' })
    .where(and(eq(purchaseReceipts.id, id), eq(purchaseReceipts.status, 'draft')))
    .returning({ id: purchaseReceipts.id });
  if (!doc) {
    const current = await getReceipt(db, id);
    throw new DomainError('conflict', `this receipt is ${current.status}; only a draft can be cancelled (a posted one is undone by a return)`, 'status');
  }
  await recordAudit(db, { user, action: 'cancel', entity: 'purchase_receipt', entityId: id, before: { status: 'draft' }, after: { status: 'cancelled' }, at: now });
  return getReceipt(db, id);
}
