import { newId, type SaleV1 } from '@shopbook/shared';
import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { customers, shifts, users, warehouses } from '../../db/schema/index.ts';
import { recordAudit } from '../audit/record.ts';
import { customerBalance } from '../customers/balance.queries.ts';
import { DomainError } from '../../http/errors.ts';
import { ACCOUNTS } from '../finance/chart.ts';
import { postJournalEntry } from '../finance/post-entry.ts';
import type { ApplyContext } from './ingest.ts';
import { touchCustomers } from '../customers/touch.ts';
import { applySaleLoyalty } from '../loyalty/apply.ts';
import { takeOutStock } from './stock-out.ts';
import { byAccount, TENDER_ACCOUNT } from './tenders.ts';
import { verifySaleTotals } from './verify-totals.ts';

/**
 * Records a till sale: the document, its stock moves (cost of goods fixed now at the
 * moving average) and one balanced journal entry. Stock may go negative and a closed
 * shift is accepted: the customer has paid, so the sale stands and is flagged instead.
 */
export async function applySale(ctx: ApplyContext, sale: SaleV1): Promise<string | null> {
  const { db, device } = ctx;
  if (sale.storeId !== device.storeId) throw new DomainError('unprocessable', 'the sale names another store than this till’s');
  if (sale.warehouseId !== device.warehouseId && (await storeOfWarehouse(db, sale.warehouseId)) !== device.storeId) throw new DomainError('unprocessable', 'the sale’s warehouse is not one of this store’s');
  verifySaleTotals(sale);

  const flags: string[] = [];
  if (sale.shiftId) {
    const [shift] = await db.select({ closedAt: shifts.closedAt }).from(shifts).where(eq(shifts.id, sale.shiftId));
    if (shift?.closedAt) flags.push('closed_shift');
  }
  const { costs, negative, serialProblems } = await takeOutStock(
    db,
    sale.warehouseId,
    sale.lines.map((l) => ({ productId: l.productId, batchId: l.batchId, qty: l.qty, serials: l.serials })),
    { moveType: 'sale', docType: 'sale', docId: sale.saleId, userId: sale.cashierId, occurredAt: ctx.occurredAt },
  );
  const cost = costs.reduce((s, c) => s + c, 0);
  if (negative) flags.push('negative_stock');
  if (serialProblems) flags.push('serial_problem');
  const pointsFlag = await applySaleLoyalty(db, sale, ctx.occurredAt, ctx.now);
  if (pointsFlag) flags.push(pointsFlag);

  // Header, lines and payments in one statement: fewer round trips while the stock locks are held.
  const lineRows = sale.lines.map(
    (l, i) => sql`(${l.lineId}::uuid, ${sale.saleId}::uuid, ${i + 1}::int, ${l.productId}::uuid, ${l.qty}::numeric, ${l.unitPrice}::bigint,
      ${l.listPrice}::bigint, ${l.overrideReason}, ${l.discount}::bigint, ${l.taxRateBp}::int, ${l.net}::bigint, ${l.tax}::bigint, ${l.gross}::bigint,
      ${costs[i] ?? 0}::bigint, ${`{${l.serials.map((s) => `"${s}"`).join(',')}}`}::text[])`,
  );
  const paymentRows = sale.payments.map(
    (p) => sql`(${newId()}::uuid, ${sale.saleId}::uuid, 'sale', ${p.tender}, ${p.amount}::bigint, ${p.tendered}::bigint, ${p.reference})`,
  );
  await db.execute(sql`
    WITH header AS (
      INSERT INTO sales (id, event_id, receipt_no, store_id, warehouse_id, device_id, cashier_id, shift_id, customer_id, occurred_at, recorded_at,
                         net, tax, gross, discount, change, cost, approved_by, flag)
      VALUES (${sale.saleId}::uuid, ${ctx.eventId}::uuid, ${sale.receiptNo}, ${sale.storeId}::uuid, ${sale.warehouseId}::uuid, ${device.id}::uuid,
              ${sale.cashierId}::uuid, ${sale.shiftId}::uuid, ${sale.customerId}::uuid, ${ctx.occurredAt.toISOString()}::timestamptz,
              ${ctx.now.toISOString()}::timestamptz, ${sale.totals.net}, ${sale.totals.tax}, ${sale.totals.gross}, ${sale.totals.discount},
              ${sale.change}, ${cost}, ${sale.approvedBy}::uuid, ${flags.join(',') || null})
      RETURNING id),
    lines AS (
      INSERT INTO sale_lines (id, sale_id, line_no, product_id, qty, unit_price, list_price, override_reason, discount, tax_rate_bp, net, tax, gross, cost, serials)
      SELECT v.* FROM header, (VALUES ${sql.join(lineRows, sql`, `)}) AS v(id, sale_id, line_no, product_id, qty, unit_price, list_price,
        override_reason, discount, tax_rate_bp, net, tax, gross, cost, serials)
      RETURNING id)
    INSERT INTO sale_payments (id, sale_id, kind, tender, amount, tendered, reference)
    SELECT v.* FROM header, (VALUES ${sql.join(paymentRows, sql`, `)}) AS v(id, sale_id, kind, tender, amount, tendered, reference)`);

  if (sale.payments.some((p) => p.tender === 'account')) {
    await touchCustomers(db, [sale.customerId]);
    await auditCreditOverride(db, sale, ctx.now);
  }
  const debits = byAccount(sale.payments.map((p) => ({ account: TENDER_ACCOUNT[p.tender], amount: p.amount })));
  const lines = [...debits].map(([accountCode, amount]) => ({ accountCode, debit: amount, credit: 0 }));
  if (sale.totals.net) lines.push({ accountCode: ACCOUNTS.revenue.code, debit: 0, credit: sale.totals.net });
  if (sale.totals.tax) lines.push({ accountCode: ACCOUNTS.taxPayable.code, debit: 0, credit: sale.totals.tax });
  if (cost > 0) {
    lines.push({ accountCode: ACCOUNTS.costOfGoodsSold.code, debit: cost, credit: 0 });
    lines.push({ accountCode: ACCOUNTS.inventory.code, debit: 0, credit: cost });
  } else if (cost < 0) {
    // Only possible with negative-valued stock; the entry still mirrors the ledger exactly.
    lines.push({ accountCode: ACCOUNTS.inventory.code, debit: -cost, credit: 0 });
    lines.push({ accountCode: ACCOUNTS.costOfGoodsSold.code, debit: 0, credit: -cost });
  }
  if (lines.length >= 2) {
    await postJournalEntry(db, {
      date: ctx.occurredAt.toISOString().slice(0, 10), sourceType: 'sale', sourceId: sale.saleId, memo: sale.receiptNo, userId: sale.cashierId,
      postedAt: ctx.now, lines, whenClosed: 'open_period',
    });
  }
  return flags.join(',') || null;
}

async function storeOfWarehouse(db: DbOrTx, warehouseId: string): Promise<string | null | undefined> {
  const [wh] = await db.select({ storeId: warehouses.storeId }).from(warehouses).where(eq(warehouses.id, warehouseId));
  return wh?.storeId;
}

/**
 * A sale on account that took the customer beyond their credit limit went through on a
 * manager's PIN at the till: the audit log records that manager's override.
 */
async function auditCreditOverride(db: DbOrTx, sale: SaleV1, now: Date): Promise<void> {
  if (!sale.customerId || !sale.approvedBy) return;
  const [customer] = await db.select({ creditLimit: customers.creditLimit, code: customers.code }).from(customers).where(eq(customers.id, sale.customerId));
  if (!customer) return;
  const { balance } = await customerBalance(db, sale.customerId);
  if (balance <= customer.creditLimit) return;
  const [manager] = await db.select({ id: users.id, username: users.username }).from(users).where(eq(users.id, sale.approvedBy));
  const onAccount = sale.payments.reduce((s, p) => s + (p.tender === 'account' ? p.amount : 0), 0);
  await recordAudit(db, {
    user: manager ?? null, action: 'credit_override', entity: 'sale', entityId: sale.saleId,
    after: { receiptNo: sale.receiptNo, customer: customer.code, onAccount, balance, creditLimit: customer.creditLimit, cashierId: sale.cashierId }, at: now,
  });
}
