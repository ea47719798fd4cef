import type { expiringQuerySchema, stockAsOfQuerySchema, stockRuleInputSchema } from '@shopbook/shared';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import { rows } from '../../db/rows.ts';
import { NO_BATCH } from '../../db/schema/index.ts';

type Row = Record<string, string | number | null>;

/**
 * Products at or below their reorder point, or below zero, per warehouse: quantities
 * summed over batches, and products with a rule but no stock at all count as zero.
 */
export async function lowStock(db: DbOrTx, warehouseId?: string) {
  const result = await rows<Row>(
    db,
    sql`WITH totals AS (
          SELECT product_id, warehouse_id, sum(qty) AS qty FROM stock_levels GROUP BY 1, 2),
        keys AS (
          SELECT product_id, warehouse_id FROM totals UNION SELECT product_id, warehouse_id FROM stock_rules)
        SELECT k.product_id, p.sku, p.name, k.warehouse_id, w.code AS warehouse_code,
               coalesce(t.qty, 0)::text AS qty, r.reorder_point::text AS reorder_point, r.min_qty::text AS min_qty, r.max_qty::text AS max_qty,
               greatest(coalesce(r.max_qty, 0) - coalesce(t.qty, 0), 0)::text AS suggested
          FROM keys k
          JOIN products p ON p.id = k.product_id AND p.status = 'active'
          JOIN warehouses w ON w.id = k.warehouse_id AND w.kind <> 'transit'
          LEFT JOIN totals t ON t.product_id = k.product_id AND t.warehouse_id = k.warehouse_id
          LEFT JOIN stock_rules r ON r.product_id = k.product_id AND r.warehouse_id = k.warehouse_id
         WHERE (coalesce(t.qty, 0) < 0 OR (r.reorder_point IS NOT NULL AND coalesce(t.qty, 0) <= r.reorder_point))
           ${warehouseId ? sql`AND k.warehouse_id = ${warehouseId}` : sql``}
         ORDER BY coalesce(t.qty, 0) < 0 DESC, p.sku, w.code
         LIMIT 5000`,
  );
  return result.map((r) => ({
    productId: String(r.product_id), sku: String(r.sku), name: String(r.name), warehouseId: String(r.warehouse_id), warehouseCode: String(r.warehouse_code),
    qty: String(r.qty), reorderPoint: r.reorder_point === null ? null : String(r.reorder_point), minQty: r.min_qty === null ? null : String(r.min_qty),
    maxQty: r.max_qty === null ? null : String(r.max_qty), suggested: String(r.suggested), negative: String(r.qty).startsWith('-'),
  }));
}

export async function setStockRules(db: DbOrTx, rules: z.output<typeof stockRuleInputSchema>['rules']) {
  for (const r of rules) {
    const keep = r.location === undefined;
    await db.execute(sql`INSERT INTO stock_rules (product_id, warehouse_id, reorder_point, min_qty, max_qty, location)
      VALUES (${r.productId}, ${r.warehouseId}, ${r.reorderPoint}::numeric, ${r.minQty}::numeric, ${r.maxQty}::numeric, ${r.location ?? null})
      ON CONFLICT (product_id, warehouse_id) DO UPDATE SET reorder_point = EXCLUDED.reorder_point, min_qty = EXCLUDED.min_qty,
        max_qty = EXCLUDED.max_qty, location = CASE WHEN ${keep} THEN stock_rules.location ELSE EXCLUDED.location END`);
  }
}

/** Batches with stock whose expiry falls within the next N days (or has passed). */
export async function expiringBatches(db: DbOrTx, q: z.output<typeof expiringQuerySchema>, today: string) {
  const result = await rows<Row>(
    db,
    sql`SELECT l.product_id, p.sku, p.name, l.warehouse_id, w.code AS warehouse_code, b.id AS batch_id, b.batch_no,
               b.expiry_date::text AS expiry_date, (b.expiry_date - ${today}::date) AS days_left, l.qty::text AS qty, l.value
          FROM stock_levels l
          JOIN batches b ON b.id = l.batch_id
          JOIN products p ON p.id = l.product_id
          JOIN warehouses w ON w.id = l.warehouse_id
         WHERE l.qty > 0 AND l.batch_id <> ${NO_BATCH} AND b.expiry_date IS NOT NULL
           AND b.expiry_date <= ${today}::date + ${q.days}::int
           ${q.warehouseId ? sql`AND l.warehouse_id = ${q.warehouseId}` : sql``}
         ORDER BY b.expiry_date, p.sku
         LIMIT 5000`,
  );
  return result.map((r) => ({
    productId: String(r.product_id), sku: String(r.sku), name: String(r.name), warehouseId: String(r.warehouse_id), warehouseCode: String(r.warehouse_code),
    batchId: String(r.batch_id), batchNo: String(r.batch_no), expiryDate: String(r.expiry_date), daysLeft: Number(r.days_left), qty: String(r.qty), value: Number(r.value),
  }));
}

/** Stock as it stood at the end of a day, rebuilt from the ledger rather than the levels. */
export async function stockAsOf(db: DbOrTx, q: z.output<typeof stockAsOfQuerySchema>) {
  const result = await rows<Row>(
    db,
    sql`SELECT m.product_id, p.sku, p.name, m.warehouse_id, w.code AS warehouse_code, sum(m.qty)::text AS qty, sum(m.value) AS value
          FROM stock_moves m JOIN products p ON p.id = m.product_id JOIN warehouses w ON w.id = m.warehouse_id
         WHERE m.occurred_at < (${q.date}::date + 1)::timestamptz
           ${q.warehouseId ? sql`AND m.warehouse_id = ${q.warehouseId}` : sql``}
           ${q.productId ? sql`AND m.product_id = ${q.productId}` : sql``}
         GROUP BY 1, 2, 3, 4, 5
        HAVING sum(m.qty) <> 0 OR sum(m.value) <> 0
         ORDER BY p.sku, w.code
         LIMIT 20000`,
  );
  return result.map((r) => ({
    productId: String(r.product_id), sku: String(r.sku), name: String(r.name), warehouseId: String(r.warehouse_id), warehouseCode: String(r.warehouse_code),
    qty: String(r.qty), value: Number(r.value),
  }));
}
