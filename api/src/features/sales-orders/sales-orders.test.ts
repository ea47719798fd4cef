import { expect, it } from 'vitest';
import { asc, eq, like } from 'drizzle-orm';
import type { SalesOrder, ShipmentPlan } from '@shopbook/shared';
import { describeEachDriver } from '../../../test/databases.ts';
import { useApp } from '../../../test/harness.ts';
import { customers, products, warehouses } from '../../db/schema/index.ts';
import { body, helpers, type ErrorBody } from '../purchasing/test-support.ts';

/**
 * Sales orders on one warehouse with 10 of a product in stock at 3.00: a quotation,
 * confirmed (reserving what can be spared, the rest back-ordered), two partial
 * shipments with stock, reservations, cost of goods sold and the books checked at each
 * step; a second order cannot take what the first holds; two confirmations racing for
 * the last units do not both get them.
 */
describeEachDriver('sales orders: quotation, reservation, shipments', (driver) => {
  const t = useApp(driver);
  const h = helpers(t);

  const setup = async () => {
    const db = t.database.db;
    const [wh] = await db.select().from(warehouses).where(eq(warehouses.code, 'S02-WH'));
    const [a, b] = await db.select().from(products).where(like(products.sku, 'SNK-CHIPS-%')).orderBy(asc(products.sku)).limit(2);
    const [c1, c2] = await db.select().from(customers).orderBy(asc(customers.code)).limit(2);
    const manager = await t.login('manager');
    const adj = await body<{ id: string }>(t.call('POST', '/api/inventory/adjustments', {
      token: manager, body: { warehouseId: wh!.id, reason: 'found', lines: [{ productId: a!.id, qty: '10', unitCost: '300' }] },
    }));
    expect((await t.call('POST', `/api/inventory/adjustments/${adj.id}/post`, { token: manager })).status).toBe(200);
    return { wh: wh!.id, a: a!, b: b!, c1: c1!, c2: c2!, manager };
  };
  const order = (token: string, b: object) => body<SalesOrder>(t.call('POST', '/api/sales-orders', { token, body: b }));

  it('reserves on confirming, ships in parts, and books the cost of goods at each shipment', async () => {
    const { wh, a, b, c1, c2, manager } = await setup();
    const quote = await order(manager, {
      customerId: c1.id, warehouseId: wh, reference: 'PO-C1-7', deliveryDate: '2026-03-10',
      lines: [{ productId: a.id, qty: '12', price: 450, discount: 400 }, { productId: b.id, qty: '2', price: 1000, taxRateBp: 900 }],
    });
    expect(quote).toMatchObject({ status: 'quotation', number: 'SO-2026-000001', net: 5000 + 2000, tax: 650 + 180, gross: 5650 + 2180 });
    expect(quote.lines.map((l) => [l.qtyReserved, l.qtyBackorder])).toEqual([['0', '0'], ['0', '0']]);

    const confirmed = await body<SalesOrder>(t.call('POST', `/api/sales-orders/${quote.id}/confirm`, { token: manager }));
    expect(confirmed.status).toBe('confirmed');
    expect(confirmed.lines.map((l) => [l.qtyReserved, l.qtyBackorder])).toEqual([['10', '2'], ['0', '2']]);
    expect(confirmed.shortages.map((s) => [s.sku, s.backorder])).toEqual([[a.sku, '2'], [b.sku, '2']]);
    expect((await t.call('POST', `/api/sales-orders/${quote.id}/confirm`, { token: manager })).status).toBe(409);
    expect((await t.call('PUT', `/api/sales-orders/${quote.id}`, { token: manager, body: { customerId: c1.id, warehouseId: wh, lines: [{ productId: a.id, qty: '1' }] } })).status).toBe(409);

    // Another order for the same product gets nothing: the first holds all ten.
    const other = await order(manager, { customerId: c2.id, warehouseId: wh, lines: [{ productId: a.id, qty: '3' }] });
    const otherConfirmed = await body<SalesOrder>(t.call('POST', `/api/sales-orders/${other.id}/confirm`, { token: manager }));
    expect(otherConfirmed.lines[0]).toMatchObject({ qtyReserved: '0', qtyBackorder: '3' });

    // First shipment: 6 of A at 3.00.
    const [la, lb] = confirmed.lines as [SalesOrder['lines'][number], SalesOrder['lines'][number]];
    const tooMuch = await t.call('POST', `/api/sales-orders/${quote.id}/shipments`, { token: manager, body: { lines: [{ lineId: la.id, qty: '13' }] } });
    expect(tooMuch.status).toBe(422);
    expect(((await tooMuch.json()) as ErrorBody).error.field).toBe('lines.0.qty');
    const first = await body<SalesOrder>(t.call('POST', `/api/sales-orders/${quote.id}/shipments`, { token: manager, body: { lines: [{ lineId: la.id, qty: '6' }] } }));
    expect(first.status).toBe('partially_shipped');
    expect(first.lines[0]).toMatchObject({ qtyShipped: '6', qtyReserved: '4', qtyBackorder: '2', cost: 1800 });
    expect(first.shipments.map((s) => [s.number, s.cost])).toEqual([['DN-2026-000001', 1800]]);
    expect((await h.level(a.id, wh)).qty).toBe(4);
    let books = await h.booksBalance();
    expect([books.inventory, books.cogs]).toEqual([1200, 1800]);

    const plan = await body<ShipmentPlan>(t.call('GET', `/api/sales-orders/shipment-plan?warehouseId=${wh}`, { token: manager }));
    expect(plan.ready.map((r) => [r.orderNumber, r.sku, r.qtyReserved])).toEqual([[quote.number, a.sku, '4']]);
    expect(plan.waiting.map((r) => [r.orderNumber, r.sku, r.qtyBackorder])).toEqual([[quote.number, a.sku, '2'], [quote.number, b.sku, '2'], [other.number, a.sku, '3']]);

    // B arrives (2 at 5.00); reserving again takes it; the second shipment sends the rest of what is here.
    const adj = await body<{ id: string }>(t.call('POST', '/api/inventory/adjustments', {
      token: manager, body: { warehouseId: wh, reason: 'found', lines: [{ productId: b.id, qty: '2', unitCost: '500' }] },
    }));
    await t.call('POST', `/api/inventory/adjustments/${adj.id}/post`, { token: manager });
    const again = await body<SalesOrder>(t.call('POST', `/api/sales-orders/${quote.id}/reserve`, { token: manager }));
    expect(again.lines[1]).toMatchObject({ qtyReserved: '2', qtyBackorder: '0' });
    const second = await body<SalesOrder>(t.call('POST', `/api/sales-orders/${quote.id}/shipments`, {
      token: manager, body: { lines: [{ lineId: la.id, qty: '4' }, { lineId: lb.id, qty: '2' }] },
    }));
    expect(second.status).toBe('partially_shipped'); // 2 of A still owed
    expect(second.lines.map((l) => [l.qtyShipped, l.qtyReserved, l.qtyBackorder, l.cost])).toEqual([['10', '0', '2', 3000], ['2', '0', '0', 1000]]);
    books = await h.booksBalance();
    expect([books.inventory, books.cogs]).toEqual([0, 4000]);
    expect(await h.auditActions('sales_order', quote.id)).toEqual(['create', 'confirm', 'ship', 'reserve', 'ship']);

    // Cancelling the other order releases nothing it did not hold, and it cannot be shipped after.
    const cancelled = await body<SalesOrder>(t.call('POST', `/api/sales-orders/${other.id}/cancel`, { token: manager, body: { reason: 'customer changed mind' } }));
    expect(cancelled.status).toBe('cancelled');
    expect((await t.call('POST', `/api/sales-orders/${other.id}/shipments`, { token: manager, body: { lines: [{ lineId: other.lines[0]!.id, qty: '1' }] } })).status).toBe(409);
  });

  it("needs a manager's override, audited, to confirm beyond the customer's credit limit", async () => {
    const { wh, a, manager } = await setup();
    const [noCredit] = await t.database.db.select().from(customers).where(eq(customers.creditLimit, 0)).orderBy(asc(customers.code)).limit(1);
    const o = await order(manager, { customerId: noCredit!.id, warehouseId: wh, lines: [{ productId: a.id, qty: '1', price: 500 }] });
    const refused = await t.call('POST', `/api/sales-orders/${o.id}/confirm`, { token: manager, body: {} });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as ErrorBody).error).toMatchObject({ field: 'creditLimit', message: expect.stringContaining('beyond the credit limit 0') });
    expect((await body<SalesOrder>(t.call('GET', `/api/sales-orders/${o.id}`, { token: manager }))).status).toBe('quotation');
    const confirmed = await body<SalesOrder>(t.call('POST', `/api/sales-orders/${o.id}/confirm`, { token: manager, body: { overrideCreditLimit: true } }));
    expect(confirmed.status).toBe('confirmed');
    expect(await h.auditActions('sales_order', o.id)).toEqual(['create', 'credit_override', 'confirm']);
  });

  it('lets only one of two confirmations racing for the last units reserve them', async () => {
    const { wh, b, c1, c2, manager } = await setup();
    // B on its own: exactly 10 on hand and nobody else holding any.
    const onHand = (await h.level(b.id, wh)).qty;
    const adj = await body<{ id: string }>(t.call('POST', '/api/inventory/adjustments', {
      token: manager, body: { warehouseId: wh, reason: 'found', lines: [{ productId: b.id, qty: String(10 - onHand), unitCost: '500' }] },
    }));
    await t.call('POST', `/api/inventory/adjustments/${adj.id}/post`, { token: manager });
    const x = await order(manager, { customerId: c1.id, warehouseId: wh, lines: [{ productId: b.id, qty: '8' }] });
    const y = await order(manager, { customerId: c2.id, warehouseId: wh, lines: [{ productId: b.id, qty: '8' }] });
    const [rx, ry] = await Promise.all([x, y].map((o) => body<SalesOrder>(t.call('POST', `/api/sales-orders/${o.id}/confirm`, { token: manager }))));
    const reserved = [rx!, ry!].map((o) => Number(o.lines[0]!.qtyReserved)).sort();
    expect(reserved).toEqual([2, 8]);
  });

  it('refuses bad input naming the field and changes nothing; a cashier may not sell on order', async () => {
    const { wh, a, c1, manager } = await setup();
    const before = await h.footprint();
    const orders = async () => (await body<{ items: unknown[] }>(t.call('GET', '/api/sales-orders', { token: manager }))).items.length;
    const ordersBefore = await orders();
    const cases: [object, number, string][] = [
      [{ customerId: 'x', warehouseId: wh, lines: [{ productId: a.id, qty: '1' }] }, 400, 'customerId'],
      [{ customerId: c1.id, warehouseId: wh, lines: [] }, 400, 'lines'],
      [{ customerId: c1.id, warehouseId: wh, lines: [{ productId: a.id, qty: '0' }] }, 400, 'lines.0.qty'],
      [{ customerId: c1.id, warehouseId: wh, lines: [{ productId: a.id, qty: '1', price: -5 }] }, 400, 'lines.0.price'],
      [{ customerId: c1.id, warehouseId: wh, lines: [{ productId: a.id, qty: '1', price: 100, discount: 101 }] }, 400, 'lines.0.discount'],
      [{ customerId: wh, warehouseId: wh, lines: [{ productId: a.id, qty: '1' }] }, 422, 'customerId'],
      [{ customerId: c1.id, warehouseId: c1.id, lines: [{ productId: a.id, qty: '1' }] }, 422, 'warehouseId'],
      [{ customerId: c1.id, warehouseId: wh, lines: [{ productId: c1.id, qty: '1' }] }, 422, 'lines.0.productId'],
    ];
    for (const [b, status, field] of cases) {
      const res = await t.call('POST', '/api/sales-orders', { token: manager, body: b });
      expect(res.status, field).toBe(status);
      expect(((await res.json()) as ErrorBody).error.field).toBe(field);
    }
    expect(await orders()).toBe(ordersBefore);
    expect(await h.footprint()).toEqual(before);
    expect((await t.call('GET', '/api/sales-orders', { token: await t.login('cashier') })).status).toBe(403);
  });

  it("prices a line left unpriced at the customer's price list: their discount off the store's list price, before tax", async () => {
    const { wh, a, manager } = await setup();
    const db = t.database.db;
    const [listed] = await db.select().from(customers).orderBy(asc(customers.code)).limit(1);
    // 5 % off: a 12.34 shelf price (tax included) is 11.72 to this customer, 10.37 before 13 % tax.
    await db.update(customers).set({ discountBp: 500 }).where(eq(customers.id, listed!.id));
    await db.update(products).set({ salePrice: 1234 }).where(eq(products.id, a.id));
    const o = await order(manager, { customerId: listed!.id, warehouseId: wh, lines: [{ productId: a.id, qty: '2', taxRateBp: 1300 }] });
    expect(o.lines[0]).toMatchObject({ price: 1037, gross: 2344 });
    // A price typed on the line wins.
    const typed = await order(manager, { customerId: listed!.id, warehouseId: wh, lines: [{ productId: a.id, qty: '1', price: 900, taxRateBp: 1300 }] });
    expect(typed.lines[0]!.price).toBe(900);
  });
});
