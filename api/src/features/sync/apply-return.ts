import { formatQuantity, formatUnitCost4, newId, parseQuantity, unitCost4FromTotal, type ReturnV1 } from '@shopbook/shared';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { rows } from '../../db/rows.ts';
import { returnLines, saleLines, salePayments, saleReturns, sales } from '../../db/schema/index.ts';
import { DomainError } from '../../http/errors.ts';
import { ACCOUNTS } from '../finance/chart.ts';
import { postJournalEntry } from '../finance/post-entry.ts';
import { postMoves } from '../inventory/post-moves.ts';
import { touchCustomers } from '../customers/touch.ts';
import { applyReturnLoyalty } from '../loyalty/apply.ts';
import type { ApplyContext } from './ingest.ts';
import { byAccount, TENDER_ACCOUNT } from './tenders.ts';

/**
 * A return puts the goods back at the cost they left with (a return without a receipt
 * at the current average), reverses revenue and tax, and refunds by the tenders given.
 * Returning more of a line than was sold, less earlier returns, is refused.
 */
export async function applyReturn(ctx: ApplyContext, ret: ReturnV1): Promise<string | null> {
  const { db, device } = ctx;
  if (ret.storeId !== device.storeId) throw new DomainError('unprocessable', 'the return names another store than this till’s');
  if (!ret.originalSaleId && !ret.approvedBy) throw new DomainError('unprocessable', 'a return without a receipt needs a manager’s approval');
  const sum = (k: 'net' | 'tax' | 'gross') => ret.lines.reduce((s, l) => s + l[k], 0);
  if (sum('net') !== ret.totals.net || sum('tax') !== ret.totals.tax || sum('gross') !== ret.totals.gross) {
    throw new DomainError('unprocessable', 'return totals do not match its lines');
  }
  for (const [i, l] of ret.lines.entries()) {
    if (l.net + l.tax !== l.gross) throw new DomainError('unprocessable', `line ${i + 1}: net and tax do not add up to gross`);
  }
  const refunded = ret.refunds.reduce((s, r) => s + r.amount, 0);
  if (refunded !== ret.totals.gross) throw new DomainError('unprocessable', `refunds ${refunded} do not equal the return total ${ret.totals.gross}`);

  const unitCosts = new Map<string, string>();
  if (ret.originalSaleId) {
    const [original] = await db.select({ id: sales.id }).from(sales).where(eq(sales.id, ret.originalSaleId));
    if (!original) throw new DomainError('unprocessable', 'the original sale has not reached the server yet');
    const ids = ret.lines.map((l) => l.originalLineId).filter((x): x is string => !!x);
    const origLines = ids.length ? await db.select().from(saleLines).where(and(eq(saleLines.saleId, ret.originalSaleId), inArray(saleLines.id, ids))) : [];
    const already = await rows<{ original_line_id: string; qty: string }>(
      db,
      sql`SELECT original_line_id, sum(qty)::text AS qty FROM sale_return_lines WHERE original_line_id IN ${sql`(${sql.join(ids.length ? ids.map((id) => sql`${id}`) : [sql`NULL`], sql`, `)})`} GROUP BY 1`,
    );
    for (const [i, l] of ret.lines.entries()) {
      const o = origLines.find((x) => x.id === l.originalLineId);
      if (!o || o.productId !== l.productId) throw new DomainError('unprocessable', `line ${i + 1} is not a line of the original sale`);
      const before = parseQuantity(already.find((a) => a.original_line_id === o.id)?.qty ?? '0');
      if (before + parseQuantity(l.qty) > parseQuantity(String(o.qty))) {
        throw new DomainError('unprocessable', `line ${i + 1}: returning more than was sold (sold ${Number(o.qty)}, returned before ${formatQuantity(before)})`);
      }
      // The goods come back at the cost they left with.
      unitCosts.set(l.lineId, formatUnitCost4(unitCost4FromTotal(o.cost, parseQuantity(String(o.qty)))));
    }
  }
  const posted: number[] = [];
  let serialProblem = false;
  for (const [i, l] of ret.lines.entries()) {
    const unitCost = unitCosts.get(l.lineId);
    const [m] = await postMoves(db, [{
      productId: l.productId, warehouseId: ret.warehouseId, qty: l.qty, ...(unitCost ? { unitCost } : {}), moveType: 'return', docType: 'sale_return',
      docId: ret.returnId, userId: ret.cashierId, occurredAt: ctx.occurredAt, serials: l.serials, acceptSerialProblems: true, ref: i,
    }]);
    posted.push(m!.value);
    serialProblem ||= m!.serialProblems.length > 0;
  }
  const cost = posted.reduce((s, v) => s + v, 0);
  await db.insert(saleReturns).values({
    id: ret.returnId, eventId: ctx.eventId, receiptNo: ret.receiptNo, originalSaleId: ret.originalSaleId, storeId: ret.storeId, warehouseId: ret.warehouseId,
    deviceId: device.id, cashierId: ret.cashierId, shiftId: ret.shiftId, reason: ret.reason, approvedBy: ret.approvedBy, occurredAt: ctx.occurredAt,
    recordedAt: ctx.now, net: ret.totals.net, tax: ret.totals.tax, gross: ret.totals.gross, cost, flag: serialProblem ? 'serial_problem' : null,
  });
  await db.insert(returnLines).values(
    ret.lines.map((l, i) => ({ id: l.lineId, returnId: ret.returnId, originalLineId: l.originalLineId, productId: l.productId, qty: l.qty, serials: l.serials, taxRateBp: l.taxRateBp, net: l.net, tax: l.tax, gross: l.gross, cost: posted[i] ?? 0 })),
  );
  await db.insert(salePayments).values(
    ret.refunds.map((r) => ({ id: newId(), saleId: ret.returnId, kind: 'return' as const, tender: r.tender, amount: -r.amount, tendered: null, reference: r.reference })),
  );
  if (ret.originalSaleId && ret.refunds.some((r) => r.tender === 'account')) {
    const [original] = await db.select({ customerId: sales.customerId }).from(sales).where(eq(sales.id, ret.originalSaleId));
    await touchCustomers(db, [original?.customerId]);
  }
  const credits = byAccount(ret.refunds.map((r) => ({ account: TENDER_ACCOUNT[r.tender], amount: r.amount })));
  const lines = [...credits].map(([accountCode, amount]) => ({ accountCode, debit: 0, credit: amount }));
  if (ret.totals.net) lines.push({ accountCode: ACCOUNTS.revenue.code, debit: ret.totals.net, credit: 0 });
  if (ret.totals.tax) lines.push({ accountCode: ACCOUNTS.taxPayable.code, debit: ret.totals.tax, credit: 0 });
  if (cost > 0) {
    lines.push({ accountCode: ACCOUNTS.inventory.code, debit: cost, credit: 0 });
    lines.push({ accountCode: ACCOUNTS.costOfGoodsSold.code, debit: 0, credit: cost });
  }
  if (lines.length >= 2) {
    await postJournalEntry(db, {
      date: ctx.occurredAt.toISOString().slice(0, 10), sourceType: 'sale_return', sourceId: ret.returnId, memo: ret.receiptNo, userId: ret.cashierId,
      postedAt: ctx.now, lines, whenClosed: 'open_period',
    });
  }
  await applyReturnLoyalty(db, ret, ctx.occurredAt, ctx.now);
  return serialProblem ? 'serial_problem' : null;
}
