import { assertBalanced, formatQuantity, isInClosedPeriod, lineCostMinor, movedEntryMemo, newId, openPostingDate, parseQuantity, parseUnitCost4, type SaleV1 } from '@shopbook/shared';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { pgArray } from '../../db/pg-array.ts';
import { rows } from '../../db/rows.ts';
import { NO_BATCH } from '../../db/schema/index.ts';
import type { DeviceContext } from '../../http/context.ts';
import { ACCOUNTS } from '../finance/chart.ts';
import { closedThrough } from '../finance/periods.queries.ts';
import { touchCustomers } from '../customers/touch.ts';
import { byAccount, TENDER_ACCOUNT } from './tenders.ts';
import { verifySaleTotals } from './verify-totals.ts';

/** A sale event already recorded in sync_events, ready to apply. */
export interface BatchSale {
  eventId: string;
  occurredAt: Date;
  sale: SaleV1;
}

/** What the batch path needs to know of the products and shifts its sales name. */
export interface BatchFacts {
  products: Map<string, { purchasePrice: number; plain: boolean }>;
  closedShifts: Set<string>;
  /** Whether customers earn points: then a customer's sale goes event by event, through the points ledger. */
  loyalty: boolean;
  /** Last day of the last closed month: a sale dated on or before it is booked on the day after (postJournalEntry's 'open_period'). */
  closedThrough: string | null;
}

/** Looks up the products and shifts a run of sales names, and the closed-through date. */
export async function batchFacts(db: DbOrTx, sales: readonly SaleV1[]): Promise<BatchFacts> {
  const productIds = [...new Set(sales.flatMap((s) => s.lines.map((l) => l.productId)))];
  const shiftIds = [...new Set(sales.flatMap((s) => (s.shiftId ? [s.shiftId] : [])))];
  const list = (ids: string[]) => sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `);
  const found = productIds.length
    ? await rows<{ id: string; purchase_price: string | number; batch_tracked: boolean; serial_tracked: boolean }>(
        db,
        sql`SELECT id, purchase_price, batch_tracked, serial_tracked FROM products WHERE id IN (${list(productIds)})`,
      )
    : [];
  const closed = shiftIds.length
    ? await rows<{ id: string }>(db, sql`SELECT id FROM shifts WHERE closed_at IS NOT NULL AND id IN (${list(shiftIds)})`)
    : [];
  const loyalty = sales.some((s) => s.customerId !== null)
    ? (await rows<{ enabled: boolean }>(db, sql`SELECT enabled FROM loyalty_program WHERE id = 1`))[0]?.enabled === true
    : false;
  return {
    products: new Map(found.map((p) => [p.id, { purchasePrice: Number(p.purchase_price), plain: !p.batch_tracked && !p.serial_tracked }])),
    closedShifts: new Set(closed.map((s) => s.id)),
    loyalty,
    closedThrough: await closedThrough(db),
  };
}

/**
 * Whether a sale can take the set-based path: sold from this till's own warehouse,
 * every product known and neither batch- nor serial-tracked (those need per-unit
 * choices: first expiry first out, the serials), and no loyalty points moving (spent,
 * or earned by a customer). Anything else goes event by event.
 */
export function fitsBatch(sale: SaleV1, device: DeviceContext, facts: BatchFacts): boolean {
  return (
    sale.storeId === device.storeId &&
    !(facts.loyalty && sale.customerId !== null) &&
    // Points and on-account sales go through the customer's ledgers (and credit override audit) one by one.
    sale.payments.every((p) => p.tender !== 'points' && p.tender !== 'account') &&
    sale.warehouseId === device.warehouseId &&
    sale.lines.every((l) => facts.products.get(l.productId)?.plain === true && l.batchId === null && l.serials.length === 0)
  );
}

const levelKey = (productId: string, warehouseId: string) => `${productId}|${warehouseId}|${NO_BATCH}`;

/** The average a level changed under us between reading it and locking it (a receipt landed): compute again. */
export class AverageMoved extends Error {}

/**
 * Applies many till sales with a fixed number of statements instead of a handful per
 * sale, with exactly the results of applying them one by one (apply-sale.ts): each line
 * leaves at the level's moving average, its value round(q·cost), the level moves by the
 * sum of its moves, one balanced journal entry per sale, the same flags.
 *
 * Ten lanes of one shop sell the same products, so the stock levels are the one thing
 * their pushes contend for: the documents are written first, and the levels are locked
 * last, all in one statement in postMoves' key order (no deadlock with any other
 * document), and held only until commit. Sales leave the average unchanged, so the
 * average read before writing is the one the lines go at, unless a receipt moved it
 * meanwhile: the lock statement checks, and then throws AverageMoved (the caller rolls
 * back to its savepoint and computes again). The negative-stock flag comes from the
 * quantities under the lock. Returns each event's flag (null when none).
 */
export async function applySalesBatch(db: DbOrTx, device: DeviceContext, batch: readonly BatchSale[], facts: BatchFacts, now: Date): Promise<Map<string, string | null>> {
  for (const b of batch) verifySaleTotals(b.sale);
  const warehouseId = device.warehouseId;
  const at = now.toISOString();
  const a = (values: readonly unknown[]) => pgArray(values as (string | number | null)[]);

  const productIds = [...new Set(batch.flatMap((b) => b.sale.lines.map((l) => l.productId)))].sort((x, y) =>
    levelKey(x, warehouseId).localeCompare(levelKey(y, warehouseId)),
  );
  const current = await rows<{ product_id: string; avg_cost: string }>(
    db,
    sql`SELECT product_id, avg_cost::text AS avg_cost FROM stock_levels
         WHERE warehouse_id = ${warehouseId}::uuid AND batch_id = ${NO_BATCH}::uuid AND product_id = ANY(${a(productIds)}::uuid[])`,
  );
  const averages = new Map(current.map((c) => [c.product_id, c.avg_cost]));
  // A level not there yet starts at the product's purchase price, as postMoves does.
  const level = new Map(
    productIds.map((p) => {
      const avg = averages.get(p) ?? String(facts.products.get(p)!.purchasePrice);
      return [p, { avg, cost4: parseUnitCost4(avg), dq: 0, dv: 0 }];
    }),
  );

  const move = columns('id', 'product', 'qty', 'cost', 'value', 'doc', 'user', 'at');
  const header = columns('id', 'event', 'receipt', 'cashier', 'shift', 'customer', 'at', 'net', 'tax', 'gross', 'discount', 'change', 'cost', 'approvedBy', 'flag');
  const line = columns('id', 'sale', 'no', 'product', 'qty', 'price', 'list', 'reason', 'discount', 'rate', 'net', 'tax', 'gross', 'cost');
  const payment = columns('id', 'sale', 'tender', 'amount', 'tendered', 'reference');
  const entry = columns('id', 'date', 'source', 'memo', 'user');
  const journal = columns('id', 'entry', 'no', 'account', 'debit', 'credit');
  /** Per sale, in order: what it takes of each product, for the negative-stock flag. */
  const taken: Map<string, number>[] = [];
  for (const { eventId, occurredAt, sale } of batch) {
    let cost = 0;
    const takes = new Map<string, number>();
    const when = occurredAt.toISOString();
    for (const [i, l] of sale.lines.entries()) {
      const lv = level.get(l.productId)!;
      const q = parseQuantity(l.qty);
      const value = lineCostMinor(-q, lv.cost4);
      lv.dq -= q;
      lv.dv += value;
      takes.set(l.productId, (takes.get(l.productId) ?? 0) + q);
      cost -= value;
      move.add(newId(), l.productId, formatQuantity(-q), lv.avg, value, sale.saleId, sale.cashierId, when);
      line.add(l.lineId, sale.saleId, i + 1, l.productId, l.qty, l.unitPrice, l.listPrice, l.overrideReason, l.discount, l.taxRateBp, l.net, l.tax, l.gross, -value);
    }
    taken.push(takes);
    const closed = sale.shiftId !== null && facts.closedShifts.has(sale.shiftId) ? 'closed_shift' : null;
    header.add(sale.saleId, eventId, sale.receiptNo, sale.cashierId, sale.shiftId, sale.customerId, when, sale.totals.net, sale.totals.tax, sale.totals.gross,
      sale.totals.discount, sale.change, cost, sale.approvedBy, closed);
    for (const p of sale.payments) payment.add(newId(), sale.saleId, p.tender, p.amount, p.tendered, p.reference);

    const lines = [...byAccount(sale.payments.map((p) => ({ account: TENDER_ACCOUNT[p.tender], amount: p.amount })))].map(([accountCode, amount]) => ({ accountCode, debit: amount, credit: 0 }));
    if (sale.totals.net) lines.push({ accountCode: ACCOUNTS.revenue.code, debit: 0, credit: sale.totals.net });
    if (sale.totals.tax) lines.push({ accountCode: ACCOUNTS.taxPayable.code, debit: 0, credit: sale.totals.tax });
    if (cost > 0) {
      lines.push({ accountCode: ACCOUNTS.costOfGoodsSold.code, debit: cost, credit: 0 }, { accountCode: ACCOUNTS.inventory.code, debit: 0, credit: cost });
    } else if (cost < 0) {
      lines.push({ accountCode: ACCOUNTS.inventory.code, debit: -cost, credit: 0 }, { accountCode: ACCOUNTS.costOfGoodsSold.code, debit: 0, credit: -cost });
    }
    if (lines.length >= 2) {
      assertBalanced(lines);
      const entryId = newId();
      const day = when.slice(0, 10);
      const late = isInClosedPeriod(day, facts.closedThrough);
      entry.add(entryId, openPostingDate(day, facts.closedThrough), sale.saleId, late ? movedEntryMemo(sale.receiptNo, day) : sale.receiptNo, sale.cashierId);
      lines.forEach((l, n) => journal.add(newId(), entryId, n + 1, l.accountCode, l.debit, l.credit));
    }
  }

  // The sale documents and their moves in a single round trip, one parameter per column.
  await db.execute(sql`
    WITH moves AS (
      INSERT INTO stock_moves (id, product_id, warehouse_id, batch_id, qty, unit_cost, value, move_type, doc_type, doc_id, user_id, occurred_at, recorded_at)
      SELECT m.id, m.product_id, ${warehouseId}::uuid, ${NO_BATCH}::uuid, m.qty, m.unit_cost, m.value, 'sale', 'sale', m.doc_id, m.user_id, m.occurred_at, ${at}::timestamptz
        FROM unnest(${a(move.id)}::uuid[], ${a(move.product)}::uuid[], ${a(move.qty)}::numeric[], ${a(move.cost)}::numeric[], ${a(move.value)}::bigint[],
                    ${a(move.doc)}::uuid[], ${a(move.user)}::uuid[], ${a(move.at)}::timestamptz[])
             AS m(id, product_id, qty, unit_cost, value, doc_id, user_id, occurred_at)),
    header AS (
      INSERT INTO sales (id, event_id, receipt_no, store_id, warehouse_id, device_id, cashier_id, shift_id, customer_id, occurred_at, recorded_at,
                         net, tax, gross, discount, change, cost, approved_by, flag)
      SELECT h.id, h.event_id, h.receipt_no, ${device.storeId}::uuid, ${warehouseId}::uuid, ${device.id}::uuid, h.cashier_id, h.shift_id, h.customer_id,
             h.occurred_at, ${at}::timestamptz, h.net, h.tax, h.gross, h.discount, h.change, h.cost, h.approved_by, h.flag
        FROM unnest(${a(header.id)}::uuid[], ${a(header.event)}::uuid[], ${a(header.receipt)}::text[], ${a(header.cashier)}::uuid[], ${a(header.shift)}::uuid[],
                    ${a(header.customer)}::uuid[], ${a(header.at)}::timestamptz[], ${a(header.net)}::bigint[], ${a(header.tax)}::bigint[], ${a(header.gross)}::bigint[],
                    ${a(header.discount)}::bigint[], ${a(header.change)}::bigint[], ${a(header.cost)}::bigint[], ${a(header.approvedBy)}::uuid[], ${a(header.flag)}::text[])
             AS h(id, event_id, receipt_no, cashier_id, shift_id, customer_id, occurred_at, net, tax, gross, discount, change, cost, approved_by, flag)
      RETURNING id),
    lines AS (
      INSERT INTO sale_lines (id, sale_id, line_no, product_id, qty, unit_price, list_price, override_reason, discount, tax_rate_bp, net, tax, gross, cost)
      SELECT * FROM unnest(${a(line.id)}::uuid[], ${a(line.sale)}::uuid[], ${a(line.no)}::int[], ${a(line.product)}::uuid[], ${a(line.qty)}::numeric[],
                           ${a(line.price)}::bigint[], ${a(line.list)}::bigint[], ${a(line.reason)}::text[], ${a(line.discount)}::bigint[], ${a(line.rate)}::int[],
                           ${a(line.net)}::bigint[], ${a(line.tax)}::bigint[], ${a(line.gross)}::bigint[], ${a(line.cost)}::bigint[])
       WHERE EXISTS (SELECT 1 FROM header))
    INSERT INTO sale_payments (id, sale_id, kind, tender, amount, tendered, reference)
    SELECT p.id, p.sale_id, 'sale', p.tender, p.amount, p.tendered, p.reference
      FROM unnest(${a(payment.id)}::uuid[], ${a(payment.sale)}::uuid[], ${a(payment.tender)}::text[], ${a(payment.amount)}::bigint[], ${a(payment.tendered)}::bigint[],
                  ${a(payment.reference)}::text[]) AS p(id, sale_id, tender, amount, tendered, reference)
     WHERE EXISTS (SELECT 1 FROM header)`);
  if (entry.id.length) {
    await db.execute(sql`
      WITH entries AS (
        INSERT INTO journal_entries (id, entry_date, posted_at, source_type, source_id, memo, created_by)
        SELECT e.id, e.entry_date, ${at}::timestamptz, 'sale', e.source_id, e.memo, e.created_by
          FROM unnest(${a(entry.id)}::uuid[], ${a(entry.date)}::date[], ${a(entry.source)}::text[], ${a(entry.memo)}::text[], ${a(entry.user)}::uuid[])
               AS e(id, entry_date, source_id, memo, created_by)
        RETURNING id)
      INSERT INTO journal_lines (id, entry_id, line_no, account_code, debit, credit, memo)
      SELECT j.id, j.entry_id, j.line_no, j.account_code, j.debit, j.credit, ''
        FROM unnest(${a(journal.id)}::uuid[], ${a(journal.entry)}::uuid[], ${a(journal.no)}::int[], ${a(journal.account)}::text[], ${a(journal.debit)}::bigint[],
                    ${a(journal.credit)}::bigint[]) AS j(id, entry_id, line_no, account_code, debit, credit)
       WHERE EXISTS (SELECT 1 FROM entries)`);
  }

  // Now the levels: locked and moved in one statement, only if their average is still the one the lines went at.
  const ordered = productIds.map((p) => [p, level.get(p)!] as const);
  const after = await rows<{ product_id: string; qty: string }>(
    db,
    sql`INSERT INTO stock_levels AS l (product_id, warehouse_id, batch_id, qty, avg_cost, value, updated_at)
        SELECT v.product_id, ${warehouseId}::uuid, ${NO_BATCH}::uuid, v.dq, v.avg, v.dv, ${at}::timestamptz
          FROM unnest(${a(ordered.map(([p]) => p))}::uuid[], ${a(ordered.map(([, lv]) => formatQuantity(lv.dq)))}::numeric[],
                      ${a(ordered.map(([, lv]) => lv.avg))}::numeric[], ${a(ordered.map(([, lv]) => lv.dv))}::bigint[]) WITH ORDINALITY AS v(product_id, dq, avg, dv, n)
         ORDER BY v.n
        ON CONFLICT (product_id, warehouse_id, batch_id) DO UPDATE
          SET qty = l.qty + EXCLUDED.qty, value = l.value + EXCLUDED.value, updated_at = EXCLUDED.updated_at
          WHERE l.avg_cost = EXCLUDED.avg_cost
        RETURNING l.product_id, l.qty::text AS qty`,
  );
  if (after.length !== productIds.length) throw new AverageMoved('a stock level’s average changed while the sales were written');
  // Customers whose account moved, after the levels, in the order the event-by-event path takes them.
  await touchCustomers(db, batch.filter((b) => b.sale.payments.some((p) => p.tender === 'account')).map((b) => b.sale.customerId));

  // Walk the sales in order from the quantities before them: which took a level below zero.
  const running = new Map(after.map((r) => [r.product_id, parseQuantity(r.qty) - level.get(r.product_id)!.dq]));
  const flags = new Map<string, string | null>();
  const flagged = columns('sale', 'event', 'flag');
  batch.forEach(({ eventId, sale }, k) => {
    let negative = false;
    for (const [p, q] of taken[k]!) {
      const left = running.get(p)! - q;
      running.set(p, left);
      if (left < 0) negative = true;
    }
    const flag = [sale.shiftId !== null && facts.closedShifts.has(sale.shiftId) ? 'closed_shift' : null, negative ? 'negative_stock' : null].filter(Boolean).join(',') || null;
    flags.set(eventId, flag);
    if (flag) flagged.add(sale.saleId, eventId, flag);
  });
  if (flagged.sale.length) {
    await db.execute(sql`
      WITH f AS (SELECT * FROM unnest(${a(flagged.sale)}::uuid[], ${a(flagged.event)}::uuid[], ${a(flagged.flag)}::text[]) AS f(sale_id, event_id, flag)),
      sale_flags AS (UPDATE sales AS s SET flag = f.flag FROM f WHERE s.id = f.sale_id)
      UPDATE sync_events AS e SET flagged = f.flag FROM f WHERE e.id = f.event_id`);
  }
  return flags;
}

/** Rows gathered column by column, for unnest(): `c.add(...)` appends one row, `c.id` is a column. */
function columns<K extends string>(...names: K[]): Record<K, unknown[]> & { add: (...values: unknown[]) => void } {
  const cols = Object.fromEntries(names.map((n) => [n, [] as unknown[]])) as Record<K, unknown[]>;
  return Object.assign(cols, { add: (...values: unknown[]) => names.forEach((n, i) => cols[n].push(values[i])) });
}
