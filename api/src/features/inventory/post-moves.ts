import { newId } from '@shopbook/shared';
import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { rows } from '../../db/rows.ts';
import { NO_BATCH, stockMoves, warehouses } from '../../db/schema/index.ts';
import { DomainError } from '../../http/errors.ts';

export interface MoveInput {
  productId: string;
  warehouseId: string;
  batchId?: string | null;
  /** Signed decimal string with up to 3 decimals, e.g. '-1.5'. */
  qty: string;
  /** Unit cost in minor units, up to 4 decimals: required inbound; outbound, the cost of stock never costed before. */
  unitCost?: string;
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
}

interface LevelRow {
  qty: string;
  avg_cost: string;
  value: string | number;
  move_value: string | number;
  move_cost: string;
}

/**
 * Applies moves to the ledger: one atomic upsert per level (never read-modify-write),
 * then the append-only move row carrying the same value. Call inside the document's
 * transaction. Moves are applied in key order so two documents touching the same
 * products lock them in the same order and cannot deadlock.
 *
 * Costing (moving weighted average, shared/src/inventory/costing.ts is the model):
 * inbound into empty or negative stock takes the inbound cost; otherwise
 * avg = round((qty·avg + q·cost) / (qty + q), 4). Outbound goes at the average and
 * leaves it unchanged. A move's value is round(q·cost) in minor units, half away from zero.
 */
export async function postMoves(db: DbOrTx, moves: readonly MoveInput[]): Promise<PostedMove[]> {
  const sorted = [...moves].sort((a, b) =>
    `${a.productId}|${a.warehouseId}|${a.batchId ?? NO_BATCH}`.localeCompare(`${b.productId}|${b.warehouseId}|${b.batchId ?? NO_BATCH}`),
  );
  const posted: PostedMove[] = [];
  const recordedAt = new Date();
  for (const m of sorted) {
    const batchId = m.batchId ?? NO_BATCH;
    const inbound = !m.qty.startsWith('-');
    if (inbound && m.unitCost === undefined) throw new Error(`inbound move of ${m.productId} needs a unit cost`);
    // Outbound, unitCost is only the fallback for stock that has never had a cost.
    const cost = m.unitCost ?? '0';
    const [level] = await rows<LevelRow>(
      db,
      sql`INSERT INTO stock_levels AS l (product_id, warehouse_id, batch_id, qty, avg_cost, value, updated_at)
          VALUES (${m.productId}, ${m.warehouseId}, ${batchId}, ${m.qty}::numeric, ${cost}::numeric,
                  round(${m.qty}::numeric * ${cost}::numeric), ${recordedAt.toISOString()}::timestamptz)
          ON CONFLICT (product_id, warehouse_id, batch_id) DO UPDATE SET
            qty = l.qty + EXCLUDED.qty,
            avg_cost = CASE
              WHEN EXCLUDED.qty <= 0 THEN l.avg_cost
              WHEN l.qty <= 0 THEN EXCLUDED.avg_cost
              ELSE round((l.qty * l.avg_cost + EXCLUDED.qty * EXCLUDED.avg_cost) / (l.qty + EXCLUDED.qty), 4)
            END,
            value = l.value + CASE
              WHEN EXCLUDED.qty > 0 THEN round(EXCLUDED.qty * EXCLUDED.avg_cost)
              ELSE round(EXCLUDED.qty * l.avg_cost)
            END,
            updated_at = EXCLUDED.updated_at
          RETURNING l.qty::text AS qty, l.avg_cost::text AS avg_cost, l.value AS value,
            CASE WHEN ${m.qty}::numeric > 0 THEN round(${m.qty}::numeric * ${cost}::numeric) ELSE round(${m.qty}::numeric * l.avg_cost) END AS move_value,
            CASE WHEN ${m.qty}::numeric > 0 THEN ${cost}::numeric ELSE l.avg_cost END::text AS move_cost`,
    );
    if (!level) throw new Error('stock level upsert returned nothing');
    if (level.qty.startsWith('-')) await refuseIfNegativeForbidden(db, m.warehouseId, m.productId);
    const id = newId();
    const value = Number(level.move_value);
    await db.insert(stockMoves).values({
      id,
      productId: m.productId,
      warehouseId: m.warehouseId,
      batchId,
      qty: m.qty,
      unitCost: level.move_cost,
      value,
      moveType: m.moveType,
      docType: m.docType,
      docId: m.docId,
      userId: m.userId ?? null,
      occurredAt: m.occurredAt,
      recordedAt,
    });
    posted.push({ id, productId: m.productId, warehouseId: m.warehouseId, batchId, qty: m.qty, unitCost: level.move_cost, value, levelQty: level.qty });
  }
  return posted;
}

async function refuseIfNegativeForbidden(db: DbOrTx, warehouseId: string, productId: string) {
  const [wh] = await db.select({ allow: warehouses.allowNegativeStock, code: warehouses.code }).from(warehouses).where(eq(warehouses.id, warehouseId));
  if (wh && !wh.allow) {
    throw new DomainError('unprocessable', `not enough stock of ${productId} in ${wh.code}; this warehouse forbids negative stock`, 'lines');
  }
}
