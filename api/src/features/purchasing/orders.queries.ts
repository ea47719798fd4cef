import {
  approvalRefusal, canTakeStep, currencyDecimals, EXCHANGE_RATE_SCALE, formatExchangeRate, formatQuantity, formatUnitCost4, limitCovers, newId,
  orderLineAmounts, orderTotals, outstandingQuantity, parseExchangeRate, parseQuantity, parseScaledDecimal, PURCHASE_ORDER_STEPS,
  type FxContext, type PurchaseOrder, type purchaseOrderInputSchema, type PurchaseOrderLine, type purchaseOrderQuerySchema, type PurchaseOrderStatus,
  type PurchaseOrderStep, type PurchaseOrderSummary, type SessionUser,
} from '@shopbook/shared';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import { rows } from '../../db/rows.ts';
import { company, products, purchaseOrderLines, purchaseOrders, supplierProducts, suppliers, taxRates, warehouses } from '../../db/schema/index.ts';
import { DomainError } from '../../http/errors.ts';
import { recordAudit } from '../audit/record.ts';
import { nextNumber } from '../inventory/numbering.ts';
import { approvalLimitFor } from './approval.queries.ts';

export type OrderInput = z.output<typeof purchaseOrderInputSchema>;
type OrderQuery = z.output<typeof purchaseOrderQuerySchema>;
type OrderRow = typeof purchaseOrders.$inferSelect;

const qtyText = (numeric: string) => formatQuantity(parseQuantity(numeric));
const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());
/** Stock quantities above this do not fit numeric(14,3). */
const MAX_QTY_MILLI = 99_999_999_999_999;

export async function baseCurrency(db: DbOrTx): Promise<string> {
  const [row] = await db.select({ currency: company.currency }).from(company).limit(1);
  if (!row) throw new Error('company missing after setup');
  return row.currency;
}

export function fxOf(currency: string, base: string, rateMicro: number): FxContext {
  return { rateMicro, orderDecimals: currencyDecimals(currency), baseDecimals: currencyDecimals(base) };
}

// ---------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------

interface HeadRow {
  supplier_code: string;
  supplier_name: string;
  warehouse_code: string;
  created_name: string | null;
  approved_name: string | null;
  rejected_name: string | null;
  line_count: string | number;
}

const headSelect = sql`SELECT s.code AS supplier_code, s.name AS supplier_name, w.code AS warehouse_code,
         cu.username AS created_name, au.username AS approved_name, ru.username AS rejected_name,
         (SELECT count(*) FROM purchase_order_lines l WHERE l.order_id = o.id) AS line_count
    FROM purchase_orders o
    JOIN suppliers s ON s.id = o.supplier_id
    JOIN warehouses w ON w.id = o.warehouse_id
    LEFT JOIN users cu ON cu.id = o.created_by
    LEFT JOIN users au ON au.id = o.approved_by
    LEFT JOIN users ru ON ru.id = o.rejected_by`;

function summaryOf(o: OrderRow, h: HeadRow): PurchaseOrderSummary {
  return {
    id: o.id, number: o.number, supplierId: o.supplierId, supplierCode: h.supplier_code, supplierName: h.supplier_name,
    warehouseId: o.warehouseId, warehouseCode: h.warehouse_code, status: o.status, currency: o.currency,
    exchangeRate: formatExchangeRate(parseExchangeRateNumeric(o.exchangeRate)), expectedDate: o.expectedDate, reference: o.reference,
    totals: { net: o.net, tax: o.tax, gross: o.gross }, baseTotals: { net: o.baseNet, tax: o.baseTax, gross: o.baseGross },
    createdAt: o.createdAt.toISOString(), lineCount: Number(h.line_count),
  };
}

/** numeric(18,6) text ('7.100000') to micro units. */
const parseExchangeRateNumeric = (text: string) => parseScaledDecimal(text, 6, 'exchange rate');

export async function getOrder(db: DbOrTx, id: string): Promise<PurchaseOrder> {
  const [o] = await db.select().from(purchaseOrders).where(eq(purchaseOrders.id, id));
  if (!o) throw new DomainError('not_found', `no purchase order ${id}`, 'id');
  const [h] = await rows<HeadRow>(db, sql`${headSelect} WHERE o.id = ${id}`);
  const base = await baseCurrency(db);
  const lines = await db
    .select({ l: purchaseOrderLines, sku: products.sku, name: products.name, unit: products.unit })
    .from(purchaseOrderLines)
    .innerJoin(products, eq(products.id, purchaseOrderLines.productId))
    .where(eq(purchaseOrderLines.orderId, id))
    .orderBy(asc(purchaseOrderLines.lineNo));
  const user = (userId: string | null, name: string | null) => (userId ? { id: userId, username: name ?? '' } : null);
  const { lineCount: _n, ...head } = summaryOf(o, h!);
  return {
    ...head,
    baseCurrency: base,
    note: o.note,
    createdBy: user(o.createdBy, h!.created_name),
    submittedAt: iso(o.submittedAt),
    approvalMode: o.approvalMode,
    approvedBy: user(o.approvedBy, h!.approved_name),
    approvedAt: iso(o.approvedAt),
    rejectedBy: user(o.rejectedBy, h!.rejected_name),
    rejectedAt: iso(o.rejectedAt),
    rejectReason: o.rejectReason,
    sentAt: iso(o.sentAt),
    closedAt: iso(o.closedAt),
    closeReason: o.closeReason,
    cancelledAt: iso(o.cancelledAt),
    cancelReason: o.cancelReason,
    lines: lines.map(({ l, sku, name, unit }): PurchaseOrderLine => {
      const ordered = parseQuantity(l.stockQty);
      const accepted = parseQuantity(l.qtyReceived);
      const returned = parseQuantity(l.qtyReturned);
      return {
        id: l.id, lineNo: l.lineNo, productId: l.productId, sku, name, unit, itemCode: l.itemCode,
        qty: qtyText(l.qty), packSize: qtyText(l.packSize), stockQty: qtyText(l.stockQty),
        price: l.price, taxRateBp: l.taxRateBp, net: l.net, tax: l.tax, gross: l.gross, baseNet: l.baseNet, baseTax: l.baseTax,
        unitCost: l.unitCost, expectedDate: l.expectedDate,
        qtyReceived: formatQuantity(accepted), qtyRejected: qtyText(l.qtyRejected), qtyReturned: formatQuantity(returned),
        qtyOutstanding: formatQuantity(outstandingQuantity({ ordered, accepted, returned })),
      };
    }),
  };
}

export async function listOrders(db: DbOrTx, q: OrderQuery): Promise<PurchaseOrderSummary[]> {
  const filters = [sql`TRUE`];
  if (q.status) filters.push(sql`o.status = ${q.status}`);
  if (q.supplierId) filters.push(sql`o.supplier_id = ${q.supplierId}`);
  if (q.warehouseId) filters.push(sql`o.warehouse_id = ${q.warehouseId}`);
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    filters.push(sql`(o.number ILIKE ${like} OR s.code ILIKE ${like} OR s.name ILIKE ${like} OR o.reference ILIKE ${like})`);
  }
  const heads = await rows<HeadRow & { id: string }>(
    db,
    sql`SELECT o.id, s.code AS supplier_code, s.name AS supplier_name, w.code AS warehouse_code, NULL AS created_name, NULL AS approved_name,
               NULL AS rejected_name, (SELECT count(*) FROM purchase_order_lines l WHERE l.order_id = o.id) AS line_count
          FROM purchase_orders o JOIN suppliers s ON s.id = o.supplier_id JOIN warehouses w ON w.id = o.warehouse_id
         WHERE ${sql.join(filters, sql` AND `)}
         ORDER BY o.created_at DESC, o.number DESC
         LIMIT 500`,
  );
  if (!heads.length) return [];
  const orders = await db.select().from(purchaseOrders).where(inArray(purchaseOrders.id, heads.map((h) => h.id)));
  const byId = new Map(orders.map((o) => [o.id, o]));
  return heads.map((h) => summaryOf(byId.get(h.id)!, h));
}

// ---------------------------------------------------------------------------------
// Pricing a draft
// ---------------------------------------------------------------------------------

interface PricedOrder {
  currency: string;
  rateMicro: number;
  lines: (typeof purchaseOrderLines.$inferInsert)[];
  totals: ReturnType<typeof orderTotals>;
}

/**
 * Resolves an order's defaults and figures, naming the field of anything wrong: the
 * supplier and warehouse must be usable, the currency the supplier's, a foreign
 * currency needs its rate; each line's item code, pack size and price default from the
 * supplier's price list and its tax rate from the product.
 */
async function priceOrder(db: DbOrTx, input: OrderInput, orderId: string): Promise<PricedOrder> {
  const [supplier] = await db.select().from(suppliers).where(eq(suppliers.id, input.supplierId));
  if (!supplier) throw new DomainError('unprocessable', 'no such supplier', 'supplierId');
  if (supplier.status !== 'active') throw new DomainError('unprocessable', `${supplier.code} is archived and takes no new orders`, 'supplierId');
  const [wh] = await db.select({ kind: warehouses.kind, active: warehouses.active }).from(warehouses).where(eq(warehouses.id, input.warehouseId));
  if (!wh) throw new DomainError('unprocessable', 'no such warehouse', 'warehouseId');
  if (!wh.active) throw new DomainError('unprocessable', 'this warehouse is inactive', 'warehouseId');
  if (wh.kind === 'transit') throw new DomainError('unprocessable', 'goods cannot be delivered to the transit warehouse', 'warehouseId');

  const currency = input.currency ?? supplier.currency;
  if (currency !== supplier.currency) {
    throw new DomainError('unprocessable', `${supplier.code} is paid in ${supplier.currency}; its orders are in that currency`, 'currency');
  }
  const base = await baseCurrency(db);
  let rateMicro = EXCHANGE_RATE_SCALE;
  if (currency === base) {
    if (input.exchangeRate !== undefined && parseExchangeRate(input.exchangeRate) !== EXCHANGE_RATE_SCALE) {
      throw new DomainError('unprocessable', `an order in ${base}, the company's currency, has the rate 1`, 'exchangeRate');
    }
  } else {
    if (input.exchangeRate === undefined) throw new DomainError('unprocessable', `give the exchange rate: ${base} per 1 ${currency}`, 'exchangeRate');
    rateMicro = parseExchangeRate(input.exchangeRate);
  }
  const fx = fxOf(currency, base, rateMicro);

  const ids = [...new Set(input.lines.map((l) => l.productId))];
  const found = await db
    .select({ id: products.id, sku: products.sku, status: products.status, rateBp: taxRates.rateBasisPoints })
    .from(products)
    .innerJoin(taxRates, eq(taxRates.id, products.taxRateId))
    .where(inArray(products.id, ids));
  const offers = await db
    .select()
    .from(supplierProducts)
    .where(and(eq(supplierProducts.supplierId, supplier.id), inArray(supplierProducts.productId, ids)));

  const lines = input.lines.map((line, i) => {
    const field = (f: string) => `lines.${i}.${f}`;
    const product = found.find((p) => p.id === line.productId);
    if (!product) throw new DomainError('unprocessable', 'no such product', field('productId'));
    if (product.status !== 'active') throw new DomainError('unprocessable', `${product.sku} is archived`, field('productId'));
    const offer = offers.find((o) => o.productId === line.productId);
    const price = line.price ?? offer?.price;
    if (price === undefined) throw new DomainError('unprocessable', `${supplier.code} has no price for ${product.sku}: give a price`, field('price'));
    const packSize = line.packSize ?? offer?.packSize ?? '1';
    const taxRateBp = line.taxRateBp ?? product.rateBp;
    let amounts;
    try {
      amounts = orderLineAmounts({ qtyMilli: parseQuantity(line.qty), packSizeMilli: parseQuantity(packSize), priceMinor: price, taxRateBp }, fx);
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      if (/3 decimals/.test(e.message)) throw new DomainError('validation_failed', `qty × pack size (${packSize}) must have at most 3 decimals`, field('qty'));
      throw new DomainError('unprocessable', 'the amount of this line is too large', field('price'));
    }
    if (amounts.stockQtyMilli > MAX_QTY_MILLI) throw new DomainError('unprocessable', 'qty × pack size is too large', field('qty'));
    return {
      id: newId(), orderId, lineNo: i + 1, productId: line.productId, itemCode: line.itemCode ?? offer?.itemCode ?? '',
      qty: line.qty, packSize, stockQty: formatQuantity(amounts.stockQtyMilli), price, taxRateBp,
      net: amounts.net, tax: amounts.tax, gross: amounts.gross, baseNet: amounts.baseNet, baseTax: amounts.baseTax,
      unitCost: formatUnitCost4(amounts.unitCost4), expectedDate: line.expectedDate ?? input.expectedDate,
      _amounts: amounts,
    };
  });
  let totals;
  try {
    totals = orderTotals(lines.map((l) => l._amounts));
  } catch (e) {
    if (e instanceof RangeError) throw new DomainError('unprocessable', 'the order total is too large', 'lines');
    throw e;
  }
  return { currency, rateMicro, totals, lines: lines.map(({ _amounts, ...l }) => l) };
}

function headerColumns(input: OrderInput, priced: PricedOrder) {
  return {
    supplierId: input.supplierId, warehouseId: input.warehouseId, currency: priced.currency,
    exchangeRate: formatExchangeRate(priced.rateMicro), expectedDate: input.expectedDate, reference: input.reference, note: input.note,
    net: priced.totals.net, tax: priced.totals.tax, gross: priced.totals.gross,
    baseNet: priced.totals.baseNet, baseTax: priced.totals.baseTax, baseGross: priced.totals.baseGross,
  };
}

/** What the audit log keeps of an order: enough to see what changed. */
function auditView(o: PurchaseOrder) {
  return {
    number: o.number, status: o.status, supplierId: o.supplierId, warehouseId: o.warehouseId, currency: o.currency, exchangeRate: o.exchangeRate,
    expectedDate: o.expectedDate, reference: o.reference, totals: o.totals, baseTotals: o.baseTotals,
    lines: o.lines.map((l) => ({ productId: l.productId, qty: l.qty, packSize: l.packSize, price: l.price, taxRateBp: l.taxRateBp, expectedDate: l.expectedDate })),
  };
}

export async function createOrder(db: DbOrTx, input: OrderInput, user: SessionUser, now: Date, source = 'manual'): Promise<PurchaseOrder> {
  const id = newId();
  const priced = await priceOrder(db, input, id);
  const number = await nextNumber(db, 'PO', now.getUTCFullYear());
  await db.insert(purchaseOrders).values({ id, number, ...headerColumns(input, priced), createdBy: user.id, createdAt: now, updatedAt: now });
  await db.insert(purchaseOrderLines).values(priced.lines);
  const order = await getOrder(db, id);
  await recordAudit(db, { user, action: 'create', entity: 'purchase_order', entityId: id, after: { ...auditView(order), source }, at: now });
  return order;
}

/** Locks the order row for the rest of the transaction; receipts, returns and steps on one order queue here. */
export async function lockOrder(db: DbOrTx, id: string, field = 'id'): Promise<OrderRow> {
  const [o] = await db.select().from(purchaseOrders).where(eq(purchaseOrders.id, id)).for('update');
  if (!o) throw new DomainError(field === 'id' ? 'not_found' : 'unprocessable', `no purchase order ${id}`, field);
  return o;
}

const STEP_VERBS: Record<PurchaseOrderStep, string> = {
  edit: 'edited', submit: 'submitted', approve: 'approved', reject: 'rejected', reopen: 'reopened', send: 'sent', receive: 'received against',
  close: 'closed', cancel: 'cancelled',
};

export function wrongStatus(step: PurchaseOrderStep, status: PurchaseOrderStatus, field = 'status'): DomainError {
  const from = (PURCHASE_ORDER_STEPS[step] as readonly string[]).map((s) => s.replace('_', ' ')).join(' or ');
  return new DomainError('conflict', `this order is ${status.replace('_', ' ')}; only a ${from} order can be ${STEP_VERBS[step]}`, field);
}

/** Replaces a draft's header and lines. */
export async function updateOrder(db: DbOrTx, id: string, input: OrderInput, user: SessionUser, now: Date): Promise<PurchaseOrder> {
  const locked = await lockOrder(db, id);
  if (!canTakeStep('edit', locked.status)) throw wrongStatus('edit', locked.status);
  const before = await getOrder(db, id);
  const priced = await priceOrder(db, input, id);
  await db.update(purchaseOrders).set({ ...headerColumns(input, priced), updatedAt: now }).where(eq(purchaseOrders.id, id));
  await db.delete(purchaseOrderLines).where(eq(purchaseOrderLines.orderId, id));
  await db.insert(purchaseOrderLines).values(priced.lines);
  const after = await getOrder(db, id);
  await recordAudit(db, { user, action: 'update', entity: 'purchase_order', entityId: id, before: auditView(before), after: auditView(after), at: now });
  return after;
}

// ---------------------------------------------------------------------------------
// Steps
// ---------------------------------------------------------------------------------

/**
 * Moves the order on only if it is still in a status the step starts from: one
 * conditional UPDATE, so two people taking the same step at once take it once and the
 * other gets 409 with nothing changed.
 */
async function takeStep(
  db: DbOrTx, id: string, step: PurchaseOrderStep, set: Partial<typeof purchaseOrders.$inferInsert>, user: SessionUser, now: Date, extra: Record<string, unknown> = {},
): Promise<PurchaseOrder> {
  const from = PURCHASE_ORDER_STEPS[step] as readonly PurchaseOrderStatus[];
  const [before] = await db.select({ status: purchaseOrders.status }).from(purchaseOrders).where(eq(purchaseOrders.id, id));
  if (!before) throw new DomainError('not_found', `no purchase order ${id}`, 'id');
  const [moved] = await db
    .update(purchaseOrders)
    .set({ ...set, updatedAt: now })
    .where(and(eq(purchaseOrders.id, id), inArray(purchaseOrders.status, [...from])))
    .returning({ status: purchaseOrders.status });
  if (!moved) {
    const [now_] = await db.select({ status: purchaseOrders.status }).from(purchaseOrders).where(eq(purchaseOrders.id, id));
    throw wrongStatus(step, now_?.status ?? before.status);
  }
  await recordAudit(db, { user, action: step, entity: 'purchase_order', entityId: id, before: { status: before.status }, after: { status: moved.status, ...extra }, at: now });
  return getOrder(db, id);
}

/**
 * Submits a draft. Within the submitter's own approval limit (by default a purchaser's
 * 5,000.00, a manager's unlimited) it is approved at once; above it, it waits for an
 * approver.
 */
export async function submitOrder(db: DbOrTx, id: string, user: SessionUser, now: Date): Promise<PurchaseOrder> {
  // Locked: the amount checked against the limit is the amount approved, even if the
  // order is reopened, edited and resubmitted meanwhile.
  const o = await lockOrder(db, id);
  if (!canTakeStep('submit', o.status)) throw wrongStatus('submit', o.status);
  const limit = await approvalLimitFor(db, user);
  const self = limitCovers(limit, o.baseGross);
  return takeStep(
    db, id, 'submit',
    {
      status: self ? 'approved' : 'submitted', submittedBy: user.id, submittedAt: now,
      approvalMode: self ? 'self' : null, approvedBy: self ? user.id : null, approvedAt: self ? now : null,
      rejectedBy: null, rejectedAt: null, rejectReason: null,
    },
    user, now,
    { baseGross: o.baseGross, approvalMode: self ? 'self' : null, submitterLimit: limit === Number.POSITIVE_INFINITY ? 'unlimited' : limit },
  );
}

/** The approver holds purchasing.approve (the route checks), did not create the order, and has a limit that covers it. */
async function checkApprover(db: DbOrTx, o: OrderRow, user: SessionUser, verb: 'approve' | 'reject') {
  const limit = await approvalLimitFor(db, user);
  const refusal = approvalRefusal({
    approverId: user.id, creatorId: o.createdBy, hasPermission: user.permissions.includes('purchasing.approve'), limit, amount: o.baseGross,
  });
  // Rejecting is the safe side: any approver but the creator may reject, whatever the amount.
  if (refusal === 'over_limit' && verb === 'reject') return limit;
  if (refusal === 'not_permitted') throw new DomainError('forbidden', `to ${verb} an order needs the permission purchasing.approve`);
  if (refusal === 'own_order') throw new DomainError('forbidden', `the creator of an order cannot ${verb} it; another approver must`);
  if (refusal === 'over_limit') {
    throw new DomainError('forbidden', limit === null ? 'none of your roles has an approval limit' : `this order (${o.baseGross} minor units) is above your approval limit of ${limit}`);
  }
  return limit;
}

export async function approveOrder(db: DbOrTx, id: string, user: SessionUser, now: Date): Promise<PurchaseOrder> {
  // Locked: the amount checked against the limit is the amount approved, even if the
  // order is reopened, edited and resubmitted meanwhile.
  const o = await lockOrder(db, id);
  if (!canTakeStep('approve', o.status)) throw wrongStatus('approve', o.status);
  const limit = await checkApprover(db, o, user, 'approve');
  return takeStep(db, id, 'approve', { status: 'approved', approvalMode: 'approver', approvedBy: user.id, approvedAt: now }, user, now, {
    baseGross: o.baseGross, approverLimit: limit === Number.POSITIVE_INFINITY ? 'unlimited' : limit,
  });
}

export async function rejectOrder(db: DbOrTx, id: string, reason: string, user: SessionUser, now: Date): Promise<PurchaseOrder> {
  // Locked: the amount checked against the limit is the amount approved, even if the
  // order is reopened, edited and resubmitted meanwhile.
  const o = await lockOrder(db, id);
  if (!canTakeStep('reject', o.status)) throw wrongStatus('reject', o.status);
  await checkApprover(db, o, user, 'reject');
  return takeStep(db, id, 'reject', { status: 'rejected', rejectedBy: user.id, rejectedAt: now, rejectReason: reason }, user, now, { reason });
}

/** Back to draft for editing: a submitted order withdrawn, or a rejected one to fix. */
export async function reopenOrder(db: DbOrTx, id: string, user: SessionUser, now: Date): Promise<PurchaseOrder> {
  return takeStep(db, id, 'reopen', { status: 'draft', submittedBy: null, submittedAt: null, approvalMode: null, approvedBy: null, approvedAt: null }, user, now);
}

export async function sendOrder(db: DbOrTx, id: string, user: SessionUser, now: Date): Promise<PurchaseOrder> {
  return takeStep(db, id, 'send', { status: 'sent', sentBy: user.id, sentAt: now }, user, now);
}

/** No more goods are expected: what is outstanding is not coming. */
export async function closeOrder(db: DbOrTx, id: string, reason: string, user: SessionUser, now: Date): Promise<PurchaseOrder> {
  return takeStep(db, id, 'close', { status: 'closed', closedBy: user.id, closedAt: now, closeReason: reason }, user, now, { reason });
}

export async function cancelOrder(db: DbOrTx, id: string, reason: string, user: SessionUser, now: Date): Promise<PurchaseOrder> {
  return takeStep(db, id, 'cancel', { status: 'cancelled', cancelledBy: user.id, cancelledAt: now, cancelReason: reason }, user, now, { reason });
}
