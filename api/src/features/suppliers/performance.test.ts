import { expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import type { PurchaseOrder, PurchaseReceipt, SupplierPerformance, SupplierPerformanceComparison } from '@shopbook/shared';
import { describeEachDriver } from '../../../test/databases.ts';
import { useApp } from '../../../test/harness.ts';
import { products, suppliers, warehouses } from '../../db/schema/index.ts';
import { body, type ErrorBody } from '../purchasing/test-support.ts';

const UNKNOWN = '0190f5e8-3b2a-7c41-9d2e-5f6a7b8c9d0e';

/**
 * One supplier over ten days: an order with a late delivery of one line, a partial
 * receipt with part of the other line rejected, the order closed short, a return, and a
 * second order at a higher price. Every figure is worked out by hand in the comments.
 */
describeEachDriver('supplier performance', (driver) => {
  const t = useApp(driver);

  /** Moves the clock to 09:00 UTC of a day; sessions idle out, so callers sign in again. */
  const onDay = (day: string) => t.clock.advance(new Date(`${day}T09:00:00Z`).getTime() - t.clock.now().getTime());

  it('works out on-time delivery, fill rate, rejection rate and the price trend from the documents', async () => {
    const db = t.database.db;
    const [wh] = await db.select().from(warehouses).where(eq(warehouses.code, 'S01-WH'));
    const bySku = Object.fromEntries((await db.select().from(products).where(inArray(products.sku, ['BEV-SOFT-0001', 'BEV-SOFT-0002']))).map((p) => [p.sku, p]));
    const [A, B] = [bySku['BEV-SOFT-0001']!, bySku['BEV-SOFT-0002']!];
    const sup = Object.fromEntries((await db.select().from(suppliers)).map((s) => [s.code, s.id])) as Record<string, string>;
    const supplier = sup['SUP-BEV']!;
    const login = async () => ({ purchaser: await t.login('purchaser'), clerk: await t.login('clerk'), manager: await t.login('manager') });

    const order = async (token: string, lines: object[], expectedDate: string | null) => {
      const draft = await body<PurchaseOrder>(t.call('POST', '/api/purchasing/orders', { token, body: { supplierId: supplier, warehouseId: wh!.id, expectedDate, lines } }));
      expect((await body<PurchaseOrder>(t.call('POST', `/api/purchasing/orders/${draft.id}/submit`, { token }))).status).toBe('approved');
      const sent = await body<PurchaseOrder>(t.call('POST', `/api/purchasing/orders/${draft.id}/send`, { token }));
      expect(sent.status).toBe('sent');
      return sent;
    };
    const receive = async (token: string, orderId: string, lines: object[]) => {
      const draft = await body<PurchaseReceipt>(t.call('POST', '/api/purchasing/receipts', { token, body: { orderId, warehouseId: wh!.id, lines } }));
      const posted = await body<PurchaseReceipt>(t.call('POST', `/api/purchasing/receipts/${draft.id}/post`, { token }));
      expect(posted.status).toBe('posted');
      return posted;
    };

    // 2 March: 10 of A at 10.00 due on the 5th, and 20 of B at 5.00 due on the 3rd.
    let u = await login();
    const po1 = await order(u.purchaser, [
      { productId: A.id, qty: '10', packSize: '1', price: 1000 },
      { productId: B.id, qty: '20', packSize: '1', price: 500, expectedDate: '2026-03-03' },
    ], '2026-03-05');
    const [lineA, lineB] = po1.lines as [PurchaseOrder['lines'][number], PurchaseOrder['lines'][number]];
    expect([lineA.unitCost, lineA.expectedDate, lineB.unitCost, lineB.expectedDate]).toEqual(['1000.0000', '2026-03-05', '500.0000', '2026-03-03']);

    // 3 March: all of B (4 rejected, torn shrink wrap) and 6 of A. Both on time.
    onDay('2026-03-03');
    u = await login();
    const r1 = await receive(u.clerk, po1.id, [
      { orderLineId: lineA.id, qtyReceived: '6' },
      { orderLineId: lineB.id, qtyReceived: '20', qtyRejected: '4', rejectReason: 'torn shrink wrap' },
    ]);
    // 7 March: the other 4 of A, two days late; the order is closed without the 4 rejected B.
    onDay('2026-03-07');
    u = await login();
    await receive(u.clerk, po1.id, [{ orderLineId: lineA.id, qtyReceived: '4' }]);
    expect((await body<PurchaseOrder>(t.call('POST', `/api/purchasing/orders/${po1.id}/close`, { token: u.purchaser, body: { reason: 'rest not needed' } }))).status).toBe('closed');
    // 8 March: 2 of A from the first delivery go back (dented).
    onDay('2026-03-08');
    u = await login();
    const ret = await body<{ id: string }>(t.call('POST', '/api/purchasing/returns', {
      token: u.clerk, body: { receiptId: r1.id, reason: 'dented', lines: [{ receiptLineId: r1.lines[0]!.id, qty: '2' }] },
    }));
    expect((await t.call('POST', `/api/purchasing/returns/${ret.id}/post`, { token: u.clerk })).status).toBe(200);
    // 10 March: A again at 11.00, no expected date; not delivered yet.
    onDay('2026-03-10');
    u = await login();
    const po2 = await order(u.purchaser, [{ productId: A.id, qty: '5', packSize: '1', price: 1100 }], null);

    const perf = await body<SupplierPerformance>(t.call('GET', `/api/suppliers/${supplier}/performance`, { token: u.manager }));
    expect(perf).toMatchObject({
      supplierId: supplier, code: 'SUP-BEV', from: null, to: null,
      // Three deliveries of a line: A and B on the 3rd (on time), A on the 7th (2 days after the 5th).
      deliveries: { count: 3, onTime: 2, late: 1, undated: 0, onTimeRate: 0.6667, averageDaysLate: 2 },
      // Kept: A 10 − 2 returned = 8 of 10 at 10.00, B 16 of 20 at 5.00 → (80 + 80) / (100 + 100).
      fill: { lines: 2, complete: 0, fillRate: 0.8 },
      // Rejected 4 × 5.00 of (6 × 10.00 + 20 × 5.00 + 4 × 10.00) = 20 / 200.
      inspection: { lines: 3, rejectedLines: 1, rejectionRate: 0.1 },
      // A went from 10.00 to 11.00 (+10 %); B has one price, no trend.
      prices: { products: 2, averageChange: 0.1 },
    });
    expect(perf.products.map((p) => [p.sku, p.first, p.latest, p.change, p.points.map((x) => [x.date, x.orderNumber, x.unitCost])])).toEqual([
      ['BEV-SOFT-0001', '1000.0000', '1100.0000', 0.1, [['2026-03-02', po1.number, '1000.0000'], ['2026-03-10', po2.number, '1100.0000']]],
      ['BEV-SOFT-0002', '500.0000', '500.0000', null, [['2026-03-02', po1.number, '500.0000']]],
    ]);

    // 4–8 March: only the late delivery (nothing rejected in it), the order closed on the 7th, no order sent.
    const week = await body<SupplierPerformance>(t.call('GET', `/api/suppliers/${supplier}/performance?from=2026-03-04&to=2026-03-08`, { token: u.purchaser }));
    expect(week).toMatchObject({
      from: '2026-03-04', to: '2026-03-08',
      deliveries: { count: 1, onTime: 0, late: 1, onTimeRate: 0, averageDaysLate: 2 },
      fill: { lines: 2, fillRate: 0.8 },
      inspection: { lines: 1, rejectedLines: 0, rejectionRate: 0 },
      prices: { products: 0, averageChange: null },
      products: [],
    });
    // Both ends are included: the 3rd alone has the two on-time deliveries.
    const third = await body<SupplierPerformance>(t.call('GET', `/api/suppliers/${supplier}/performance?from=2026-03-03&to=2026-03-03`, { token: u.purchaser }));
    expect([third.deliveries.onTime, third.deliveries.late, third.fill.lines]).toEqual([2, 0, 0]);

    // The comparison has the same figures, and nulls (never NaN) for a supplier with nothing.
    const all = await body<SupplierPerformanceComparison>(t.call('GET', '/api/suppliers/performance', { token: u.manager }));
    const { products: _, from: __, to: ___, ...summary } = perf;
    expect(all.items.find((s) => s.code === 'SUP-BEV')).toEqual(summary);
    expect(all.items.find((s) => s.code === 'SUP-SNK')).toMatchObject({
      deliveries: { count: 0, onTimeRate: null, averageDaysLate: null }, fill: { lines: 0, fillRate: null },
      inspection: { lines: 0, rejectionRate: null }, prices: { products: 0, averageChange: null },
    });
    expect(all.items.map((s) => s.code)).toEqual([...all.items.map((s) => s.code)].sort());
  });

  it('refuses a bad period naming the field, an unknown supplier, and a role without suppliers.read', async () => {
    const [purchaser, clerk] = [await t.login('purchaser'), await t.login('clerk')];
    const sup = (await t.database.db.select().from(suppliers).where(eq(suppliers.code, 'SUP-BEV')))[0]!.id;
    for (const path of ['/api/suppliers/performance', `/api/suppliers/${sup}/performance`]) {
      for (const [query, field] of [['from=2026-03-10&to=2026-03-09', 'to'], ['from=yesterday', 'from'], ['to=2026-02-30', 'to'], ['from=2026-3-1', 'from']] as const) {
        const res = await t.call('GET', `${path}?${query}`, { token: purchaser });
        expect(res.status, `${path}?${query}`).toBe(400);
        expect(((await res.json()) as ErrorBody).error.field).toBe(field);
      }
      expect((await t.call('GET', path, { token: clerk })).status).toBe(403);
    }
    const missing = await t.call('GET', `/api/suppliers/${UNKNOWN}/performance`, { token: purchaser });
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as ErrorBody).error.field).toBe('id');
    expect(((await (await t.call('GET', '/api/suppliers/not-an-id/performance', { token: purchaser })).json()) as ErrorBody).error.field).toBe('id');
  });
});
