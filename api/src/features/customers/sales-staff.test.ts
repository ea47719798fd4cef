import { expect, it } from 'vitest';
import { asc, eq, like } from 'drizzle-orm';
import { newId, type Customer, type CustomerSummary, type SalesOrder, type SalesOrderSummary, type Salesperson, type ShipmentPlan } from '@shopbook/shared';
import { describeEachDriver } from '../../../test/databases.ts';
import { useApp, type TestContext } from '../../../test/harness.ts';
import { customers, products, users, warehouses } from '../../db/schema/index.ts';
import { DEMO_PASSWORD } from '../../seed/demo.ts';
import { hashPassword } from '../auth/password.ts';
import { body, helpers, type ErrorBody } from '../purchasing/test-support.ts';
import { customerFootprint } from './test-support.ts';

/** A second salesperson beside the demo one, working in every store. */
export async function addSalesperson(t: TestContext, username: string): Promise<string> {
  const db = t.database.db;
  const storeIds = (await db.select({ storeIds: users.storeIds }).from(users).where(eq(users.username, 'salesperson')))[0]!.storeIds;
  const id = newId();
  await db.insert(users).values({
    id, username, displayName: `${username} Sales`, roles: ['salesperson'], storeIds, passwordHash: await hashPassword(DEMO_PASSWORD), createdAt: t.clock.now(),
  });
  return id;
}

const UNKNOWN = '0190f5e8-3b2a-7c41-9d2e-5f6a7b8c9d0e';

/**
 * Sales staff without sales.all see and change only the customers and orders assigned to
 * them; anyone else's answer 404 like ids that do not exist. Managers see everything.
 */
describeEachDriver('sales staff see their own customers and orders', (driver) => {
  const t = useApp(driver);
  const h = helpers(t);

  it('scopes customers and orders to their salesperson, and keeps the books away from them', async () => {
    const db = t.database.db;
    const [manager, a] = [await t.login('manager'), await t.login('salesperson')];
    const aId = (await db.select().from(users).where(eq(users.username, 'salesperson')))[0]!.id;
    const bId = await addSalesperson(t, 'seller-b');
    const b = await t.login('seller-b');

    const people = await body<{ items: Salesperson[] }>(t.call('GET', '/api/customers/salespeople', { token: a }));
    expect(people.items.map((p) => p.username)).toEqual(['manager', 'owner', 'salesperson', 'seller-b']);

    // A manager assigns customers; a salesperson's new customer is theirs.
    const make = async (token: string, code: string, extra: object = {}) =>
      body<Customer>(t.call('POST', '/api/customers', { token, body: { code, name: code, creditLimit: 10_000_000, ...extra } }));
    const ofA = await make(manager, 'C-A1', { salespersonId: aId });
    const ofB = await make(manager, 'C-B1', { salespersonId: bId });
    const mine = await make(a, 'C-A2');
    expect([ofA.salespersonId, ofA.salespersonName, ofB.salespersonId, mine.salespersonId]).toEqual([aId, '孙销售 Salesperson', bId, aId]);
    const refused = await t.call('POST', '/api/customers', { token: a, body: { code: 'C-A3', name: 'x', salespersonId: bId } });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as ErrorBody).error.field).toBe('salespersonId');

    const codes = async (token: string, q = '') => (await body<{ items: CustomerSummary[] }>(t.call('GET', `/api/customers?pageSize=500${q}`, { token }))).items.map((c) => c.code);
    expect(await codes(a)).toEqual(['C-A1', 'C-A2']);
    expect(await codes(b)).toEqual(['C-B1']);
    expect((await codes(manager)).length).toBe(23);
    expect(await codes(manager, `&salespersonId=${aId}`)).toEqual(['C-A1', 'C-A2']);
    expect(await codes(a, '&salespersonId=me')).toEqual(['C-A1', 'C-A2']);
    expect(await codes(manager, '&salespersonId=me')).toEqual([]);

    // B's customer does not exist for A, whatever A does with it.
    for (const [method, path, payload] of [
      ['GET', `/api/customers/${ofB.id}`, undefined], ['PUT', `/api/customers/${ofB.id}`, { code: 'C-B1', name: 'taken' }],
      ['POST', `/api/customers/${ofB.id}/archive`, undefined], ['GET', `/api/customers/${ofB.id}/purchases`, undefined],
      ['GET', `/api/customers/${ofB.id}/balance`, undefined],
    ] as const) {
      const res = await t.call(method, path, { token: a, body: payload });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(((await res.json()) as ErrorBody).error.field).toBe('id');
    }
    expect((await body<Customer>(t.call('GET', `/api/customers/${ofB.id}`, { token: manager }))).name).toBe('C-B1');
    // An update that leaves the salesperson out keeps them.
    const renamed = await body<Customer>(t.call('PUT', `/api/customers/${ofA.id}`, { token: a, body: { code: 'C-A1', name: 'A one', creditLimit: 10_000_000 } }));
    expect([renamed.name, renamed.salespersonId]).toEqual(['A one', aId]);

    // Orders: the customer's salesperson by default; A cannot sell to B's customer.
    const [wh] = await db.select().from(warehouses).where(eq(warehouses.code, 'S02-WH'));
    const [p] = await db.select().from(products).where(like(products.sku, 'SNK-CHIPS-%')).orderBy(asc(products.sku)).limit(1);
    const [c001] = await db.select().from(customers).where(eq(customers.code, 'C001'));
    const adj = await body<{ id: string }>(t.call('POST', '/api/inventory/adjustments', {
      token: manager, body: { warehouseId: wh!.id, reason: 'found', lines: [{ productId: p!.id, qty: '20', unitCost: '300' }] },
    }));
    await t.call('POST', `/api/inventory/adjustments/${adj.id}/post`, { token: manager });
    const order = (token: string, customerId: string, extra: object = {}) =>
      t.call('POST', '/api/sales-orders', { token, body: { customerId, warehouseId: wh!.id, lines: [{ productId: p!.id, qty: '2', price: 1000 }], ...extra } });
    const oa = await body<SalesOrder>(order(a, ofA.id));
    const ob = await body<SalesOrder>(order(manager, ofB.id));
    const unassigned = await body<SalesOrder>(order(manager, c001!.id));
    expect([oa.salespersonId, ob.salespersonId, unassigned.salespersonId]).toEqual([aId, bId, null]);
    const toB = await order(a, ofB.id);
    expect(toB.status).toBe(422);
    expect(((await toB.json()) as ErrorBody).error.field).toBe('customerId');

    const numbers = async (token: string, q = '') => (await body<{ items: SalesOrderSummary[] }>(t.call('GET', `/api/sales-orders${q}`, { token }))).items.map((o) => o.number).sort();
    expect(await numbers(a)).toEqual([oa.number]);
    expect(await numbers(b)).toEqual([ob.number]);
    expect(await numbers(manager)).toEqual([oa.number, ob.number, unassigned.number].sort());
    expect(await numbers(manager, `?salespersonId=${bId}`)).toEqual([ob.number]);

    for (const [method, path, payload] of [
      ['GET', `/api/sales-orders/${ob.id}`, undefined],
      ['PUT', `/api/sales-orders/${ob.id}`, { customerId: ofA.id, warehouseId: wh!.id, lines: [{ productId: p!.id, qty: '1' }] }],
      ['POST', `/api/sales-orders/${ob.id}/confirm`, {}], ['POST', `/api/sales-orders/${ob.id}/reserve`, undefined],
      ['POST', `/api/sales-orders/${ob.id}/pick`, undefined],
      ['POST', `/api/sales-orders/${ob.id}/shipments`, { lines: [{ lineId: ob.lines[0]!.id, qty: '1' }] }],
      ['POST', `/api/sales-orders/${ob.id}/cancel`, { reason: 'not mine' }],
    ] as const) {
      const res = await t.call(method, path, { token: a, body: payload });
      expect(res.status, `${method} ${path}`).toBe(404);
    }
    expect((await body<SalesOrder>(t.call('GET', `/api/sales-orders/${ob.id}`, { token: manager }))).status).toBe('quotation');

    // Each confirms their own; the shipment plan shows a salesperson only their orders.
    expect((await body<SalesOrder>(t.call('POST', `/api/sales-orders/${oa.id}/confirm`, { token: a, body: {} }))).status).toBe('confirmed');
    expect((await body<SalesOrder>(t.call('POST', `/api/sales-orders/${ob.id}/confirm`, { token: b, body: {} }))).status).toBe('confirmed');
    const plan = async (token: string) => (await body<ShipmentPlan>(t.call('GET', '/api/sales-orders/shipment-plan', { token }))).ready.map((r) => r.orderNumber).sort();
    expect(await plan(a)).toEqual([oa.number]);
    expect(await plan(manager)).toEqual([oa.number, ob.number].sort());

    // No books for sales staff: receivables, finance, audit.
    for (const path of ['/api/receivables/aging', '/api/receivables/invoices', `/api/receivables/customers/${ofA.id}/statement`, '/api/finance/trial-balance', '/api/audit']) {
      expect((await t.call('GET', path, { token: a })).status, path).toBe(403);
    }
    expect((await t.call('POST', '/api/receivables/payments', { token: a, body: {} })).status).toBe(403);
    await h.booksBalance();
  });

  it('refuses an unknown salesperson or one who cannot sell, naming the field, and changes nothing', async () => {
    const manager = await t.login('manager');
    const db = t.database.db;
    const clerk = (await db.select().from(users).where(eq(users.username, 'clerk')))[0]!.id;
    const [c3] = await db.select().from(customers).where(eq(customers.code, 'C003'));
    const ok = { code: 'C-NEW', name: 'New' };
    const cases: [string, string, unknown, number, string][] = [
      ['POST', '/api/customers', { ...ok, salespersonId: 'x' }, 400, 'salespersonId'],
      ['POST', '/api/customers', { ...ok, salespersonId: UNKNOWN }, 422, 'salespersonId'],
      ['POST', '/api/customers', { ...ok, salespersonId: clerk }, 422, 'salespersonId'],
      ['PUT', `/api/customers/${c3!.id}`, { ...ok, salespersonId: clerk }, 422, 'salespersonId'],
      ['GET', '/api/customers?salespersonId=nobody', undefined, 400, 'salespersonId'],
      ['GET', '/api/sales-orders?salespersonId=nobody', undefined, 400, 'salespersonId'],
      ['POST', '/api/sales-orders', { customerId: c3!.id, warehouseId: UNKNOWN, salespersonId: 5, lines: [{ productId: UNKNOWN, qty: '1' }] }, 400, 'salespersonId'],
    ];
    const before = await customerFootprint(t);
    for (const [method, path, payload, status, field] of cases) {
      const res = await t.call(method, path, { token: manager, body: payload });
      const what = `${method} ${path} ${JSON.stringify(payload)}`;
      expect(res.status, what).toBe(status);
      expect(((await res.json()) as ErrorBody).error.field, what).toBe(field);
    }
    expect(await customerFootprint(t)).toEqual(before);
  });
});
