import {
  allocateFefo, formatQuantity, newId, parseQuantity, serialCountProblem,
  type SessionUser, type Transfer, type TransferLine, type transferQuerySchema, type transferReceiveRequestSchema, type transferRequestSchema, type TransferSummary,
} from '@shopbook/shared';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import { rows } from '../../db/rows.ts';
import { batches, NO_BATCH, products, transferLines, transfers, warehouses } from '../../db/schema/index.ts';
import { DomainError } from '../../http/errors.ts';
import { recordAudit } from '../audit/record.ts';
import { ACCOUNTS } from '../finance/chart.ts';
import { postJournalEntry } from '../finance/post-entry.ts';
import { nextNumber } from '../inventory/numbering.ts';
import { postMoves, type MoveInput } from '../inventory/post-moves.ts';
import { TRANSIT_CODE } from '../setup/install.ts';

type TransferInput = z.output<typeof transferRequestSchema>;
type ReceiveInput = z.output<typeof transferReceiveRequestSchema>;
type TransferQuery = z.output<typeof transferQuerySchema>;

/**
 * Transfers (调拨) move stock between two warehouses through the TRANSIT warehouse, so
 * goods on the road stay on the books:
 *
 *   draft ──ship──▶ shipped ──receive──▶ received
 *     └──cancel──▶ cancelled
 *
 * Shipping moves the lines out of the source at its average cost (`transfer_out`) and
 * into TRANSIT at that same cost (`transfer_in`): inventory to inventory, no journal
 * entry. Receiving moves what arrived out of TRANSIT and into the destination at the
 * transit cost; a shortfall leaves TRANSIT as an `adjustment` (Dr 6711 / Cr 1405) and
 * an overage comes in as found stock at the transit cost (Dr 1405 / Cr 6711).
 *
 * Each line's goods in transit are found again from the ledger: the `transfer_in` moves
 * of this document into TRANSIT, matched to lines by product and batch. The draft rule
 * (a product travels either on one first-expiry line or on named-batch lines, each batch
 * once) makes that match exact.
 */
const DOC_TYPE = 'transfer';

const qtyText = (numeric: string) => formatQuantity(parseQuantity(numeric));
const negate = (qty: string) => (qty.startsWith('-') ? qty.slice(1) : `-${qty}`);
const keyOf = (productId: string, batchId: string) => `${productId}|${batchId}`;

export async function transitWarehouseId(db: DbOrTx): Promise<string> {
  const [wh] = await db.select({ id: warehouses.id }).from(warehouses).where(and(eq(warehouses.code, TRANSIT_CODE), eq(warehouses.kind, 'transit')));
  if (!wh) throw new Error(`the ${TRANSIT_CODE} warehouse is missing; setup creates it`);
  return wh.id;
}

interface DocRow {
  id: string;
  number: string;
  from_warehouse_id: string;
  from_code: string;
  to_warehouse_id: string;
  to_code: string;
  status: Transfer['status'];
  note: string;
  created_at: string | Date;
  shipped_at: string | Date | null;
  received_at: string | Date | null;
  line_count: string | number;
}

const iso = (v: string | Date | null) => (v === null ? null : new Date(v).toISOString());

function summaryOf(r: DocRow): TransferSummary {
  return {
    id: r.id, number: r.number,
    fromWarehouseId: r.from_warehouse_id, fromWarehouseCode: r.from_code,
    toWarehouseId: r.to_warehouse_id, toWarehouseCode: r.to_code,
    status: r.status, note: r.note,
    createdAt: iso(r.created_at)!, shippedAt: iso(r.shipped_at), receivedAt: iso(r.received_at),
    lineCount: Number(r.line_count),
  };
}

const docSelect = sql`SELECT t.id, t.number, t.from_warehouse_id, fw.code AS from_code, t.to_warehouse_id, tw.code AS to_code,
         t.status, t.note, t.created_at, t.shipped_at, t.received_at,
         (SELECT count(*) FROM transfer_lines tl WHERE tl.transfer_id = t.id) AS line_count
    FROM transfers t JOIN warehouses fw ON fw.id = t.from_warehouse_id JOIN warehouses tw ON tw.id = t.to_warehouse_id`;

export async function listTransfers(db: DbOrTx, q: TransferQuery): Promise<TransferSummary[]> {
  const filters = [sql`TRUE`];
  if (q.status) filters.push(sql`t.status = ${q.status}`);
  if (q.warehouseId) filters.push(sql`(t.from_warehouse_id = ${q.warehouseId} OR t.to_warehouse_id = ${q.warehouseId})`);
  const found = await rows<DocRow>(db, sql`${docSelect} WHERE ${sql.join(filters, sql` AND `)} ORDER BY t.created_at DESC, t.number DESC LIMIT 200`);
  return found.map(summaryOf);
}

interface TransitRow {
  product_id: string;
  batch_id: string;
  batch_no: string | null;
  expiry_date: string | null;
  move_type: string;
  warehouse_id: string;
  qty: string;
  unit_cost: string;
  value: string | number;
}

/** This document's moves, with their batches, in first-expiry order (no expiry last). */
async function documentMoves(db: DbOrTx, id: string): Promise<TransitRow[]> {
  return rows<TransitRow>(
    db,
    sql`SELECT m.product_id, m.batch_id, b.batch_no, b.expiry_date::text AS expiry_date, m.move_type, m.warehouse_id,
               m.qty::text AS qty, m.unit_cost::text AS unit_cost, m.value
          FROM stock_moves m LEFT JOIN batches b ON b.id = m.batch_id
         WHERE m.doc_type = ${DOC_TYPE} AND m.doc_id = ${id}
         ORDER BY m.product_id, b.expiry_date NULLS LAST, m.batch_id, m.recorded_at, m.id`,
  );
}

/** A line owns the transit stock of its product: of its named batch, or of every batch when it went first-expiry. */
const ownedBy = (line: { productId: string; batchId: string | null }) => (m: { product_id: string; batch_id: string }) =>
  m.product_id === line.productId && (line.batchId === null || m.batch_id === line.batchId);

export async function getTransfer(db: DbOrTx, id: string): Promise<Transfer> {
  const [doc] = await rows<DocRow>(db, sql`${docSelect} WHERE t.id = ${id}`);
  if (!doc) throw new DomainError('not_found', `no transfer ${id}`, 'id');
  const lines = await db
    .select({
      id: transferLines.id, lineNo: transferLines.lineNo, productId: transferLines.productId, sku: products.sku, name: products.name, unit: products.unit,
      batchId: transferLines.batchId, batchNo: batches.batchNo, qty: transferLines.qty, qtyReceived: transferLines.qtyReceived,
      serials: transferLines.serials, serialsReceived: transferLines.serialsReceived,
    })
    .from(transferLines)
    .innerJoin(products, eq(products.id, transferLines.productId))
    .leftJoin(batches, eq(batches.id, transferLines.batchId))
    .where(eq(transferLines.transferId, id))
    .orderBy(transferLines.lineNo);
  const moves = doc.status === 'shipped' || doc.status === 'received' ? await documentMoves(db, id) : [];
  const transit = await transitWarehouseId(db);
  const shippedIn = moves.filter((m) => m.move_type === 'transfer_in' && m.warehouse_id === transit);
  const adjustmentsOf = moves.filter((m) => m.move_type === 'adjustment');
  const shipped = doc.status === 'shipped' || doc.status === 'received';
  const received = doc.status === 'received';
  const out: TransferLine[] = lines.map((l) => {
    const qty = qtyText(l.qty);
    const owns = ownedBy(l);
    const qtyReceived = received && l.qtyReceived !== null ? qtyText(l.qtyReceived) : null;
    return {
      id: l.id, lineNo: l.lineNo, productId: l.productId, sku: l.sku, name: l.name, unit: l.unit, batchId: l.batchId, batchNo: l.batchNo ?? null,
      qty,
      serials: l.serials,
      serialsReceived: l.serialsReceived,
      qtyShipped: shipped ? qty : null,
      qtyReceived,
      discrepancy: qtyReceived === null ? null : formatQuantity(parseQuantity(qtyReceived) - parseQuantity(qty)),
      discrepancyValue: received ? adjustmentsOf.filter(owns).reduce((s, m) => s + Number(m.value), 0) : null,
      shippedBatches: shippedIn.filter(owns).map((m) => ({
        batchId: m.batch_id === NO_BATCH ? null : m.batch_id, batchNo: m.batch_no, expiryDate: m.expiry_date, qty: qtyText(m.qty), unitCost: m.unit_cost,
      })),
    };
  });
  const { lineCount: _count, ...head } = summaryOf(doc);
  return { ...head, hasDiscrepancy: out.some((l) => l.discrepancy !== null && l.discrepancy !== '0'), lines: out };
}

/** A draft touches no stock; it records what someone intends to send. */
export async function createTransfer(db: DbOrTx, input: TransferInput, user: SessionUser, now: Date): Promise<Transfer> {
  for (const field of ['fromWarehouseId', 'toWarehouseId'] as const) {
    const [wh] = await db.select({ kind: warehouses.kind, active: warehouses.active }).from(warehouses).where(eq(warehouses.id, input[field]));
    if (!wh) throw new DomainError('unprocessable', 'no such warehouse', field);
    if (!wh.active) throw new DomainError('unprocessable', 'this warehouse is inactive', field);
    if (wh.kind === 'transit') throw new DomainError('unprocessable', 'the transit warehouse is not a place to send from or to; transfers pass through it', field);
  }
  const found = await db
    .select({ id: products.id, sku: products.sku, serialTracked: products.serialTracked })
    .from(products)
    .where(inArray(products.id, [...new Set(input.lines.map((l) => l.productId))]));
  input.lines.forEach((l, i) => {
    const p = found.find((f) => f.id === l.productId);
    if (!p) throw new DomainError('unprocessable', 'no such product', `lines.${i}.productId`);
    const serialProblem = serialCountProblem(p.serialTracked, l.qty, l.serials);
    if (serialProblem) throw new DomainError('validation_failed', `${p.sku}: ${serialProblem}`, `lines.${i}.serials`);
  });
  const batchIds = [...new Set(input.lines.flatMap((l) => (l.batchId ? [l.batchId] : [])))];
  if (batchIds.length) {
    const known = await db.select({ id: batches.id, productId: batches.productId }).from(batches).where(inArray(batches.id, batchIds));
    const bad = input.lines.findIndex((l) => l.batchId !== null && !known.some((b) => b.id === l.batchId && b.productId === l.productId));
    if (bad >= 0) throw new DomainError('unprocessable', 'no such batch of this product', `lines.${bad}.batchId`);
  }

  const id = newId();
  const number = await nextNumber(db, 'TRF', now.getUTCFullYear());
  await db.insert(transfers).values({
    id, number, fromWarehouseId: input.fromWarehouseId, toWarehouseId: input.toWarehouseId, note: input.note, createdBy: user.id, createdAt: now,
  });
  await db.insert(transferLines).values(
    input.lines.map((l, i) => ({ id: newId(), transferId: id, lineNo: i + 1, productId: l.productId, batchId: l.batchId, qty: l.qty, serials: l.serials })),
  );
  await recordAudit(db, { user, action: 'create', entity: 'transfer', entityId: id, after: { number, ...input }, at: now });
  return getTransfer(db, id);
}

/**
 * Flips the status only if it is still `from`, so two people acting on one document at
 * once act once; the loser learns why (404 or 409) and nothing changes.
 */
async function flip(
  db: DbOrTx, id: string, from: 'draft' | 'shipped', set: Partial<typeof transfers.$inferInsert>, verb: string,
) {
  const [doc] = await db
    .update(transfers)
    .set(set)
    .where(and(eq(transfers.id, id), eq(transfers.status, from)))
    .returning({ id: transfers.id, number: transfers.number, fromWarehouseId: transfers.fromWarehouseId, toWarehouseId: transfers.toWarehouseId });
  if (doc) return doc;
  const [exists] = await db.select({ status: transfers.status }).from(transfers).where(eq(transfers.id, id));
  if (!exists) throw new DomainError('not_found', `no transfer ${id}`, 'id');
  throw new DomainError('conflict', `this transfer is ${exists.status}; only a ${from} transfer can be ${verb}`, 'status');
}

interface LockedLevel {
  product_id: string;
  warehouse_id: string;
  batch_id: string;
  qty: string;
  expiry_date: string | null;
}

/**
 * Locks the existing levels of these products in these warehouses, in the ledger's key
 * order (product, warehouse, batch) — the order postMoves takes its locks in — so a
 * shipment and a receipt crossing the same warehouses cannot deadlock, and a
 * concurrent shipment of the same stock waits here and then sees what is left.
 */
async function lockLevels(db: DbOrTx, productIds: readonly string[], warehouseIds: readonly string[]): Promise<LockedLevel[]> {
  return rows<LockedLevel>(
    db,
    sql`SELECT l.product_id, l.warehouse_id, l.batch_id, l.qty::text AS qty, b.expiry_date::text AS expiry_date
          FROM stock_levels l LEFT JOIN batches b ON b.id = l.batch_id
         WHERE l.product_id IN (${sql.join(productIds.map((p) => sql`${p}`), sql`, `)})
           AND l.warehouse_id IN (${sql.join(warehouseIds.map((w) => sql`${w}`), sql`, `)})
         ORDER BY l.product_id, l.warehouse_id, l.batch_id
         FOR UPDATE OF l`,
  );
}

/**
 * Ships a draft: every line leaves the source and enters TRANSIT at the source's
 * average cost. A batch-tracked product without a named batch is taken first expiry
 * first out; what its batches cannot cover is taken from its no-batch stock, which the
 * warehouse may or may not let go negative.
 */
export async function shipTransfer(db: DbOrTx, id: string, user: SessionUser, now: Date): Promise<Transfer> {
  const doc = await flip(db, id, 'draft', { status: 'shipped', shippedBy: user.id, shippedAt: now }, 'shipped');
  const transit = await transitWarehouseId(db);
  const [source] = await db.select({ code: warehouses.code, allowNegative: warehouses.allowNegativeStock }).from(warehouses).where(eq(warehouses.id, doc.fromWarehouseId));
  const lines = await db
    .select({ line: transferLines, sku: products.sku, batchTracked: products.batchTracked, purchasePrice: products.purchasePrice })
    .from(transferLines)
    .innerJoin(products, eq(products.id, transferLines.productId))
    .where(eq(transferLines.transferId, id))
    .orderBy(transferLines.lineNo);
  const productIds = [...new Set(lines.map((l) => l.line.productId))].sort();
  const levels = await lockLevels(db, productIds, [doc.fromWarehouseId, transit]);
  const onHand = (productId: string, batchId: string) =>
    parseQuantity(levels.find((l) => l.product_id === productId && l.warehouse_id === doc.fromWarehouseId && l.batch_id === batchId)?.qty ?? '0');

  const outs: MoveInput[] = [];
  for (const [i, { line, sku, batchTracked, purchasePrice }] of lines.entries()) {
    const wanted = parseQuantity(line.qty);
    const take = new Map<string, number>();
    if (batchTracked && line.batchId === null) {
      // The levels were locked in key order; allocateFefo takes them by expiry (none last),
      // then batch id — the SQL order `expiry_date NULLS LAST, batch_id` — skipping empty ones.
      const { allocations, shortfall } = allocateFefo(
        levels
          .filter((l) => l.product_id === line.productId && l.warehouse_id === doc.fromWarehouseId)
          .map((l) => ({ batchId: l.batch_id, expiryDate: l.expiry_date, qty: parseQuantity(l.qty) })),
        wanted,
      );
      for (const a of allocations) take.set(a.batchId, a.qty);
      if (shortfall > 0) take.set(NO_BATCH, (take.get(NO_BATCH) ?? 0) + shortfall);
    } else {
      take.set(line.batchId ?? NO_BATCH, wanted);
    }
    // A serial-tracked line's units go with its parts in order (whole units each).
    let unitsGiven = 0;
    for (const [batchId, qty] of take) {
      // postMoves refuses this too; checking here names the line.
      if (!source!.allowNegative && onHand(line.productId, batchId) < qty) {
        throw new DomainError('unprocessable', `not enough ${sku} in ${source!.code} to ship ${qtyText(line.qty)}; this warehouse forbids negative stock`, `lines.${i}.qty`);
      }
      const serials = line.serials.length ? line.serials.slice(unitsGiven, unitsGiven + Math.round(qty / 1000)) : undefined;
      unitsGiven += serials?.length ?? 0;
      outs.push({
        productId: line.productId, warehouseId: doc.fromWarehouseId, batchId, qty: `-${formatQuantity(qty)}`, ref: i, ...(serials ? { serials } : {}),
        fallbackCost: String(purchasePrice), moveType: 'transfer_out', docType: DOC_TYPE, docId: id, userId: user.id, occurredAt: now,
      });
    }
  }
  const left = await postMoves(db, outs);
  const serialsOf = new Map(outs.map((o) => [`${o.productId}|${o.batchId}`, o.serials]));
  // Into transit at exactly the cost it left at, so the two values cancel and the books need no entry.
  await postMoves(
    db,
    left.map((m) => ({
      productId: m.productId, warehouseId: transit, batchId: m.batchId, qty: negate(m.qty), unitCost: m.unitCost, ref: m.ref,
      ...(serialsOf.get(`${m.productId}|${m.batchId}`) ? { serials: serialsOf.get(`${m.productId}|${m.batchId}`) } : {}),
      moveType: 'transfer_in', docType: DOC_TYPE, docId: id, userId: user.id, occurredAt: now,
    })),
  );
  await recordAudit(db, {
    user, action: 'ship', entity: 'transfer', entityId: id, before: { status: 'draft' },
    after: { status: 'shipped', moves: left.map((m) => ({ productId: m.productId, batchId: m.batchId, qty: negate(m.qty), unitCost: m.unitCost })) },
    at: now,
  });
  return getTransfer(db, id);
}

/**
 * Receives a shipped transfer. Every line must be given. What arrived of a line fills
 * its batches in first-expiry order; the shortfall is taken from the latest-expiring
 * ones, and an overage is added to the last.
 */
export async function receiveTransfer(db: DbOrTx, id: string, input: ReceiveInput, user: SessionUser, now: Date): Promise<Transfer> {
  const doc = await flip(db, id, 'shipped', { status: 'received', receivedBy: user.id, receivedAt: now }, 'received');
  const lines = await db
    .select({ line: transferLines, sku: products.sku, purchasePrice: products.purchasePrice })
    .from(transferLines)
    .innerJoin(products, eq(products.id, transferLines.productId))
    .where(eq(transferLines.transferId, id))
    .orderBy(transferLines.lineNo);
  const unknown = input.lines.findIndex((g) => !lines.some((l) => l.line.id === g.lineId));
  if (unknown >= 0) throw new DomainError('unprocessable', 'no such line on this transfer', `lines.${unknown}.lineId`);
  const notGiven = lines.filter((l) => !input.lines.some((g) => g.lineId === l.line.id));
  if (notGiven.length) {
    throw new DomainError('unprocessable', `give the received quantity of every line; missing line ${notGiven.map((l) => l.line.lineNo).join(', ')}`, 'lines');
  }
  const receivedOf = new Map(input.lines.map((g) => [g.lineId, parseQuantity(g.qtyReceived)]));
  const arrivedSerials = new Map<string, string[]>();
  for (const [i, given] of input.lines.entries()) {
    const { line, sku } = lines.find((l) => l.line.id === given.lineId)!;
    const serials = serialsArrived(line, given, sku, i);
    if (serials) arrivedSerials.set(line.id, serials);
  }
  for (const { line } of lines) {
    await db
      .update(transferLines)
      .set({ qtyReceived: formatQuantity(receivedOf.get(line.id)!), serialsReceived: arrivedSerials.get(line.id) ?? [] })
      .where(eq(transferLines.id, line.id));
  }

  const transit = await transitWarehouseId(db);
  await lockLevels(db, [...new Set(lines.map((l) => l.line.productId))].sort(), [transit, doc.toWarehouseId]);
  const inTransit = (await documentMoves(db, id)).filter((m) => m.move_type === 'transfer_in' && m.warehouse_id === transit);

  const base = { docType: DOC_TYPE, docId: id, userId: user.id, occurredAt: now };
  const outOfTransit: MoveInput[] = [];
  const lostOnTheWay: MoveInput[] = [];
  const arrivals: MoveInput[] = [];
  const overages: MoveInput[] = [];
  const unitBatch = await transitBatchOfUnits(db, transit, lines.flatMap((l) => l.line.serials.map((s) => ({ productId: l.line.productId, serial: s }))));
  for (const [index, { line, purchasePrice }] of lines.entries()) {
    const pools = inTransit.filter(ownedBy(line)); // first-expiry order
    let remaining = receivedOf.get(line.id)!;
    const arrivedUnits = arrivedSerials.get(line.id);
    for (const [p, pool] of pools.entries()) {
      const shipped = parseQuantity(pool.qty);
      // A serial-tracked line: the units named arrived, wherever they sit among its batches.
      const poolUnits = arrivedUnits ? line.serials.filter((s) => unitBatch.get(`${line.productId}|${s}`) === pool.batch_id) : [];
      const unitsIn = poolUnits.filter((s) => arrivedUnits!.includes(s));
      const unitsLost = poolUnits.filter((s) => !arrivedUnits!.includes(s));
      const arrived = arrivedUnits ? unitsIn.length * 1000 : Math.min(shipped, remaining);
      remaining -= arrived;
      const missing = shipped - arrived;
      const fromTransit = { ...base, productId: line.productId, warehouseId: transit, batchId: pool.batch_id, fallbackCost: String(purchasePrice), ref: index };
      const intoDestination = { ...base, productId: line.productId, warehouseId: doc.toWarehouseId, batchId: pool.batch_id, ref: index };
      const withUnits = (units: string[]) => (arrivedUnits ? { serials: units } : {});
      if (arrived > 0) {
        outOfTransit.push({ ...fromTransit, qty: `-${formatQuantity(arrived)}`, moveType: 'transfer_out', ...withUnits(unitsIn) });
        arrivals.push({ ...intoDestination, qty: formatQuantity(arrived), moveType: 'transfer_in', ...withUnits(unitsIn) });
      }
      // Lost on the way: written off out of transit at its cost there.
      if (missing > 0) lostOnTheWay.push({ ...fromTransit, qty: `-${formatQuantity(missing)}`, moveType: 'adjustment', ...withUnits(unitsLost) });
      // More arrived than was sent: found stock on the last batch, at the transit cost.
      if (p === pools.length - 1 && remaining > 0) {
        overages.push({ ...intoDestination, qty: formatQuantity(remaining), moveType: 'adjustment' });
        remaining = 0;
      }
    }
  }
  // Out of transit at its cost there (its average), and into the destination at that same cost.
  const left = await postMoves(db, outOfTransit);
  const transitCost = new Map(left.map((m) => [keyOf(m.productId, m.batchId), m.unitCost]));
  const costOf = (m: MoveInput) => {
    const cost = transitCost.get(keyOf(m.productId, m.batchId!));
    if (cost === undefined) throw new Error(`no transit cost for ${m.productId} batch ${m.batchId}`);
    return cost;
  };
  await postMoves(db, arrivals.map((m) => ({ ...m, unitCost: costOf(m) })));
  const lost = -(await postMoves(db, lostOnTheWay)).reduce((s, m) => s + m.value, 0);
  const found = (await postMoves(db, overages.map((m) => ({ ...m, unitCost: costOf(m) })))).reduce((s, m) => s + m.value, 0);

  const inv = ACCOUNTS.inventory.code;
  const adj = ACCOUNTS.adjustments.code;
  const entry = [
    ...(lost > 0 ? [{ accountCode: adj, debit: lost, credit: 0, memo: 'short on arrival' }, { accountCode: inv, debit: 0, credit: lost, memo: 'short on arrival' }] : []),
    ...(found > 0 ? [{ accountCode: inv, debit: found, credit: 0, memo: 'over on arrival' }, { accountCode: adj, debit: 0, credit: found, memo: 'over on arrival' }] : []),
  ];
  if (entry.length) {
    await postJournalEntry(db, { date: now.toISOString().slice(0, 10), sourceType: DOC_TYPE, sourceId: id, memo: doc.number, userId: user.id, postedAt: now, lines: entry });
  }
  const result = await getTransfer(db, id);
  await recordAudit(db, {
    user, action: 'receive', entity: 'transfer', entityId: id, before: { status: 'shipped' },
    after: {
      status: 'received', lost, found,
      lines: result.lines.map((l) => ({ lineId: l.id, shipped: l.qtyShipped, received: l.qtyReceived, discrepancy: l.discrepancy })),
    },
    at: now,
  });
  return result;
}

/**
 * The units of a serial-tracked line that arrived: those named, or all that were sent
 * when the whole line arrived. More units than were sent cannot arrive: extra units
 * come in by a goods receipt or an adjustment, with their own serials.
 */
function serialsArrived(
  line: typeof transferLines.$inferSelect, given: { qtyReceived: string; serials?: string[] | undefined }, sku: string, i: number,
): string[] | null {
  if (line.serials.length === 0) {
    if (given.serials?.length) throw new DomainError('validation_failed', `${sku} was sent without serial numbers`, `lines.${i}.serials`);
    return null;
  }
  const received = parseQuantity(given.qtyReceived);
  if (received > parseQuantity(line.qty)) {
    throw new DomainError('unprocessable', `${sku}: more units than were sent cannot arrive; receive extra units with their serial numbers by a goods receipt`, `lines.${i}.qtyReceived`);
  }
  const serials = given.serials ?? (received === parseQuantity(line.qty) ? line.serials : []);
  const problem = serialCountProblem(true, given.qtyReceived, serials);
  if (problem) throw new DomainError('validation_failed', `${sku}: ${problem}`, `lines.${i}.serials`);
  const stranger = serials.find((s) => !line.serials.includes(s));
  if (stranger) throw new DomainError('validation_failed', `serial number ${stranger} was not sent on this line`, `lines.${i}.serials`);
  return serials;
}

/** Which batch each unit sits in, in transit. */
async function transitBatchOfUnits(db: DbOrTx, transit: string, units: { productId: string; serial: string }[]): Promise<Map<string, string>> {
  if (units.length === 0) return new Map();
  const found = await rows<{ product_id: string; serial: string; batch_id: string | null }>(
    db,
    sql`SELECT product_id, serial, batch_id FROM serial_numbers
         WHERE warehouse_id = ${transit} AND (product_id, serial) IN (${sql.join(units.map((u) => sql`(${u.productId}::uuid, ${u.serial}::text)`), sql`, `)})`,
  );
  return new Map(found.map((u) => [`${u.product_id}|${u.serial}`, u.batch_id ?? NO_BATCH]));
}

export async function cancelTransfer(db: DbOrTx, id: string, user: SessionUser, now: Date): Promise<Transfer> {
  await flip(db, id, 'draft', { status: 'cancelled' }, 'cancelled');
  await recordAudit(db, { user, action: 'cancel', entity: 'transfer', entityId: id, before: { status: 'draft' }, after: { status: 'cancelled' }, at: now });
  return getTransfer(db, id);
}
