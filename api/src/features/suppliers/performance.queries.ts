import {
  averageChange, fillRate, onTimeDelivery, priceTrend, rejectionRate, type ProductPriceTrend, type SupplierPerformance, type SupplierPerformanceComparison,
  type SupplierPerformanceSummary,
} from '@shopbook/shared';
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { rows } from '../../db/rows.ts';
import { DomainError } from '../../http/errors.ts';

/**
 * Supplier performance read from the purchasing documents. The SQL only selects the
 * rows of the period; what they add up to is decided by the shared rules
 * (shared/src/purchasing/performance.ts), so the API and its tests agree on one text.
 */

export interface Period {
  from?: string;
  to?: string;
}

/** Periods are UTC days, like the audit filters, until the company has a time zone setting. */
const utcDay = (timestamp: SQL) => sql`((${timestamp}) AT TIME ZONE 'UTC')::date`;

function within(day: SQL, p: Period): SQL {
  const parts = [sql`TRUE`];
  if (p.from) parts.push(sql`${day} >= ${p.from}::date`);
  if (p.to) parts.push(sql`${day} <= ${p.to}::date`);
  return sql.join(parts, sql` AND `);
}

const ofSupplier = (supplierId: string | null) => (supplierId ? sql`o.supplier_id = ${supplierId}` : sql`TRUE`);

interface SupplierRow { id: string; code: string; name: string; currency: string; status: 'active' | 'archived' }
interface DeliveryRow { supplier_id: string; posted_on: string; due_on: string | null; received: string; rejected: string; unit_cost: string }
interface FillRow { supplier_id: string; ordered: string; accepted: string; returned: string; unit_cost: string }
interface PriceRow {
  supplier_id: string; product_id: string; sku: string; name: string; unit: string; order_id: string; order_number: string; sent_on: string; unit_cost: string;
}

/**
 * One row per posted receipt and order line it delivered (a receipt may carry a line in
 * several rows, one per batch): the unit of on-time delivery and of inspection.
 */
function deliveries(db: DbOrTx, supplierId: string | null, p: Period) {
  const posted = utcDay(sql`r.posted_at`);
  return rows<DeliveryRow>(db, sql`
    SELECT o.supplier_id, to_char(${posted}, 'YYYY-MM-DD') AS posted_on,
           to_char(coalesce(l.expected_date, o.expected_date), 'YYYY-MM-DD') AS due_on,
           sum(rl.qty_received)::text AS received, sum(rl.qty_rejected)::text AS rejected, l.unit_cost::text AS unit_cost
      FROM purchase_receipt_lines rl
      JOIN purchase_receipts r ON r.id = rl.receipt_id
      JOIN purchase_order_lines l ON l.id = rl.order_line_id
      JOIN purchase_orders o ON o.id = l.order_id
     WHERE r.status = 'posted' AND ${ofSupplier(supplierId)} AND ${within(posted, p)}
     GROUP BY o.id, r.id, l.id
    HAVING sum(rl.qty_received) > 0`);
}

/**
 * Lines of finished orders: received in full, or closed. An order is finished on the day
 * it was closed, or for a received one, on the day of its last posted receipt.
 */
function finishedLines(db: DbOrTx, supplierId: string | null, p: Period) {
  const finished = utcDay(sql`CASE WHEN o.status = 'closed' THEN o.closed_at
    ELSE (SELECT max(r.posted_at) FROM purchase_receipts r WHERE r.order_id = o.id AND r.status = 'posted') END`);
  return rows<FillRow>(db, sql`
    SELECT o.supplier_id, l.stock_qty::text AS ordered, l.qty_received::text AS accepted, l.qty_returned::text AS returned, l.unit_cost::text AS unit_cost
      FROM purchase_order_lines l
      JOIN purchase_orders o ON o.id = l.order_id
     WHERE o.status IN ('received', 'closed') AND ${ofSupplier(supplierId)} AND ${within(finished, p)}`);
}

/** Order prices on the day the order went to the supplier; drafts and orders never sent quoted nothing. */
function prices(db: DbOrTx, supplierId: string | null, p: Period) {
  const sent = utcDay(sql`o.sent_at`);
  return rows<PriceRow>(db, sql`
    SELECT o.supplier_id, l.product_id, p.sku, p.name, p.unit, o.id AS order_id, o.number AS order_number,
           to_char(${sent}, 'YYYY-MM-DD') AS sent_on, l.unit_cost::text AS unit_cost
      FROM purchase_order_lines l
      JOIN purchase_orders o ON o.id = l.order_id
      JOIN products p ON p.id = l.product_id
     WHERE o.sent_at IS NOT NULL AND ${ofSupplier(supplierId)} AND ${within(sent, p)}`);
}

function trends(priceRows: PriceRow[]): ProductPriceTrend[] {
  const byProduct = new Map<string, PriceRow[]>();
  for (const r of priceRows) {
    const list = byProduct.get(r.product_id);
    if (list) list.push(r);
    else byProduct.set(r.product_id, [r]);
  }
  return [...byProduct.values()]
    .map((list) => {
      const head = list[0]!;
      const trend = priceTrend(list.map((r) => ({ date: r.sent_on, orderId: r.order_id, orderNumber: r.order_number, unitCost: r.unit_cost })));
      return {
        productId: head.product_id, sku: head.sku, name: head.name, unit: head.unit,
        points: trend.points, first: trend.first!, latest: trend.latest!, change: trend.change,
      };
    })
    .sort((a, b) => a.sku.localeCompare(b.sku));
}

function summarise(s: SupplierRow, d: DeliveryRow[], f: FillRow[], productTrends: ProductPriceTrend[]): SupplierPerformanceSummary {
  const onTime = onTimeDelivery(d.map((r) => ({ postedOn: r.posted_on, dueOn: r.due_on })));
  const fill = fillRate(f.map((r) => ({ ordered: r.ordered, accepted: r.accepted, returned: r.returned, unitCost: r.unit_cost })));
  const inspection = rejectionRate(d.map((r) => ({ received: r.received, rejected: r.rejected, unitCost: r.unit_cost })));
  return {
    supplierId: s.id, code: s.code, name: s.name, currency: s.currency, status: s.status,
    deliveries: {
      count: onTime.deliveries, onTime: onTime.onTime, late: onTime.late, undated: onTime.undated, onTimeRate: onTime.rate, averageDaysLate: onTime.averageDaysLate,
    },
    fill: { lines: fill.lines, complete: fill.complete, fillRate: fill.rate },
    inspection: { lines: inspection.lines, rejectedLines: inspection.rejectedLines, rejectionRate: inspection.rate },
    prices: { products: productTrends.length, averageChange: averageChange(productTrends.map((t) => t.change)) },
  };
}

const periodOf = (p: Period) => ({ from: p.from ?? null, to: p.to ?? null });

function group<T extends { supplier_id: string }>(list: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of list) {
    const mine = out.get(r.supplier_id);
    if (mine) mine.push(r);
    else out.set(r.supplier_id, [r]);
  }
  return out;
}

export async function supplierPerformance(db: DbOrTx, supplierId: string, p: Period): Promise<SupplierPerformance> {
  const [supplier] = await rows<SupplierRow>(db, sql`SELECT id, code, name, currency, status FROM suppliers WHERE id = ${supplierId}`);
  if (!supplier) throw new DomainError('not_found', `no supplier ${supplierId}`, 'id');
  const productTrends = trends(await prices(db, supplierId, p));
  const summary = summarise(supplier, await deliveries(db, supplierId, p), await finishedLines(db, supplierId, p), productTrends);
  return { ...summary, ...periodOf(p), products: productTrends };
}

/** Every active supplier, and archived ones with documents in the period, side by side. */
export async function compareSuppliers(db: DbOrTx, p: Period): Promise<SupplierPerformanceComparison> {
  const all = await rows<SupplierRow>(db, sql`SELECT id, code, name, currency, status FROM suppliers ORDER BY code`);
  const d = group(await deliveries(db, null, p));
  const f = group(await finishedLines(db, null, p));
  const pr = group(await prices(db, null, p));
  const items = all
    .filter((s) => s.status === 'active' || d.has(s.id) || f.has(s.id) || pr.has(s.id))
    .map((s) => summarise(s, d.get(s.id) ?? [], f.get(s.id) ?? [], trends(pr.get(s.id) ?? [])));
  return { ...periodOf(p), items };
}
