import {
  formatQuantity, lineAmount, OPEN_ORDER_STATUSES, parseQuantity, SALES_WINDOW_DAYS, suggestReorder,
  type PurchaseOrder, type SessionUser, type SuggestionItem, type suggestionOrdersInputSchema, type Suggestions,
} from '@shopbook/shared';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import { rows } from '../../db/rows.ts';
import { supplierProducts, suppliers, warehouses } from '../../db/schema/index.ts';
import { DomainError } from '../../http/errors.ts';
import { baseCurrency, createOrder } from './orders.queries.ts';

type SuggestionOrdersInput = z.output<typeof suggestionOrdersInputSchema>;

const DAY_MS = 24 * 60 * 60 * 1000;

interface DemandRow {
  product_id: string;
  sku: string;
  name: string;
  unit: string;
  on_hand: string;
  on_order: string;
  sold: string;
  reorder_point: string | null;
  min_qty: string | null;
  max_qty: string | null;
}

interface Offer {
  supplierId: string;
  supplierCode: string;
  supplierName: string;
  currency: string;
  leadTimeDays: number;
  productId: string;
  itemCode: string;
  packSize: string;
  price: number;
  minOrderQty: string;
  preferred: boolean;
}

async function usableWarehouse(db: DbOrTx, warehouseId: string) {
  const [wh] = await db.select({ code: warehouses.code, kind: warehouses.kind }).from(warehouses).where(eq(warehouses.id, warehouseId));
  if (!wh) throw new DomainError('unprocessable', 'no such warehouse', 'warehouseId');
  if (wh.kind === 'transit') throw new DomainError('unprocessable', 'the transit warehouse is not restocked by purchase', 'warehouseId');
  return wh;
}

/**
 * Per product with a stock rule in the warehouse, or sold there in the window: stock
 * on hand (all batches), outstanding on open orders for the warehouse, and net sales
 * (sales less customer returns) since the window began.
 */
async function demand(db: DbOrTx, warehouseId: string, since: Date, productIds?: readonly string[]): Promise<DemandRow[]> {
  const only = productIds ? sql`AND k.product_id IN (${sql.join(productIds.map((p) => sql`${p}`), sql`, `)})` : sql``;
  return rows<DemandRow>(
    db,
    sql`WITH on_hand AS (
          SELECT product_id, sum(qty) AS qty FROM stock_levels WHERE warehouse_id = ${warehouseId} GROUP BY 1),
        on_order AS (
          SELECT l.product_id, sum(greatest(l.stock_qty - (l.qty_received - l.qty_returned), 0)) AS qty
            FROM purchase_order_lines l JOIN purchase_orders o ON o.id = l.order_id
           WHERE o.warehouse_id = ${warehouseId}
             AND o.status IN (${sql.join(OPEN_ORDER_STATUSES.map((s) => sql`${s}`), sql`, `)})
           GROUP BY 1),
        sold AS (
          SELECT product_id, -sum(qty) AS qty FROM stock_moves
           WHERE warehouse_id = ${warehouseId} AND move_type IN ('sale', 'return') AND occurred_at >= ${since.toISOString()}::timestamptz
           GROUP BY 1),
        keys AS (
          SELECT product_id FROM stock_rules WHERE warehouse_id = ${warehouseId}
          UNION SELECT product_id FROM sold WHERE qty > 0)
        SELECT k.product_id, p.sku, p.name, p.unit,
               coalesce(h.qty, 0)::text AS on_hand, coalesce(o.qty, 0)::text AS on_order, coalesce(s.qty, 0)::text AS sold,
               r.reorder_point::text AS reorder_point, r.min_qty::text AS min_qty, r.max_qty::text AS max_qty
          FROM keys k
          JOIN products p ON p.id = k.product_id AND p.status = 'active'
          LEFT JOIN on_hand h ON h.product_id = k.product_id
          LEFT JOIN on_order o ON o.product_id = k.product_id
          LEFT JOIN sold s ON s.product_id = k.product_id
          LEFT JOIN stock_rules r ON r.product_id = k.product_id AND r.warehouse_id = ${warehouseId}
         WHERE TRUE ${only}
         ORDER BY p.sku`,
  );
}

async function offersFor(db: DbOrTx, productIds: readonly string[]): Promise<Offer[]> {
  if (!productIds.length) return [];
  const found = await db
    .select({
      supplierId: suppliers.id, supplierCode: suppliers.code, supplierName: suppliers.name, currency: suppliers.currency, leadTimeDays: suppliers.leadTimeDays,
      productId: supplierProducts.productId, itemCode: supplierProducts.itemCode, packSize: supplierProducts.packSize, price: supplierProducts.price,
      minOrderQty: supplierProducts.minOrderQty, preferred: supplierProducts.preferred,
    })
    .from(supplierProducts)
    .innerJoin(suppliers, eq(suppliers.id, supplierProducts.supplierId))
    .where(and(eq(suppliers.status, 'active'), inArray(supplierProducts.productId, [...productIds])));
  return found.map((o) => ({ ...o, price: Number(o.price) }));
}

/**
 * Which supplier a product is suggested from: the preferred one; otherwise one paid in
 * the company's currency, cheapest per stock unit, then the shortest lead time, then by code.
 */
function chooseOffer(offers: readonly Offer[], base: string): Offer | undefined {
  const perUnit = (o: Offer) => o.price / Number(o.packSize);
  return [...offers].sort(
    (a, b) =>
      Number(b.preferred) - Number(a.preferred) ||
      Number(b.currency === base) - Number(a.currency === base) ||
      perUnit(a) - perUnit(b) ||
      a.leadTimeDays - b.leadTimeDays ||
      a.supplierCode.localeCompare(b.supplierCode),
  )[0];
}

function suggestionItem(row: DemandRow, offer: Offer | undefined): SuggestionItem {
  const rule = row.reorder_point === null ? null : {
    reorderPoint: parseQuantity(row.reorder_point), minQty: parseQuantity(row.min_qty ?? '0'), maxQty: parseQuantity(row.max_qty ?? '0'),
  };
  const leadTimeDays = offer?.leadTimeDays ?? 0;
  const packSize = offer ? parseQuantity(offer.packSize) : 1000;
  const s = suggestReorder({
    onHand: parseQuantity(row.on_hand), onOrder: parseQuantity(row.on_order), sold: parseQuantity(row.sold), leadTimeDays, rule,
    packSize, minOrderQty: offer ? parseQuantity(offer.minOrderQty) : 0,
  });
  const q = formatQuantity;
  return {
    productId: row.product_id, sku: row.sku, name: row.name, unit: row.unit,
    onHand: q(parseQuantity(row.on_hand)), onOrder: q(parseQuantity(row.on_order)), sold: q(Math.max(parseQuantity(row.sold), 0)),
    dailyVelocity: q(s.dailyVelocity), leadTimeDays, leadTimeDemand: q(s.leadTimeDemand), projected: q(s.projected),
    hasRule: rule !== null, reorderPoint: q(s.reorderPoint), target: q(s.target), needed: q(s.needed),
    itemCode: offer?.itemCode ?? '', packSize: q(packSize), minOrderQty: offer ? q(parseQuantity(offer.minOrderQty)) : '0',
    purchaseQty: q(s.purchaseQty), stockQty: q(s.stockQty),
    price: offer?.price ?? null, amount: offer ? lineAmount(s.purchaseQty, offer.price) : null,
  };
}

/**
 * Reorder suggestions for one warehouse, grouped by supplier (products no supplier
 * sells come last, without a supplier). See shared/src/purchasing/reorder.ts for the rule.
 */
export async function suggestions(db: DbOrTx, warehouseId: string, now: Date): Promise<Suggestions> {
  const wh = await usableWarehouse(db, warehouseId);
  const since = new Date(now.getTime() - SALES_WINDOW_DAYS * DAY_MS);
  const demandRows = await demand(db, warehouseId, since);
  const base = await baseCurrency(db);
  const offers = await offersFor(db, demandRows.map((r) => r.product_id));
  const groups = new Map<string, Suggestions['groups'][number]>();
  for (const row of demandRows) {
    const offer = chooseOffer(offers.filter((o) => o.productId === row.product_id), base);
    const item = suggestionItem(row, offer);
    if (item.purchaseQty === '0') continue;
    const key = offer?.supplierId ?? '';
    let group = groups.get(key);
    if (!group) {
      group = {
        supplierId: offer?.supplierId ?? null, supplierCode: offer?.supplierCode ?? null, supplierName: offer?.supplierName ?? null,
        currency: offer?.currency ?? null, leadTimeDays: offer?.leadTimeDays ?? 0, items: [], amount: 0,
      };
      groups.set(key, group);
    }
    group.items.push(item);
    group.amount += item.amount ?? 0;
  }
  const sorted = [...groups.values()].sort((a, b) => (a.supplierCode === null ? 1 : b.supplierCode === null ? -1 : a.supplierCode.localeCompare(b.supplierCode)));
  return { warehouseId, warehouseCode: wh.code, windowDays: SALES_WINDOW_DAYS, asOf: now.toISOString(), groups: sorted };
}

/**
 * Turns selected suggestions into draft orders, one per supplier, in one transaction.
 * Each item names the supplier to buy from (any active supplier that sells the
 * product); its quantity in purchase units is the one given, or the current suggestion
 * for that supplier's pack size, minimum and lead time.
 */
export async function ordersFromSuggestions(db: DbOrTx, input: SuggestionOrdersInput, user: SessionUser, now: Date): Promise<PurchaseOrder[]> {
  await usableWarehouse(db, input.warehouseId);
  const base = await baseCurrency(db);
  const since = new Date(now.getTime() - SALES_WINDOW_DAYS * DAY_MS);
  const productIds = [...new Set(input.items.map((i) => i.productId))];
  const demandRows = await demand(db, input.warehouseId, since, productIds);
  const offers = await offersFor(db, productIds);
  const supplierRows = await db.select().from(suppliers).where(inArray(suppliers.id, [...new Set(input.items.map((i) => i.supplierId))]));

  const bySupplier = new Map<string, { index: number; productId: string; qty: string }[]>();
  input.items.forEach((item, i) => {
    const field = (f: string) => `items.${i}.${f}`;
    const supplier = supplierRows.find((s) => s.id === item.supplierId);
    if (!supplier) throw new DomainError('unprocessable', 'no such supplier', field('supplierId'));
    if (supplier.status !== 'active') throw new DomainError('unprocessable', `${supplier.code} is archived`, field('supplierId'));
    const offer = offers.find((o) => o.supplierId === item.supplierId && o.productId === item.productId);
    if (!offer) throw new DomainError('unprocessable', `${supplier.code} does not sell this product; add it to their price list first`, field('supplierId'));
    let qty = item.qty;
    if (qty === undefined) {
      const row = demandRows.find((r) => r.product_id === item.productId);
      const suggested = row ? suggestionItem(row, offer).purchaseQty : '0';
      if (suggested === '0') throw new DomainError('unprocessable', 'this product needs no order now; give a quantity to order it anyway', field('qty'));
      qty = suggested;
    }
    const list = bySupplier.get(item.supplierId) ?? [];
    list.push({ index: i, productId: item.productId, qty });
    bySupplier.set(item.supplierId, list);
  });

  const orders: PurchaseOrder[] = [];
  for (const [supplierId, items] of bySupplier) {
    const supplier = supplierRows.find((s) => s.id === supplierId)!;
    let exchangeRate: string | undefined;
    if (supplier.currency !== base) {
      exchangeRate = input.exchangeRates[supplier.currency];
      if (exchangeRate === undefined) throw new DomainError('unprocessable', `give the exchange rate for ${supplier.currency} (${base} per 1 ${supplier.currency})`, `exchangeRates.${supplier.currency}`);
    }
    const expectedDate = input.expectedDate ?? new Date(now.getTime() + supplier.leadTimeDays * DAY_MS).toISOString().slice(0, 10);
    try {
      orders.push(
        await createOrder(
          db,
          {
            supplierId, warehouseId: input.warehouseId, currency: supplier.currency, exchangeRate, expectedDate, reference: '',
            note: input.note || 'From reorder suggestions', lines: items.map((it) => ({ productId: it.productId, qty: it.qty })),
          },
          user, now, 'suggestions',
        ),
      );
    } catch (e) {
      // Name the selected item, not the line of the order built from it.
      const m = e instanceof DomainError ? /^lines\.(\d+)\.(.+)$/.exec(e.field ?? '') : null;
      if (e instanceof DomainError && m) throw new DomainError(e.code, e.message, `items.${items[Number(m[1])]!.index}.${m[2]}`);
      throw e;
    }
  }
  return orders;
}
