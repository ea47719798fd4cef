import {
  countVariance, formatQuantity, mergeCounts, newId, parseQuantity, parseUnitCost4, varianceValue,
  type MergedCount, type SessionUser, type StockTake, type StockTakeCountResponse, type stockTakeCountRequestSchema, type StockTakeLine,
  type stockTakeQuerySchema, type stockTakeRequestSchema, type StockTakeSummary,
} from '@shopbook/shared';
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import { rows } from '../../db/rows.ts';
import { batches, categories, NO_BATCH, productBarcodes, products, stockTakeCounts, stockTakeLines, stockTakes, warehouses } from '../../db/schema/index.ts';
import { DomainError } from '../../http/errors.ts';
import { recordAudit } from '../audit/record.ts';
import { ACCOUNTS } from '../finance/chart.ts';
import { postJournalEntry } from '../finance/post-entry.ts';
import { nextNumber } from '../inventory/numbering.ts';
import { postMoves, type MoveInput } from '../inventory/post-moves.ts';

type StockTakeInput = z.output<typeof stockTakeRequestSchema>;
type CountInput = z.output<typeof stockTakeCountRequestSchema>;
type StockTakeQuery = z.output<typeof stockTakeQuerySchema>;

/**
 * Stock-takes (盘点): a count of one warehouse, whole or one category subtree, against
 * the book quantities frozen when it started.
 *
 *   counting ──approve──▶ approved
 *       └────cancel────▶ cancelled
 *
 * The shop keeps selling while the shelves are counted, so a product's expectation is
 * its snapshot plus the net moves recorded in that warehouse since the start; the
 * variance counted − expectation is posted as a `stock_take` move on approval, with one
 * journal entry for the net value against inventory adjustments (6711).
 */
const DOC_TYPE = 'stock_take';

const keyOf = (productId: string, batchId: string) => `${productId}|${batchId}`;

/** The category and all its descendants, as a sub-select of ids. */
/** Products kept in this warehouse at a location starting with the prefix. */
const atLocation = (warehouseId: string, prefix: string): SQL =>
  sql`(SELECT r.product_id FROM stock_rules r WHERE r.warehouse_id = ${warehouseId} AND r.location LIKE ${`${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`})`;

const categorySubtree = (categoryId: string): SQL =>
  sql`(WITH RECURSIVE sub AS (
         SELECT id FROM categories WHERE id = ${categoryId}
         UNION ALL SELECT c.id FROM categories c JOIN sub ON c.parent_id = sub.id)
       SELECT id FROM sub)`;

interface DocRow {
  id: string;
  number: string;
  warehouse_id: string;
  warehouse_code: string;
  category_id: string | null;
  category_name: string | null;
  location: string | null;
  blind: boolean;
  status: StockTake['status'];
  note: string;
  started_at: string | Date;
  approved_at: string | Date | null;
}

const docSelect = sql`SELECT s.id, s.number, s.warehouse_id, w.code AS warehouse_code, s.category_id, c.name AS category_name,
         s.location, s.blind, s.status, s.note, s.started_at, s.approved_at
    FROM stock_takes s JOIN warehouses w ON w.id = s.warehouse_id LEFT JOIN categories c ON c.id = s.category_id`;

function summaryOf(r: DocRow): StockTakeSummary {
  return {
    id: r.id, number: r.number, warehouseId: r.warehouse_id, warehouseCode: r.warehouse_code,
    categoryId: r.category_id, categoryName: r.category_name, location: r.location, blind: Boolean(r.blind), status: r.status, note: r.note,
    startedAt: new Date(r.started_at).toISOString(), approvedAt: r.approved_at === null ? null : new Date(r.approved_at).toISOString(),
  };
}

export async function listStockTakes(db: DbOrTx, q: StockTakeQuery): Promise<StockTakeSummary[]> {
  const filters = [sql`TRUE`];
  if (q.status) filters.push(sql`s.status = ${q.status}`);
  if (q.warehouseId) filters.push(sql`s.warehouse_id = ${q.warehouseId}`);
  const found = await rows<DocRow>(db, sql`${docSelect} WHERE ${sql.join(filters, sql` AND `)} ORDER BY s.started_at DESC, s.number DESC LIMIT 200`);
  return found.map(summaryOf);
}

async function loadDoc(db: DbOrTx, id: string): Promise<DocRow> {
  const [doc] = await rows<DocRow>(db, sql`${docSelect} WHERE s.id = ${id}`);
  if (!doc) throw new DomainError('not_found', `no stock-take ${id}`, 'id');
  return doc;
}

/**
 * Starts a count: freezes what the books hold of every product (and batch) in scope
 * that has a non-zero level now. `startedAt` is the system clock, like the
 * `recorded_at` postMoves stamps on every move: the two are compared to find the moves
 * made during the count, so they must come from the same clock.
 */
export async function createStockTake(db: DbOrTx, input: StockTakeInput, user: SessionUser, now: Date): Promise<StockTake> {
  const [wh] = await db.select({ kind: warehouses.kind }).from(warehouses).where(eq(warehouses.id, input.warehouseId));
  if (!wh) throw new DomainError('unprocessable', 'no such warehouse', 'warehouseId');
  if (wh.kind === 'transit') throw new DomainError('unprocessable', 'goods in transit are counted when the transfer is received', 'warehouseId');
  if (input.categoryId) {
    const [cat] = await db.select({ id: categories.id }).from(categories).where(eq(categories.id, input.categoryId));
    if (!cat) throw new DomainError('unprocessable', 'no such category', 'categoryId');
  }
  const id = newId();
  const number = await nextNumber(db, 'STK', now.getUTCFullYear());
  const startedAt = new Date();
  await db.insert(stockTakes).values({
    id, number, warehouseId: input.warehouseId, categoryId: input.categoryId, location: input.location, blind: input.blind, note: input.note,
    createdBy: user.id, startedAt,
  });
  const snapshot = await rows<{ product_id: string; batch_id: string; qty: string }>(
    db,
    sql`SELECT l.product_id, l.batch_id, l.qty::text AS qty
          FROM stock_levels l JOIN products p ON p.id = l.product_id
         WHERE l.warehouse_id = ${input.warehouseId} AND l.qty <> 0
           ${input.categoryId ? sql`AND p.category_id IN ${categorySubtree(input.categoryId)}` : sql``}
           ${input.location ? sql`AND l.product_id IN ${atLocation(input.warehouseId, input.location)}` : sql``}
         ORDER BY p.sku, l.batch_id`,
  );
  for (let i = 0; i < snapshot.length; i += 1000) {
    await db.insert(stockTakeLines).values(
      snapshot.slice(i, i + 1000).map((r) => ({ id: newId(), stockTakeId: id, productId: r.product_id, batchId: r.batch_id, expectedQty: r.qty })),
    );
  }
  await recordAudit(db, { user, action: 'create', entity: 'stock_take', entityId: id, after: { number, ...input, lines: snapshot.length }, at: now });
  return getStockTake(db, id, user);
}

interface KeyRow {
  product_id: string;
  batch_id: string;
  sku: string;
  name: string;
  unit: string;
  purchase_price: string | number;
  batch_no: string | null;
  expiry_date: string | null;
  in_snapshot: boolean;
  expected: string;
  since: string;
  avg_cost: string | null;
  posted_qty: string | null;
  posted_value: string | number | null;
}

/**
 * Every product × batch of the count — the snapshot and whatever was counted besides —
 * with its expectation, the net moves since the start (this stock-take's own excepted),
 * the current average cost and, once approved, what was posted.
 */
async function loadKeys(db: DbOrTx, doc: { id: string; warehouseId: string; startedAt: Date }): Promise<KeyRow[]> {
  return rows<KeyRow>(
    db,
    sql`WITH keys AS (
          SELECT product_id, batch_id FROM stock_take_lines WHERE stock_take_id = ${doc.id}
          UNION SELECT product_id, batch_id FROM stock_take_counts WHERE stock_take_id = ${doc.id}),
        expected AS (
          SELECT product_id, batch_id, sum(expected_qty) AS qty FROM stock_take_lines WHERE stock_take_id = ${doc.id} GROUP BY 1, 2),
        since AS (
          SELECT m.product_id, m.batch_id, sum(m.qty) AS qty
            FROM stock_moves m JOIN keys k ON k.product_id = m.product_id AND k.batch_id = m.batch_id
           WHERE m.warehouse_id = ${doc.warehouseId} AND m.recorded_at > ${doc.startedAt.toISOString()}::timestamptz
             AND NOT (m.doc_type = ${DOC_TYPE} AND m.doc_id = ${doc.id})
           GROUP BY 1, 2),
        posted AS (
          SELECT product_id, batch_id, sum(qty) AS qty, sum(value) AS value
            FROM stock_moves WHERE doc_type = ${DOC_TYPE} AND doc_id = ${doc.id} GROUP BY 1, 2)
        SELECT k.product_id, k.batch_id, p.sku, p.name, p.unit, p.purchase_price, b.batch_no, b.expiry_date::text AS expiry_date,
               (e.qty IS NOT NULL) AS in_snapshot, coalesce(e.qty, 0)::text AS expected, coalesce(s.qty, 0)::text AS since,
               l.avg_cost::text AS avg_cost, po.qty::text AS posted_qty, po.value AS posted_value
          FROM keys k
          JOIN products p ON p.id = k.product_id
          LEFT JOIN batches b ON b.id = k.batch_id
          LEFT JOIN expected e ON e.product_id = k.product_id AND e.batch_id = k.batch_id
          LEFT JOIN since s ON s.product_id = k.product_id AND s.batch_id = k.batch_id
          LEFT JOIN stock_levels l ON l.product_id = k.product_id AND l.warehouse_id = ${doc.warehouseId} AND l.batch_id = k.batch_id
          LEFT JOIN posted po ON po.product_id = k.product_id AND po.batch_id = k.batch_id
         ORDER BY p.sku, b.expiry_date NULLS LAST, k.batch_id`,
  );
}

interface Counted {
  merged: Map<string, MergedCount>;
  usernames: Map<string, string | null>;
}

/** Every counter's entries summed per product × batch (shared mergeCounts, keyed by both). */
async function loadCounts(db: DbOrTx, id: string): Promise<Counted> {
  const entries = await rows<{ product_id: string; batch_id: string; counter_id: string | null; username: string | null; qty: string }>(
    db,
    sql`SELECT c.product_id, c.batch_id, c.counter_id, u.username, c.qty::text AS qty
          FROM stock_take_counts c LEFT JOIN users u ON u.id = c.counter_id
         WHERE c.stock_take_id = ${id} ORDER BY c.counted_at, c.id`,
  );
  const usernames = new Map(entries.map((e) => [e.counter_id ?? '', e.username]));
  const merged = mergeCounts(entries.map((e) => ({ counter: e.counter_id ?? '', productId: keyOf(e.product_id, e.batch_id), qty: parseQuantity(e.qty) })));
  return { merged: new Map(merged.map((m) => [m.productId, m])), usernames };
}

/**
 * The counted quantities the variance is taken from. Every stock-take here counts a
 * whole scope — the warehouse, or one category subtree of it — so a line of the
 * snapshot nobody counted is counted as 0: that stock was looked for and not found,
 * which is the point of a count. (A spot check of a few products would have to leave
 * uncounted lines alone instead; there is no such kind yet.)
 */
const countedEntries = (m: MergedCount | undefined): number[] => (m ? m.entries.map((e) => e.qty) : [0]);

export async function getStockTake(db: DbOrTx, id: string, user: SessionUser): Promise<StockTake> {
  const doc = await loadDoc(db, id);
  const keys = await loadKeys(db, { id, warehouseId: doc.warehouse_id, startedAt: new Date(doc.started_at) });
  const { merged, usernames } = await loadCounts(db, id);
  // A blind count keeps the book quantities from the counters; whoever approves sees them.
  const hidden = Boolean(doc.blind) && !user.permissions.includes('inventory.approve');
  const approved = doc.status === 'approved';
  const lines: StockTakeLine[] = keys.map((k) => {
    const count = merged.get(keyOf(k.product_id, k.batch_id));
    const expected = parseQuantity(k.expected);
    const counted = count?.qty ?? 0;
    let since: number;
    let variance: number;
    let value: number;
    if (approved) {
      variance = k.posted_qty === null ? 0 : parseQuantity(k.posted_qty);
      value = Number(k.posted_value ?? 0);
      since = counted - expected - variance; // what the approval saw: variance = counted − (expected + since)
    } else {
      since = parseQuantity(k.since);
      variance = counted < 0 ? counted - expected - since : countVariance({ expectedAtSnapshot: expected, movesSinceSnapshot: since, counted: countedEntries(count) });
      value = varianceValue(variance, parseUnitCost4(k.avg_cost ?? String(k.purchase_price)));
    }
    const perCounter = new Map<string, number>();
    for (const e of count?.entries ?? []) perCounter.set(e.counter, (perCounter.get(e.counter) ?? 0) + e.qty);
    return {
      productId: k.product_id, sku: k.sku, name: k.name, unit: k.unit,
      batchId: k.batch_id === NO_BATCH ? null : k.batch_id, batchNo: k.batch_no, expiryDate: k.expiry_date,
      inSnapshot: Boolean(k.in_snapshot),
      expectedQty: hidden ? null : formatQuantity(expected),
      countedQty: count ? formatQuantity(count.qty) : null,
      counters: [...perCounter].map(([counter, qty]) => ({ userId: counter || null, username: usernames.get(counter) ?? null, qty: formatQuantity(qty) })),
      needsReview: count?.needsReview ?? false,
      movesSinceStart: hidden ? null : formatQuantity(since),
      varianceQty: hidden ? null : formatQuantity(variance),
      varianceValue: hidden ? null : value,
    };
  });
  const counted = lines.filter((l) => l.countedQty !== null).length;
  return {
    ...summaryOf(doc),
    hidden,
    totals: {
      lines: lines.length,
      counted,
      uncounted: lines.length - counted,
      varianceValue: hidden ? null : lines.reduce((s, l) => s + (l.varianceValue ?? 0), 0),
    },
    lines,
  };
}

/**
 * Adds count entries. Several counters may send at once: each entry is its own row and
 * they add up. The stock-take row is read FOR SHARE, so counters never wait for each
 * other, while an approval (which updates that row) waits for the counts in flight and
 * a count arriving after the approval sees it and is refused.
 */
export async function addCounts(db: DbOrTx, id: string, input: CountInput, user: SessionUser, now: Date): Promise<StockTakeCountResponse> {
  const [doc] = await rows<{ status: string; warehouse_id: string; category_id: string | null; location: string | null }>(
    db,
    sql`SELECT status, warehouse_id, category_id, location FROM stock_takes WHERE id = ${id} FOR SHARE`,
  );
  if (!doc) throw new DomainError('not_found', `no stock-take ${id}`, 'id');
  if (doc.status !== 'counting') throw new DomainError('conflict', `this stock-take is ${doc.status}; counts are taken only while counting`, 'status');

  const codes = [...new Set(input.entries.flatMap((e) => (e.barcode ? [e.barcode] : [])))];
  const byBarcode = new Map(
    (codes.length ? await db.select().from(productBarcodes).where(inArray(productBarcodes.barcode, codes)) : []).map((b) => [b.barcode, b]),
  );
  const resolved = input.entries.map((e, i) => {
    if (e.productId) return { productId: e.productId, packMilli: 1000 };
    const code = byBarcode.get(e.barcode!);
    if (!code) throw new DomainError('unprocessable', `no product has the barcode ${e.barcode}`, `entries.${i}.barcode`);
    return { productId: code.productId, packMilli: parseQuantity(code.packQty) };
  });
  const productIds = [...new Set(resolved.map((r) => r.productId))];
  const found = await db
    .select({ id: products.id, sku: products.sku, name: products.name, batchTracked: products.batchTracked, categoryId: products.categoryId })
    .from(products)
    .where(inArray(products.id, productIds));
  const inScope = doc.category_id
    ? new Set((await rows<{ id: string }>(db, sql`SELECT id FROM ${categorySubtree(doc.category_id)} AS t`)).map((r) => r.id))
    : null;
  // A location count likewise covers only what is kept there.
  const atPlace = doc.location
    ? new Set((await rows<{ product_id: string }>(db, sql`SELECT product_id FROM ${atLocation(doc.warehouse_id, doc.location)} AS t`)).map((r) => r.product_id))
    : null;
  const batchIds = [...new Set(input.entries.flatMap((e) => (e.batchId ? [e.batchId] : [])))];
  const knownBatches = batchIds.length ? await db.select({ id: batches.id, productId: batches.productId }).from(batches).where(inArray(batches.id, batchIds)) : [];
  const trackedByBatch = new Set(
    (await db.select({ productId: stockTakeLines.productId }).from(stockTakeLines)
      .where(and(eq(stockTakeLines.stockTakeId, id), inArray(stockTakeLines.productId, productIds), sql`${stockTakeLines.batchId} <> ${NO_BATCH}`)))
      .map((r) => r.productId),
  );

  const out = input.entries.map((e, i) => {
    const { productId, packMilli } = resolved[i]!;
    const field = e.barcode ? `entries.${i}.barcode` : `entries.${i}.productId`;
    const p = found.find((f) => f.id === productId);
    if (!p) throw new DomainError('unprocessable', 'no such product', field);
    // A category count covers that category only: elsewhere the book quantity was never frozen.
    if (atPlace && !atPlace.has(productId)) {
      throw new DomainError('unprocessable', `${p.sku} is not kept at ${doc.location}`, field);
    }
    if (inScope && (!p.categoryId || !inScope.has(p.categoryId))) {
      throw new DomainError('unprocessable', `${p.sku} is not in the category being counted`, field);
    }
    if (e.batchId && !knownBatches.some((b) => b.id === e.batchId && b.productId === productId)) {
      throw new DomainError('unprocessable', 'no such batch of this product', `entries.${i}.batchId`);
    }
    if (!e.batchId && p.batchTracked && trackedByBatch.has(productId)) {
      throw new DomainError('unprocessable', `${p.sku} is on the books by batch: count each batch`, `entries.${i}.batchId`);
    }
    const product = BigInt(parseQuantity(e.qty)) * BigInt(packMilli);
    if (product % 1000n !== 0n) throw new DomainError('unprocessable', 'the quantity times the pack size has more than 3 decimals', `entries.${i}.qty`);
    const qty = formatQuantity(Number(product / 1000n));
    return { productId, sku: p.sku, name: p.name, batchId: e.batchId, qty };
  });
  await db.insert(stockTakeCounts).values(
    out.map((e) => ({ id: newId(), stockTakeId: id, productId: e.productId, batchId: e.batchId ?? NO_BATCH, qty: e.qty, counterId: user.id, countedAt: now })),
  );
  return { accepted: out.length, entries: out };
}

async function flip(db: DbOrTx, id: string, set: Partial<typeof stockTakes.$inferInsert>, verb: string) {
  const [doc] = await db
    .update(stockTakes)
    .set(set)
    .where(and(eq(stockTakes.id, id), eq(stockTakes.status, 'counting')))
    .returning({ id: stockTakes.id, number: stockTakes.number, warehouseId: stockTakes.warehouseId, startedAt: stockTakes.startedAt });
  if (doc) return doc;
  const [exists] = await db.select({ status: stockTakes.status }).from(stockTakes).where(eq(stockTakes.id, id));
  if (!exists) throw new DomainError('not_found', `no stock-take ${id}`, 'id');
  throw new DomainError('conflict', `this stock-take is ${exists.status}; only one still counting can be ${verb}`, 'status');
}

/**
 * Approves a count: the status flips first (conditionally, so it happens once), then
 * every product × batch whose count differs from its expectation gets a `stock_take`
 * move — found stock at the current average (the purchase price if it was never
 * costed), missing stock at the average — and the net value one journal entry.
 */
export async function approveStockTake(db: DbOrTx, id: string, user: SessionUser, now: Date): Promise<StockTake> {
  const doc = await flip(db, id, { status: 'approved', approvedBy: user.id, approvedAt: now }, 'approved');
  const keys = await loadKeys(db, doc);
  const { merged } = await loadCounts(db, id);
  if (merged.size === 0) throw new DomainError('unprocessable', 'nothing has been counted; approving would write off the whole count — cancel it instead', 'counts');

  const moves: MoveInput[] = [];
  for (const k of keys) {
    const count = merged.get(keyOf(k.product_id, k.batch_id));
    if (count && count.qty < 0) {
      throw new DomainError('unprocessable', `the count of ${k.sku} adds up to ${formatQuantity(count.qty)}; correct it before approving`, 'counts');
    }
    const variance = countVariance({ expectedAtSnapshot: parseQuantity(k.expected), movesSinceSnapshot: parseQuantity(k.since), counted: countedEntries(count) });
    if (variance === 0) continue;
    moves.push({
      productId: k.product_id, warehouseId: doc.warehouseId, batchId: k.batch_id, qty: formatQuantity(variance),
      // No unitCost: found stock comes in at the current average, never-costed stock at the purchase price.
      fallbackCost: String(k.purchase_price),
      // A count is by quantity: which serials were missing or found is settled by an
      // adjustment naming them; the variance is recorded against the units meanwhile.
      acceptSerialProblems: true,
      moveType: 'stock_take', docType: DOC_TYPE, docId: id, userId: user.id, occurredAt: now,
    });
  }
  const posted = await postMoves(db, moves);
  const net = posted.reduce((s, m) => s + m.value, 0);
  if (net !== 0) {
    const inv = ACCOUNTS.inventory.code;
    const adj = ACCOUNTS.adjustments.code;
    const amount = Math.abs(net);
    await postJournalEntry(db, {
      date: now.toISOString().slice(0, 10), sourceType: DOC_TYPE, sourceId: id, memo: doc.number, userId: user.id, postedAt: now,
      lines: net > 0
        ? [{ accountCode: inv, debit: amount, credit: 0 }, { accountCode: adj, debit: 0, credit: amount }]
        : [{ accountCode: adj, debit: amount, credit: 0 }, { accountCode: inv, debit: 0, credit: amount }],
    });
  }
  await recordAudit(db, {
    user, action: 'approve', entity: 'stock_take', entityId: id, before: { status: 'counting' },
    after: { status: 'approved', adjusted: posted.length, value: net, moves: posted.map((m) => ({ productId: m.productId, batchId: m.batchId, qty: m.qty, value: m.value })) },
    at: now,
  });
  return getStockTake(db, id, user);
}

export async function cancelStockTake(db: DbOrTx, id: string, user: SessionUser, now: Date): Promise<StockTake> {
  await flip(db, id, { status: 'cancelled' }, 'cancelled');
  await recordAudit(db, { user, action: 'cancel', entity: 'stock_take', entityId: id, before: { status: 'counting' }, after: { status: 'cancelled' }, at: now });
  return getStockTake(db, id, user);
}
