import { lineCostMinor, newId, parseQuantity, parseUnitCost4 } from '@shopbook/shared';
import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { rows } from '../../db/rows.ts';
import { NO_BATCH, stockMoves, warehouses } from '../../db/schema/index.ts';
import { DomainError } from '../../http/errors.ts';
import { applySerials } from './serials.apply.ts';

export interface MoveInput {
  productId: string;
  warehouseId: string;
  batchId?: string | null;
  /** Signed decimal string with up to 3 decimals, e.g. '-1.5'. */
  qty: string;
  /** Inbound: unit cost in minor units (up to 4 decimals); omitted, the stock comes in at the current average. */
  unitCost?: string;
  /** Cost for stock that has never been costed (the product's purchase price). */
  fallbackCost?: string;
  /** Sales already paid for go through even below zero (DESIGN: never refuse a paid sale). */
  allowNegative?: boolean;
  /** The caller's own tag (a line index), handed back on the posted move and named in errors. */
  ref?: number;
  /** The units moved, for a serial-tracked product: one serial per unit. */
  serials?: readonly string[];
  /** A till's paid sale or refund: a unit not where the ledger says is recorded, not refused. */
  acceptSerialProblems?: boolean;
  moveType: string;
  docType: string;
  docId: string;
  userId?: string | null;
  occurredAt: Date;
}

export interface PostedMove {
  id: string;
  productId: string;
  warehouseId: string;
  batchId: string;
  qty: string;
  unitCost: string;
  value: number;
  levelQty: string;
  ref: number | undefined;
  /** What was wrong with the units moved, when the move accepted it. */
  serialProblems: string[];
}

interface LevelRow {
  qty: string;
  avg_cost: string;
  value: string | number;
  move_cost: string;
}


/**
 * Applies moves to the ledger: one atomic upsert per level (never read-modify-write),
 * then the append-only move row carrying the same value. Call inside the document's
 * transaction. Moves are applied in key order so two documents touching the same
 * products lock them in the same order and cannot deadlock.
 *
 * Costing is the moving weighted average of shared/src/inventory/costing.ts: inbound
 * into empty or negative stock takes the inbound cost, otherwise the quantity-weighted
 * mean; outbound goes at the average. A move's value is round(q·cost) in minor units.
 */
export async function postMoves(db: DbOrTx, moves: readonly MoveInput[]): Promise<PostedMove[]> {
  const sorted = [...moves].sort((a, b) =>
    `${a.productId}|${a.warehouseId}|${a.batchId ?? NO_BATCH}`.localeCompare(`${b.productId}|${b.warehouseId}|${b.batchId ?? NO_BATCH}`),
  );
  const posted: PostedMove[] = [];
  const rowsToInsert: (typeof stockMoves.$inferInsert)[] = [];
  const recordedAt = new Date();
  const levels = await applyToLevels(db, sorted, recordedAt);
  for (const [i, m] of sorted.entries()) {
    const level = levels[i]!;
    const batchId = m.batchId ?? NO_BATCH;
    if (level.qty.startsWith('-') && !m.allowNegative) await refuseIfNegativeForbidden(db, m.warehouseId, m.productId);
    const id = newId();
    const value = lineCostMinor(parseQuantity(m.qty), parseUnitCost4(level.move_cost));
    rowsToInsert.push({
      id, productId: m.productId, warehouseId: m.warehouseId, batchId, qty: m.qty, unitCost: level.move_cost, value, moveType: m.moveType,
      docType: m.docType, docId: m.docId, userId: m.userId ?? null, occurredAt: m.occurredAt, recordedAt,
    });
    posted.push({ id, productId: m.productId, warehouseId: m.warehouseId, batchId, qty: m.qty, unitCost: level.move_cost, value, levelQty: level.qty, ref: m.ref, serialProblems: [] });
  }
  // One insert for all the document's move rows: fewer round trips while the level locks are held.
  if (rowsToInsert.length) await db.insert(stockMoves).values(rowsToInsert);
  const problems = await applySerials(
    db,
    posted.map((p, i) => ({ ...p, stockMoveId: p.id, serials: sorted[i]!.serials, acceptProblems: sorted[i]!.acceptSerialProblems ?? false })),
    recordedAt,
  );
  for (const p of posted) p.serialProblems = problems.get(p.id) ?? [];
  return posted;
}

const keyOf = (m: MoveInput) => `${m.productId}|${m.warehouseId}|${m.batchId ?? NO_BATCH}`;

/**
 * The level row after each move, in the order given. A document whose moves all go out
 * (a sale) and touch distinct levels is one multi-row upsert — the hot path of till
 * ingest; anything else goes move by move.
 */
async function applyToLevels(db: DbOrTx, moves: readonly MoveInput[], recordedAt: Date): Promise<LevelRow[]> {
  const outbound = moves.every((m) => m.qty.startsWith('-'));
  if (outbound && moves.length > 1 && new Set(moves.map(keyOf)).size === moves.length) {
    const at = recordedAt.toISOString();
    const values = moves.map((m) => {
      const fallback = m.fallbackCost ?? '0';
      return sql`(${m.productId}::uuid, ${m.warehouseId}::uuid, ${m.batchId ?? NO_BATCH}::uuid, ${m.qty}::numeric, ${fallback}::numeric,
                  round(${m.qty}::numeric * ${fallback}::numeric), ${at}::timestamptz)`;
    });
    const result = await rows<LevelRow & { product_id: string; warehouse_id: string; batch_id: string }>(
      db,
      sql`INSERT INTO stock_levels AS l (product_id, warehouse_id, batch_id, qty, avg_cost, value, updated_at)
          VALUES ${sql.join(values, sql`, `)}
          ON CONFLICT (product_id, warehouse_id, batch_id) DO UPDATE SET
            qty = l.qty + EXCLUDED.qty,
            value = l.value + round(EXCLUDED.qty * l.avg_cost),
            updated_at = EXCLUDED.updated_at
          RETURNING l.product_id, l.warehouse_id, l.batch_id, l.qty::text AS qty, l.avg_cost::text AS avg_cost, l.value AS value,
                    l.avg_cost::text AS move_cost`,
    );
    const byKey = new Map(result.map((r) => [`${r.product_id}|${r.warehouse_id}|${r.batch_id}`, r]));
    return moves.map((m) => {
      const level = byKey.get(keyOf(m));
      if (!level) throw new Error('stock level upsert returned nothing');
      return level;
    });
  }
  const out: LevelRow[] = [];
  for (const m of moves) out.push(await applyOne(db, m, recordedAt));
  return out;
}

async function applyOne(db: DbOrTx, m: MoveInput, recordedAt: Date): Promise<LevelRow> {
  const batchId = m.batchId ?? NO_BATCH;
  const cost = m.qty.startsWith('-') ? null : (m.unitCost ?? null);
  const fallback = m.fallbackCost ?? '0';
  // Inbound with a cost moves the average (exact half-up integer division, as
  // shared/src/inventory/costing.ts); outbound, and inbound without a cost (a found
  // item, a return), go at the current average and leave it unchanged.
  const [level] = await rows<LevelRow>(
    db,
    sql`INSERT INTO stock_levels AS l (product_id, warehouse_id, batch_id, qty, avg_cost, value, updated_at)
        VALUES (${m.productId}, ${m.warehouseId}, ${batchId}, ${m.qty}::numeric, coalesce(${cost}::numeric, ${fallback}::numeric),
                round(${m.qty}::numeric * coalesce(${cost}::numeric, ${fallback}::numeric)), ${recordedAt.toISOString()}::timestamptz)
        ON CONFLICT (product_id, warehouse_id, batch_id) DO UPDATE SET
          qty = l.qty + EXCLUDED.qty,
          avg_cost = CASE
            WHEN ${cost}::numeric IS NULL THEN l.avg_cost
            WHEN l.qty <= 0 THEN EXCLUDED.avg_cost
            ELSE div(2 * (l.qty * l.avg_cost + EXCLUDED.qty * EXCLUDED.avg_cost) * 10000000 + (l.qty + EXCLUDED.qty) * 1000,
                     2 * (l.qty + EXCLUDED.qty) * 1000) / 10000
          END,
          value = l.value + round(EXCLUDED.qty * CASE WHEN ${cost}::numeric IS NULL THEN l.avg_cost ELSE EXCLUDED.avg_cost END),
          updated_at = EXCLUDED.updated_at
        RETURNING l.qty::text AS qty, l.avg_cost::text AS avg_cost, l.value AS value,
          CASE WHEN ${cost}::numeric IS NULL THEN l.avg_cost ELSE ${cost}::numeric END::text AS move_cost`,
  );
  if (!level) throw new Error('stock level upsert returned nothing');
  return level;
}

async function refuseIfNegativeForbidden(db: DbOrTx, warehouseId: string, productId: string) {
  const [wh] = await db.select({ allow: warehouses.allowNegativeStock, code: warehouses.code }).from(warehouses).where(eq(warehouses.id, warehouseId));
  if (wh && !wh.allow) {
    throw new DomainError('unprocessable', `not enough stock of ${productId} in ${wh.code}; this warehouse forbids negative stock`, 'lines');
  }
}
