import { expect, it } from 'vitest';
import { count, eq, like } from 'drizzle-orm';
import { newId, type Customer, type CustomerInvoice, type PushResult, type SalesOrder, type SalesTarget, type SalesTargetProgress } from '@shopbook/shared';
import { describeEachDriver } from '../../../test/databases.ts';
import { useApp } from '../../../test/harness.ts';
import { registerTill, saleEvent } from '../../../test/till.ts';
import { auditLog, products, salesTargets, stores, users } from '../../db/schema/index.ts';
import { body, helpers, type ErrorBody } from '../purchasing/test-support.ts';

const UNKNOWN = '0190f5e8-3b2a-7c41-9d2e-5f6a7b8c9d0e';

/**
 * March 2026, on the 2nd (the test clock): store S01 sells 3 at 11.30 with 13 % VAT at the
 * till (30.00 net), takes 1 back (10.00), and invoices 4 of a salesperson's order at
 * 25.00 net (100.00) less a credit note for 1 (25.00). S01's net sales: 20.00 + 75.00;
 * the salesperson's: 75.00. Targets 310.00 for the store and 100.00 for the salesperson.
 */
describeEachDriver('sales targets', (driver) => {
  const t = useApp(driver);
  const h = helpers(t);

  it('shows progress to the cent from till sales, refunds, invoices and credit notes, each to whom it belongs', async () => {
    const db = t.database.db;
    const [manager, seller] = [await t.login('manager'), await t.login('salesperson')];
    const userId = async (name: string) => (await db.select().from(users).where(eq(users.username, name)))[0]!.id;
    const [sellerId, cashierId] = [await userId('salesperson'), await userId('cashier')];
    const [product] = await db.select().from(products).where(like(products.sku, 'SNK-CHIPS-%')).orderBy(products.sku).limit(1);
    const till = await registerTill(t);
    const [s02] = await db.select().from(stores).where(eq(stores.code, 'S02'));

    // Till: 3 × 11.30 incl. 13 % = 30.00 net; one comes back: −10.00.
    const sale = saleEvent(till, 1, cashierId, [{ productId: product!.id, qty: '3', unitPrice: 1130, taxRateBp: 1300 }]);
    const returnId = newId();
    const ret = {
      id: returnId, deviceId: till.deviceId, seq: 2, type: 'return' as const, occurredAt: '2026-03-02T11:00:00.000Z',
      payload: {
        v: 1, returnId, receiptNo: 'R-1', originalSaleId: sale.id, storeId: till.storeId, warehouseId: till.warehouseId, cashierId, shiftId: null, reason: 'damaged', approvedBy: null,
        lines: [{ lineId: newId(), originalLineId: sale.payload.lines[0]!.lineId, productId: product!.id, qty: '1', taxRateBp: 1300, net: 1000, tax: 130, gross: 1130 }],
        totals: { net: 1000, tax: 130, gross: 1130 }, refunds: [{ tender: 'cash', amount: 1130, tendered: null, reference: null }],
      },
    };
    const pushed = await body<{ results: PushResult[] }>(t.call('POST', '/api/sync/push', { token: till.token, body: { events: [sale, ret] } }));
    expect(pushed.results.map((r) => r.status)).toEqual(['applied', 'applied']);

    // The salesperson's order: 4 at 25.00 net, shipped, invoiced at S01, one credited.
    const customer = await body<Customer>(t.call('POST', '/api/customers', { token: manager, body: { code: 'C-T1', name: 'Target Co', creditLimit: 10_000_000, salespersonId: sellerId } }));
    const adj = await body<{ id: string }>(t.call('POST', '/api/inventory/adjustments', {
      token: manager, body: { warehouseId: till.warehouseId, reason: 'found', lines: [{ productId: product!.id, qty: '10', unitCost: '300' }] },
    }));
    await t.call('POST', `/api/inventory/adjustments/${adj.id}/post`, { token: manager });
    const order = await body<SalesOrder>(t.call('POST', '/api/sales-orders', {
      token: seller, body: { customerId: customer.id, warehouseId: till.warehouseId, lines: [{ productId: product!.id, qty: '4', price: 2500, taxRateBp: 1300 }] },
    }));
    expect(order.salespersonId).toBe(sellerId);
    await body<SalesOrder>(t.call('POST', `/api/sales-orders/${order.id}/confirm`, { token: seller, body: {} }));
    await body<SalesOrder>(t.call('POST', `/api/sales-orders/${order.id}/shipments`, { token: seller, body: { lines: [{ lineId: order.lines[0]!.id, qty: '4' }] } }));
    const invoice = await body<CustomerInvoice>(t.call('POST', '/api/receivables/invoices', {
      token: manager, body: { customerId: customer.id, storeId: till.storeId, invoiceDate: '2026-03-02', lines: [{ orderLineId: order.lines[0]!.id, qty: '4' }] },
    }));
    expect(invoice.net).toBe(10_000);
    const credit = await body<CustomerInvoice>(t.call('POST', `/api/receivables/invoices/${invoice.id}/credit`, {
      token: manager, body: { reason: 'one torn', creditDate: '2026-03-02', lines: [{ invoiceLineId: invoice.lines[0]!.id, qty: '1' }] },
    }));
    expect(credit.net).toBe(2500);
    // A credit note dated next month counts in April, not March.
    await body<CustomerInvoice>(t.call('POST', `/api/receivables/invoices/${invoice.id}/credit`, {
      token: manager, body: { reason: 'late', creditDate: '2026-04-01', lines: [{ invoiceLineId: invoice.lines[0]!.id, qty: '1' }] },
    }));

    // Targets: set, then set again (replaces), for the store and the salesperson.
    const put = (token: string, b: object) => t.call('PUT', '/api/sales-targets', { token, body: b });
    const first = await body<SalesTarget>(put(manager, { storeId: till.storeId, month: '2026-03', amount: 20_000 }));
    const storeTarget = await body<SalesTarget>(put(manager, { storeId: till.storeId, month: '2026-03', amount: 31_000 }));
    expect(storeTarget).toMatchObject({ id: first.id, amount: 31_000, salespersonId: null });
    await body<SalesTarget>(put(manager, { storeId: till.storeId, salespersonId: sellerId, month: '2026-03', amount: 10_000 }));
    expect((await db.select({ n: count() }).from(salesTargets))[0]!.n).toBe(2);
    expect(await h.auditActions('sales_target', first.id)).toEqual(['create', 'update']);
    expect((await put(seller, { storeId: till.storeId, month: '2026-03', amount: 1 })).status).toBe(403);

    const progress = await body<SalesTargetProgress>(t.call('GET', '/api/sales-targets/progress?month=2026-03', { token: manager }));
    expect(progress).toMatchObject({ month: '2026-03', today: '2026-03-02', daysElapsed: 2, daysInMonth: 31 });
    const s01 = progress.stores.find((s) => s.storeId === till.storeId)!;
    // 95.00 of 310.00 = 30.645 % → 3065 bp; an even pace expects 310.00 × 2 / 31 = 20.00 by the 2nd.
    expect(s01.store).toEqual({
      targetId: first.id, target: 31_000, actual: 9500, tillNet: 2000, invoicedNet: 7500, percentBp: 3065, expected: 2000, remaining: 21_500, status: 'on_pace',
    });
    // The cashier cannot sell on order: not listed. 100.00 × 2 / 31 = 6.4516 → 6.45.
    expect(s01.salespeople).toEqual([{
      salespersonId: sellerId, salespersonName: '孙销售 Salesperson', targetId: expect.any(String), target: 10_000, actual: 7500, tillNet: 0, invoicedNet: 7500,
      percentBp: 7500, expected: 645, remaining: 2500, status: 'on_pace',
    }]);
    expect(progress.stores.find((s) => s.storeId === s02!.id)!.store).toMatchObject({ target: null, actual: 0, status: 'no_target' });
    // The same definition as the books: revenue (6001) credited by exactly these documents, April's credit note included.
    const tb = await body<{ rows: { accountCode: string; balance: number }[] }>(t.call('GET', '/api/finance/trial-balance', { token: manager }));
    const april = await body<SalesTargetProgress>(t.call('GET', '/api/sales-targets/progress?month=2026-04', { token: manager }));
    expect(april.stores.find((s) => s.storeId === till.storeId)!.store).toMatchObject({ actual: -2500, tillNet: 0, invoicedNet: -2500, target: null });
    expect(-(tb.rows.find((r) => r.accountCode === '6001')?.balance ?? 0)).toBe(9500 - 2500);

    // The salesperson sees their own row only, no store figures; the default month is this month.
    const own = await body<SalesTargetProgress>(t.call('GET', '/api/sales-targets/progress', { token: seller }));
    expect(own.stores.map((s) => [s.storeCode, s.store, s.salespeople.map((p) => [p.salespersonId, p.actual])])).toEqual([['S01', null, [[sellerId, 7500]]]]);
    expect((await t.call('GET', '/api/sales-targets', { token: seller })).status).toBe(403);
    expect((await body<{ items: SalesTarget[] }>(t.call('GET', '/api/sales-targets?month=2026-03', { token: manager }))).items).toHaveLength(2);

    // Removing a target leaves the figures.
    expect((await t.call('DELETE', `/api/sales-targets/${first.id}`, { token: manager })).status).toBe(204);
    const after = await body<SalesTargetProgress>(t.call('GET', '/api/sales-targets/progress?month=2026-03', { token: manager }));
    expect(after.stores.find((s) => s.storeId === till.storeId)!.store).toMatchObject({ targetId: null, target: null, actual: 9500, status: 'no_target' });
  });

  it('refuses bad input naming the field and changes nothing', async () => {
    const manager = await t.login('manager');
    const db = t.database.db;
    const [s01] = await db.select().from(stores).where(eq(stores.code, 'S01'));
    const clerk = (await db.select().from(users).where(eq(users.username, 'clerk')))[0]!.id;
    const ok = { storeId: s01!.id, month: '2026-03', amount: 1000 };
    const cases: [string, string, unknown, number, string][] = [
      ['PUT', '/api/sales-targets', { ...ok, month: '2026-13' }, 400, 'month'],
      ['PUT', '/api/sales-targets', { ...ok, month: '2026-3' }, 400, 'month'],
      ['PUT', '/api/sales-targets', { ...ok, amount: -1 }, 400, 'amount'],
      ['PUT', '/api/sales-targets', { ...ok, amount: 10.5 }, 400, 'amount'],
      ['PUT', '/api/sales-targets', { ...ok, amount: '1000' }, 400, 'amount'],
      ['PUT', '/api/sales-targets', { ...ok, storeId: 'S01' }, 400, 'storeId'],
      ['PUT', '/api/sales-targets', { ...ok, storeId: UNKNOWN }, 422, 'storeId'],
      ['PUT', '/api/sales-targets', { ...ok, salespersonId: UNKNOWN }, 422, 'salespersonId'],
      ['PUT', '/api/sales-targets', { ...ok, salespersonId: clerk }, 422, 'salespersonId'],
      ['GET', '/api/sales-targets/progress?month=2026-13', undefined, 400, 'month'],
      ['GET', '/api/sales-targets?month=march', undefined, 400, 'month'],
      ['DELETE', `/api/sales-targets/${UNKNOWN}`, undefined, 404, 'id'],
      ['DELETE', '/api/sales-targets/x', undefined, 400, 'id'],
    ];
    const footprint = async () => [(await db.select({ n: count() }).from(salesTargets))[0]!.n, (await db.select({ n: count() }).from(auditLog))[0]!.n];
    const before = await footprint();
    for (const [method, path, payload, status, field] of cases) {
      const res = await t.call(method, path, { token: manager, body: payload });
      const what = `${method} ${path} ${JSON.stringify(payload)}`;
      expect(res.status, what).toBe(status);
      expect(((await res.json()) as ErrorBody).error.field, what).toBe(field);
    }
    expect(await footprint()).toEqual(before);
  });
});
