import { expect } from 'vitest';
import { asc, count, eq, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { TestContext } from '../../../test/harness.ts';
import { rows } from '../../db/rows.ts';
import {
  auditLog, journalEntries, NO_BATCH, purchaseOrderLines, purchaseOrders, purchaseReceiptLines, purchaseReceipts, purchaseReturnLines, purchaseReturns,
  stockLevels, stockMoves, supplierBankAccounts, supplierContacts, supplierProducts, suppliers, approvalLimits, batches,
} from '../../db/schema/index.ts';

/** Shared by the purchasing suites: reading the books and the ledger back. */

export type ErrorBody = { error: { code: string; message: string; field?: string } };

export async function body<T>(res: Response | Promise<Response>): Promise<T> {
  return (await (await res).json()) as T;
}

export function helpers(t: TestContext) {
  const level = async (productId: string, warehouseId: string, batchId: string = NO_BATCH) => {
    const [row] = await rows<{ qty: string; avg_cost: string; value: string | number }>(
      t.database.db,
      sql`SELECT qty::text AS qty, avg_cost::text AS avg_cost, value FROM stock_levels
           WHERE product_id = ${productId} AND warehouse_id = ${warehouseId} AND batch_id = ${batchId}`,
    );
    return { qty: Number(row?.qty ?? 0), avgCost: row?.avg_cost ?? '0.0000', value: Number(row?.value ?? 0) };
  };

  /** Balance (debit − credit) per account code, and the totals, from the trial balance endpoint. */
  const books = async () => {
    const tb = await body<{ rows: { accountCode: string; balance: number }[]; totals: { debit: number; credit: number } }>(
      t.call('GET', '/api/finance/trial-balance', { token: await t.login('owner') }),
    );
    const balance = (code: string) => tb.rows.find((r) => r.accountCode === code)?.balance ?? 0;
    return { inventory: balance('1405'), grni: balance('220201'), inputVat: balance('222102'), payables: balance('2202'), cogs: balance('6401'), totals: tb.totals };
  };

  /** Levels equal their moves, the journal's inventory equals the stock value, and the trial balance balances. */
  const booksBalance = async () => {
    const owner = await t.login('owner');
    const check = await body<{ ok: boolean; levelDifferences: unknown[]; journalInventory: number; stockValue: number }>(
      t.call('GET', '/api/inventory/ledger-check', { token: owner }),
    );
    expect(check.levelDifferences).toEqual([]);
    expect(check.journalInventory).toBe(check.stockValue);
    expect(check.ok).toBe(true);
    const b = await books();
    expect(b.totals.debit).toBe(b.totals.credit);
    return b;
  };

  /** Row counts of everything purchasing and the ledger write, to prove a refusal changed nothing. */
  const footprint = async () => {
    const db = t.database.db;
    const n = async (table: PgTable) => (await db.select({ n: count() }).from(table))[0]!.n;
    const levels = await rows<{ qty: string | null; value: string | number | null }>(db, sql`SELECT sum(qty)::text AS qty, sum(value) AS value FROM stock_levels`);
    const orderState = await rows<{ s: string | null }>(
      db,
      sql`SELECT string_agg(concat_ws('|', o.id, o.status, o.base_gross, o.approved_by, o.updated_at), ',' ORDER BY o.id) AS s FROM purchase_orders o`,
    );
    const lineState = await rows<{ s: string | null }>(
      db,
      sql`SELECT string_agg(concat_ws('|', id, qty_received, qty_rejected, qty_returned, qty, price), ',' ORDER BY id) AS s FROM purchase_order_lines`,
    );
    const docState = await rows<{ s: string | null }>(
      db,
      sql`SELECT concat_ws(';', (SELECT string_agg(concat_ws('|', id, status), ',' ORDER BY id) FROM purchase_receipts),
                 (SELECT string_agg(concat_ws('|', id, status), ',' ORDER BY id) FROM purchase_returns),
                 (SELECT string_agg(concat_ws('|', id, qty_returned), ',' ORDER BY id) FROM purchase_receipt_lines)) AS s`,
    );
    const supplierState = await rows<{ s: string | null }>(
      db,
      sql`SELECT string_agg(concat_ws('|', id, code, name, status, currency, updated_at), ',' ORDER BY id) AS s FROM suppliers`,
    );
    const offerState = await rows<{ s: string | null }>(
      db,
      sql`SELECT string_agg(concat_ws('|', supplier_id, product_id, item_code, pack_size, price, min_order_qty, preferred), ',' ORDER BY supplier_id, product_id) AS s FROM supplier_products`,
    );
    return {
      orders: await n(purchaseOrders), orderLines: await n(purchaseOrderLines), receipts: await n(purchaseReceipts), receiptLines: await n(purchaseReceiptLines),
      returns: await n(purchaseReturns), returnLines: await n(purchaseReturnLines), moves: await n(stockMoves), levels: await n(stockLevels),
      entries: await n(journalEntries), audit: await n(auditLog), suppliers: await n(suppliers), contacts: await n(supplierContacts),
      bankAccounts: await n(supplierBankAccounts), offers: await n(supplierProducts), limits: await n(approvalLimits), batches: await n(batches),
      stock: levels[0], orderState: orderState[0]?.s ?? null, lineState: lineState[0]?.s ?? null, docState: docState[0]?.s ?? null,
      supplierState: supplierState[0]?.s ?? null, offerState: offerState[0]?.s ?? null,
    };
  };

  const auditActions = async (entity: string, entityId: string) =>
    (await t.database.db.select({ action: auditLog.action }).from(auditLog).where(sql`${auditLog.entity} = ${entity} AND ${auditLog.entityId} = ${entityId}`).orderBy(asc(auditLog.id)))
      .map((r) => r.action);

  const entriesFor = async (sourceId: string) =>
    (await t.database.db.select({ n: count() }).from(journalEntries).where(eq(journalEntries.sourceId, sourceId)))[0]!.n;

  return { level, books, booksBalance, footprint, auditActions, entriesFor };
}
