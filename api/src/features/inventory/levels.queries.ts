import type { LedgerCheck, StockLevel, StockMove, stockLevelQuerySchema } from '@shopbook/shared';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import { rows } from '../../db/rows.ts';
import { NO_BATCH } from '../../db/schema/index.ts';
import { ACCOUNTS } from '../finance/chart.ts';

type LevelQuery = z.output<typeof stockLevelQuerySchema>;

export async function stockLevels(db: DbOrTx, q: LevelQuery): Promise<{ items: StockLevel[]; total: number }> {
  const filters = [sql`TRUE`];
  if (q.warehouseId) filters.push(sql`l.warehouse_id = ${q.warehouseId}`);
  if (q.productId) filters.push(sql`l.product_id = ${q.productId}`);
  if (q.q) filters.push(sql`(p.sku ILIKE ${`${q.q}%`} OR p.name ILIKE ${`%${q.q}%`})`);
  if (q.categoryId) {
    filters.push(sql`p.category_id IN (WITH RECURSIVE sub AS (
      SELECT id FROM categories WHERE id = ${q.categoryId}
      UNION ALL SELECT c.id FROM categories c JOIN sub ON c.parent_id = sub.id) SELECT id FROM sub)`);
  }
  if (q.batchId) filters.push(sql`l.batch_id = ${q.batchId}`);
  if (q.expiryFrom) filters.push(sql`b.expiry_date >= ${q.expiryFrom}::date`);
  if (q.expiryTo) filters.push(sql`b.expiry_date <= ${q.expiryTo}::date`);
  if (q.lowOnly === 'true') filters.push(sql`(l.qty < 0 OR (r.reorder_point IS NOT NULL AND l.qty <= r.reorder_point))`);
  const where = sql.join(filters, sql` AND `);
  const from = sql`FROM stock_levels l
      JOIN products p ON p.id = l.product_id
      JOIN warehouses w ON w.id = l.warehouse_id
      LEFT JOIN batches b ON b.id = l.batch_id
      LEFT JOIN stock_rules r ON r.product_id = l.product_id AND r.warehouse_id = l.warehouse_id
      WHERE ${where}`;
  const [count] = await rows<{ n: string | number }>(db, sql`SELECT count(*) AS n ${from}`);
  const items = await rows<Record<string, string | number | null>>(
    db,
    sql`SELECT l.product_id, p.sku, p.name, p.unit, l.warehouse_id, w.code AS warehouse_code,
               NULLIF(l.batch_id, ${NO_BATCH}) AS batch_id, b.batch_no, b.expiry_date::text AS expiry_date,
               l.qty::text AS qty, l.avg_cost::text AS avg_cost, l.value, r.reorder_point::text AS reorder_point
        ${from} ORDER BY p.sku, w.code, b.expiry_date NULLS LAST
        LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
  );
  return {
    total: Number(count?.n ?? 0),
    items: items.map((r) => ({
      productId: String(r.product_id), sku: String(r.sku), name: String(r.name), unit: String(r.unit),
      warehouseId: String(r.warehouse_id), warehouseCode: String(r.warehouse_code),
      batchId: r.batch_id === null ? null : String(r.batch_id), batchNo: r.batch_no === null ? null : String(r.batch_no),
      expiryDate: r.expiry_date === null ? null : String(r.expiry_date),
      qty: String(r.qty), avgCost: String(r.avg_cost), value: Number(r.value),
      reorderPoint: r.reorder_point === null ? null : String(r.reorder_point),
    })),
  };
}

/** A product's moves, oldest first, with the running balance per warehouse and batch. */
export async function productLedger(db: DbOrTx, productId: string, warehouseId?: string): Promise<StockMove[]> {
  const result = await rows<Record<string, string | number | Date | null>>(
    db,
    sql`SELECT m.id, m.occurred_at, m.move_type, m.doc_type, m.doc_id, w.code AS warehouse_code,
               NULLIF(m.batch_id, ${NO_BATCH}) AS batch_id, m.qty::text AS qty, m.unit_cost::text AS unit_cost, m.value,
               (sum(m.qty) OVER (PARTITION BY m.warehouse_id, m.batch_id ORDER BY m.occurred_at, m.recorded_at, m.id))::text AS balance
          FROM stock_moves m JOIN warehouses w ON w.id = m.warehouse_id
         WHERE m.product_id = ${productId} ${warehouseId ? sql`AND m.warehouse_id = ${warehouseId}` : sql``}
         ORDER BY m.occurred_at, m.recorded_at, m.id
         LIMIT 5000`,
  );
  return result.map((r) => ({
    id: String(r.id),
    occurredAt: new Date(r.occurred_at as string).toISOString(),
    moveType: String(r.move_type), docType: String(r.doc_type), docId: String(r.doc_id),
    warehouseCode: String(r.warehouse_code), batchId: r.batch_id === null ? null : String(r.batch_id),
    qty: String(r.qty), unitCost: String(r.unit_cost), value: Number(r.value), balance: String(r.balance),
  }));
}

/**
 * The books reconcile when every level equals the sum of its moves (quantity and
 * value) and the journal's inventory account equals the value of all stock.
 */
export async function ledgerCheck(db: DbOrTx): Promise<LedgerCheck> {
  const diffs = await rows<Record<string, string | number>>(
    db,
    sql`WITH m AS (
          SELECT product_id, warehouse_id, batch_id, sum(qty) AS qty, sum(value) AS value
            FROM stock_moves GROUP BY 1, 2, 3)
        SELECT coalesce(l.product_id, m.product_id) AS product_id, coalesce(l.warehouse_id, m.warehouse_id) AS warehouse_id,
               coalesce(l.batch_id, m.batch_id) AS batch_id,
               coalesce(l.qty, 0)::text AS level_qty, coalesce(m.qty, 0)::text AS moves_qty,
               coalesce(l.value, 0) AS level_value, coalesce(m.value, 0) AS moves_value
          FROM stock_levels l FULL JOIN m
            ON m.product_id = l.product_id AND m.warehouse_id = l.warehouse_id AND m.batch_id = l.batch_id
         WHERE coalesce(l.qty, 0) <> coalesce(m.qty, 0) OR coalesce(l.value, 0) <> coalesce(m.value, 0)`,
  );
  const [counts] = await rows<{ n: string | number; value: string | number | null }>(db, sql`SELECT count(*) AS n, sum(value) AS value FROM stock_levels`);
  const [journal] = await rows<{ balance: string | number | null }>(
    db,
    sql`SELECT sum(debit) - sum(credit) AS balance FROM journal_lines WHERE account_code = ${ACCOUNTS.inventory.code}`,
  );
  const journalInventory = Number(journal?.balance ?? 0);
  const stockValue = Number(counts?.value ?? 0);
  return {
    ok: diffs.length === 0 && journalInventory === stockValue,
    levelsChecked: Number(counts?.n ?? 0),
    levelDifferences: diffs.map((d) => ({
      productId: String(d.product_id), warehouseId: String(d.warehouse_id), batchId: String(d.batch_id),
      levelQty: String(d.level_qty), movesQty: String(d.moves_qty), levelValue: Number(d.level_value), movesValue: Number(d.moves_value),
    })),
    journalInventory,
    stockValue,
  };
}
