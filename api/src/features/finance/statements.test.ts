import { type AccountLines, type BalanceSheet, type CustomerInvoice, newId, type ProfitAndLoss, type PushResult, type SalesOrder } from '@shopbook/shared';
import { asc, eq, like } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEachDriver } from '../../../test/databases.ts';
import { useApp } from '../../../test/harness.ts';
import { registerTill, saleEvent } from '../../../test/till.ts';
import { customers, products, stores, users } from '../../db/schema/index.ts';
import { body, type ErrorBody } from '../purchasing/test-support.ts';

/**
 * Stock found (+20 at 3.00), two till sales and a return, and a sales order shipped,
 * invoiced and paid; every figure below is worked out by hand from those.
 */
describeEachDriver('finance statements: profit and loss, balance sheet, drill-down', (driver) => {
  const t = useApp(driver);

  it('reports the month to the cent, balances on two dates, and drills down to the documents', async () => {
    const db = t.database.db;
    const manager = await t.login('manager');
    const accountant = await t.login('accountant');
    const till = await registerTill(t);
    const [product] = await db.select().from(products).where(like(products.sku, 'SNK-CHIPS-%')).orderBy(asc(products.sku)).limit(1);
    const [customer] = await db.select().from(customers).orderBy(asc(customers.code)).limit(1);
    const [store] = await db.select().from(stores).where(eq(stores.code, 'S01'));
    const cashierId = (await db.select().from(users).where(eq(users.username, 'cashier')))[0]!.id;

    // Found 20 at 3.00: inventory +60.00 against inventory adjustments (a gain, −60.00 of expense).
    const adj = await body<{ id: string }>(t.call('POST', '/api/inventory/adjustments', {
      token: manager, body: { warehouseId: till.warehouseId, reason: 'found', lines: [{ productId: product!.id, qty: '20', unitCost: '300' }] },
    }));
    expect((await t.call('POST', `/api/inventory/adjustments/${adj.id}/post`, { token: manager })).status).toBe(200);

    // Till: T-1 2 × 11.30 (20.00 + 2.60 VAT), T-2 1 × 11.30; cost 3 × 3.00. R-1 takes one of T-1 back.
    const s1 = saleEvent(till, 1, cashierId, [{ productId: product!.id, qty: '2', unitPrice: 1130, taxRateBp: 1300 }]);
    const s2 = saleEvent(till, 2, cashierId, [{ productId: product!.id, qty: '1', unitPrice: 1130, taxRateBp: 1300 }]);
    const returnId = newId();
    const ret = {
      id: returnId, deviceId: till.deviceId, seq: 3, type: 'return' as const, occurredAt: '2026-03-02T11:00:00.000Z',
      payload: {
        v: 1, returnId, receiptNo: 'R-1', originalSaleId: s1.id, storeId: till.storeId, warehouseId: till.warehouseId, cashierId, shiftId: null, reason: 'damaged', approvedBy: null,
        lines: [{ lineId: newId(), originalLineId: s1.payload.lines[0]!.lineId, productId: product!.id, qty: '1', taxRateBp: 1300, net: 1000, tax: 130, gross: 1130 }],
        totals: { net: 1000, tax: 130, gross: 1130 }, refunds: [{ tender: 'cash', amount: 1130, tendered: null, reference: null }],
      },
    };
    const pushed = await body<{ results: PushResult[] }>(t.call('POST', '/api/sync/push', { token: till.token, body: { events: [s1, s2, ret] } }));
    expect(pushed.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);

    // Wholesale: 5 at 10.00 net shipped (cost 15.00), invoiced 2 March (50.00 + 6.50 VAT), paid 3 March.
    const order = await body<SalesOrder>(t.call('POST', '/api/sales-orders', {
      token: manager, body: { customerId: customer!.id, warehouseId: till.warehouseId, lines: [{ productId: product!.id, qty: '5', price: 1000, taxRateBp: 1300 }] },
    }));
    const confirmed = await body<SalesOrder>(t.call('POST', `/api/sales-orders/${order.id}/confirm`, { token: manager }));
    const lineId = confirmed.lines[0]!.id;
    await body(t.call('POST', `/api/sales-orders/${order.id}/shipments`, { token: manager, body: { lines: [{ lineId, qty: '5' }] } }));
    const invoice = await body<CustomerInvoice>(t.call('POST', '/api/receivables/invoices', {
      token: manager, body: { customerId: customer!.id, storeId: store!.id, invoiceDate: '2026-03-02', lines: [{ orderLineId: lineId, qty: '5' }] },
    }));
    expect(invoice.gross).toBe(5650);
    await body(t.call('POST', '/api/receivables/payments', {
      token: accountant, body: { customerId: customer!.id, paymentDate: '2026-03-03', method: 'bank', amount: 5650, allocations: [{ invoiceId: invoice.id, amount: 5650 }] },
    }));

    // Revenue 20.00 + 10.00 − 10.00 + 50.00; cost 9.00 − 3.00 + 15.00; the found stock is a 60.00 gain.
    const pl = await body<ProfitAndLoss>(t.call('GET', '/api/finance/profit-and-loss?from=2026-03-01&to=2026-03-31', { token: accountant }));
    expect([pl.revenue.total, pl.costOfGoodsSold.total, pl.grossMargin, pl.grossMarginBp, pl.otherExpenses.total, pl.netProfit]).toEqual([7000, 2100, 4900, 7000, -6000, 10_900]);
    expect(pl.otherExpenses.lines).toEqual([expect.objectContaining({ code: '6711', amount: -6000 })]);
    expect(pl.months).toEqual([{ month: '2026-03', revenue: 7000, costOfGoodsSold: 2100, grossMargin: 4900 }]);
    const feb = await body<ProfitAndLoss>(t.call('GET', '/api/finance/profit-and-loss?from=2026-01-01&to=2026-02-28', { token: manager }));
    expect([feb.revenue.total, feb.netProfit, feb.grossMarginBp, feb.months.map((m) => m.month)]).toEqual([0, 0, null, ['2026-01', '2026-02']]);

    // 2 March: cash 22.60, inventory 39.00, receivable 56.50 = VAT 9.10 + profit 109.00. 3 March: the receivable is in the bank.
    const on2 = await body<BalanceSheet>(t.call('GET', '/api/finance/balance-sheet?asOf=2026-03-02', { token: accountant }));
    const amount = (s: BalanceSheet['assets'], code: string) => s.lines.find((l) => l.code === code)?.amount ?? 0;
    expect([amount(on2.assets, '1001'), amount(on2.assets, '1405'), amount(on2.assets, '1122'), amount(on2.assets, '1002')]).toEqual([2260, 3900, 5650, 0]);
    expect([on2.assets.total, on2.liabilities.total, on2.equity.total, on2.profit, on2.difference, on2.balanced]).toEqual([11_810, 910, 0, 10_900, 0, true]);
    const on3 = await body<BalanceSheet>(t.call('GET', '/api/finance/balance-sheet?asOf=2026-03-03', { token: accountant }));
    expect([amount(on3.assets, '1122'), amount(on3.assets, '1002'), on3.assets.total]).toEqual([0, 5650, 11_810]);
    expect(on3.assets.total).toBe(on3.liabilities.total + on3.equity.total + on3.profit);
    expect(on3.balanced).toBe(true);
    const before = await body<BalanceSheet>(t.call('GET', '/api/finance/balance-sheet?asOf=2026-02-28', { token: accountant }));
    expect([before.assets.total, before.profit, before.balanced]).toEqual([0, 0, true]);

    // Revenue drill-down: its lines come to the P&L figure and name the receipts and the invoice.
    const rev = await body<AccountLines>(t.call('GET', '/api/finance/accounts/6001/lines?from=2026-03-01&to=2026-03-31', { token: accountant }));
    expect(rev.items.reduce((s, l) => s + l.credit - l.debit, 0)).toBe(pl.revenue.total);
    expect([rev.opening, rev.closing, rev.total, rev.totals]).toEqual([0, -7000, 4, { debit: 1000, credit: 8000 }]);
    expect(rev.items.map((l) => [l.sourceType, l.documentRef, l.credit - l.debit])).toEqual([
      ['sale', 'T-1', 2000], ['sale', 'T-2', 1000], ['sale_return', 'R-1', -1000], ['customer_invoice', invoice.number, 5000],
    ]);
    expect(rev.items.map((l) => l.balance)).toEqual([-2000, -3000, -2000, -7000]);
    const page2 = await body<AccountLines>(t.call('GET', '/api/finance/accounts/6001/lines?from=2026-03-01&to=2026-03-31&page=2&pageSize=3', { token: accountant }));
    expect(page2.items.map((l) => [l.documentRef, l.balance])).toEqual([[invoice.number, -7000]]);
    expect(page2.total).toBe(4);
    // From 3 March the revenue so far is the opening balance; the bank's line names the payment.
    const later = await body<AccountLines>(t.call('GET', '/api/finance/accounts/6001/lines?from=2026-03-03&to=2026-03-31', { token: accountant }));
    expect([later.opening, later.closing, later.items.length, later.total]).toEqual([-7000, -7000, 0, 0]);
    const bank = await body<AccountLines>(t.call('GET', '/api/finance/accounts/1002/lines?from=2026-03-01&to=2026-03-31', { token: accountant }));
    expect(bank.items.map((l) => [l.sourceType, l.documentRef?.length ? 'named' : null, l.debit])).toEqual([['customer_payment', 'named', 5650]]);
    const inv = await body<AccountLines>(t.call('GET', '/api/finance/accounts/1405/lines?from=2026-03-01&to=2026-03-31', { token: accountant }));
    expect(inv.items[0]).toMatchObject({ sourceType: 'stock_adjustment', debit: 6000 });
    expect(inv.items[0]!.documentRef).toBeTruthy();
    expect(inv.closing).toBe(3900);
  });

  it('refuses bad dates naming the field, an unknown account with 404, and those without finance.read', async () => {
    const accountant = await t.login('accountant');
    const field = async (path: string) => {
      const res = await t.call('GET', path, { token: accountant });
      expect(res.status).toBe(400);
      return ((await res.json()) as ErrorBody).error.field;
    };
    expect(await field('/api/finance/profit-and-loss?from=2026-13-01&to=2026-03-31')).toBe('from');
    expect(await field('/api/finance/profit-and-loss?from=2026-03-01')).toBe('to');
    expect(await field('/api/finance/profit-and-loss?from=2026-03-02&to=2026-03-01')).toBe('from');
    expect(await field('/api/finance/balance-sheet?asOf=yesterday')).toBe('asOf');
    expect(await field('/api/finance/accounts/6001/lines?from=2026-03-01&to=2026-02-01')).toBe('from');
    expect(await field('/api/finance/accounts/6001/lines?from=2026-03-01&to=2026-03-31&pageSize=500')).toBe('pageSize');
    const unknown = await t.call('GET', '/api/finance/accounts/9999/lines?from=2026-03-01&to=2026-03-31', { token: accountant });
    expect(unknown.status).toBe(404);
    for (const role of ['cashier', 'clerk']) {
      const res = await t.call('GET', '/api/finance/profit-and-loss?from=2026-03-01&to=2026-03-31', { token: await t.login(role) });
      expect(res.status).toBe(403);
    }
    expect((await t.call('GET', '/api/finance/balance-sheet?asOf=2026-03-02', { token: await t.login('manager') })).status).toBe(200);
  });
});
