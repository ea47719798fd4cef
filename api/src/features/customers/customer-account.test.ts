import { expect, it } from 'vitest';
import { eq, like } from 'drizzle-orm';
import { newId, type Customer, type CustomerBalance, type CustomerPurchase, type PullPage, type PushResult, type SaleV1 } from '@shopbook/shared';
import { describeEachDriver } from '../../../test/databases.ts';
import { useApp } from '../../../test/harness.ts';
import { registerTill, saleEvent } from '../../../test/till.ts';
import { auditLog, products, users } from '../../db/schema/index.ts';
import { body } from '../purchasing/test-support.ts';
import { fullCustomer } from './test-support.ts';

type Push = { results: PushResult[] };
type PulledCustomer = { id: string; name: string; balance: number; creditLimit: number };

describeEachDriver('customers at the tills', (driver) => {
  const t = useApp(driver);

  const setup = async () => {
    const db = t.database.db;
    const [cashier] = await db.select().from(users).where(eq(users.username, 'cashier'));
    const [product] = await db.select().from(products).where(like(products.sku, 'SNK-CHIPS-%')).orderBy(products.sku).limit(1);
    const manager = await t.login('manager');
    const customer = await body<Customer>(t.call('POST', '/api/customers', { token: manager, body: { ...fullCustomer, code: `C-T-${newId().slice(-6)}` } }));
    return { cashierId: cashier!.id, product: product!, manager, customer };
  };
  const inputOf = (c: Customer) => {
    const { id: _i, balance: _b, status: _s, createdAt: _c, updatedAt: _u, ...input } = c;
    return input;
  };

  it('sends a renamed customer to the tills after their cursor, and an archived one as a tombstone', async () => {
    const till = await registerTill(t);
    const { manager, customer } = await setup();
    const first = await body<PullPage>(t.call('GET', '/api/sync/pull/customers?limit=5000', { token: till.token }));
    expect((first.rows as PulledCustomer[]).map((c) => c.id)).toContain(customer.id);

    await t.call('PUT', `/api/customers/${customer.id}`, { token: manager, body: { ...inputOf(customer), name: '西湖餐饮 Renamed' } });
    const renamed = await body<PullPage>(t.call('GET', `/api/sync/pull/customers?since=${first.cursor}`, { token: till.token }));
    expect(renamed.rows).toEqual([expect.objectContaining({ id: customer.id, name: '西湖餐饮 Renamed', creditLimit: 2_000_000, balance: 0 })]);
    expect(renamed.tombstones).toEqual([]);

    await t.call('POST', `/api/customers/${customer.id}/archive`, { token: manager });
    const archived = await body<PullPage>(t.call('GET', `/api/sync/pull/customers?since=${renamed.cursor}`, { token: till.token }));
    expect(archived.rows).toEqual([]);
    expect(archived.tombstones).toEqual([customer.id]);
    const nothing = await body<PullPage>(t.call('GET', `/api/sync/pull/customers?since=${archived.cursor}`, { token: till.token }));
    expect(nothing).toMatchObject({ rows: [], tombstones: [], more: false });

    await t.call('POST', `/api/customers/${customer.id}/restore`, { token: manager });
    const back = await body<PullPage>(t.call('GET', `/api/sync/pull/customers?since=${archived.cursor}`, { token: till.token }));
    expect((back.rows as PulledCustomer[]).map((c) => c.id)).toEqual([customer.id]);
  });

  it('owes what a till sale put on account, less a return refunded to the account, and lists the sale in the history', async () => {
    const till = await registerTill(t);
    const { cashierId, product, manager, customer } = await setup();
    const onAccount = (c: string, seq: number, qty: string, pay: (g: number) => SaleV1['payments']) => {
      const e = saleEvent(till, seq, cashierId, [{ productId: product.id, qty, unitPrice: 1000, taxRateBp: 1300 }], { payments: pay });
      return { ...e, payload: { ...e.payload, customerId: c } };
    };
    // 3 × 10.00 = 30.00: 10.00 in cash, 20.00 on account.
    const sale = onAccount(customer.id, 101, '3', (g) => [
      { tender: 'cash', amount: 1000, tendered: 1000, reference: null }, { tender: 'account', amount: g - 1000, tendered: null, reference: null },
    ]);
    // Another customer's sale on account stays theirs.
    const other = onAccount((await setup()).customer.id, 102, '1', (g) => [{ tender: 'account', amount: g, tendered: null, reference: null }]);
    const before = await body<PullPage>(t.call('GET', '/api/sync/pull/customers?limit=5000', { token: till.token }));
    const pushed = await body<Push>(t.call('POST', '/api/sync/push', { token: till.token, body: { events: [sale, other] } }));
    expect(pushed.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    // The tills hear of the new balance: the customer comes back in the next delta.
    const delta = await body<PullPage>(t.call('GET', `/api/sync/pull/customers?since=${before.cursor}`, { token: till.token }));
    expect((delta.rows as PulledCustomer[]).find((c) => c.id === customer.id)?.balance).toBe(2000);

    const balance = await body<CustomerBalance>(t.call('GET', `/api/customers/${customer.id}/balance`, { token: manager }));
    expect(balance).toEqual({ customerId: customer.id, salesOnAccount: 2000, refundsToAccount: 0, payments: 0, balance: 2000, creditLimit: 2_000_000, available: 1_998_000 });
    expect((await body<Customer>(t.call('GET', `/api/customers/${customer.id}`, { token: manager }))).balance).toBe(2000);

    // One unit comes back, refunded to the account.
    const line = sale.payload.lines[0]!;
    const returnId = newId();
    const ret = {
      id: returnId, deviceId: till.deviceId, seq: 103, type: 'return' as const, occurredAt: new Date('2026-03-03T10:00:00Z').toISOString(),
      payload: {
        v: 1, returnId, receiptNo: 'R-101', originalSaleId: sale.id, storeId: till.storeId, warehouseId: till.warehouseId, cashierId, shiftId: null,
        reason: 'damaged', approvedBy: null,
        lines: [{ lineId: newId(), originalLineId: line.lineId, productId: product.id, qty: '1', taxRateBp: 1300, net: 885, tax: 115, gross: 1000 }],
        totals: { net: 885, tax: 115, gross: 1000 }, refunds: [{ tender: 'account', amount: 1000, tendered: null, reference: null }],
      },
    };
    expect((await body<Push>(t.call('POST', '/api/sync/push', { token: till.token, body: { events: [ret] } }))).results[0]!.status).toBe('applied');
    expect(await body<CustomerBalance>(t.call('GET', `/api/customers/${customer.id}/balance`, { token: manager }))).toMatchObject({
      salesOnAccount: 2000, refundsToAccount: 1000, balance: 1000, available: 1_999_000,
    });
    const pulled = await body<PullPage>(t.call('GET', '/api/sync/pull/customers?limit=5000', { token: till.token }));
    expect((pulled.rows as PulledCustomer[]).find((c) => c.id === customer.id)?.balance).toBe(1000);

    const history = await body<{ items: CustomerPurchase[]; total: number }>(t.call('GET', `/api/customers/${customer.id}/purchases`, { token: manager }));
    expect(history).toEqual({
      total: 1,
      items: [{
        saleId: sale.id, occurredAt: '2026-03-02T10:00:00.000Z', receiptNo: 'T-101', storeId: till.storeId, storeCode: 'S01', storeName: expect.any(String),
        gross: 3000, onAccount: 2000, returned: 1000,
      }],
    });
    const second = await body<{ items: CustomerPurchase[]; total: number }>(t.call('GET', `/api/customers/${customer.id}/purchases?page=2&pageSize=1`, { token: manager }));
    expect(second).toEqual({ total: 1, items: [] });
  });

  it("records in the audit log the manager's override that let a till sale on account go beyond the credit limit", async () => {
    const till = await registerTill(t);
    const { cashierId, product, manager } = await setup();
    const small = await body<Customer>(t.call('POST', '/api/customers', { token: manager, body: { ...fullCustomer, code: `C-L-${newId().slice(-6)}`, creditLimit: 1500 } }));
    const [managerUser] = await t.database.db.select().from(users).where(eq(users.username, 'manager'));
    const onAccount = (seq: number, qty: string, approvedBy: string | null) => {
      const e = saleEvent(till, seq, cashierId, [{ productId: product.id, qty, unitPrice: 1000, taxRateBp: 1300 }], {
        payments: (g) => [{ tender: 'account', amount: g, tendered: null, reference: null }],
      });
      return { ...e, payload: { ...e.payload, customerId: small.id, approvedBy } };
    };
    const within = onAccount(201, '1', null); // 10.00 of 15.00
    const beyond = onAccount(202, '1', managerUser!.id); // 20.00 of 15.00: the manager's PIN
    const pushed = await body<Push>(t.call('POST', '/api/sync/push', { token: till.token, body: { events: [within, beyond] } }));
    expect(pushed.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'credit_override'));
    const mine = audit.filter((a) => a.entityId === within.id || a.entityId === beyond.id);
    expect(mine.map((a) => [a.entityId, a.userId, a.username])).toEqual([[beyond.id, managerUser!.id, 'manager']]);
    expect(mine[0]!.after).toMatchObject({ receiptNo: beyond.payload.receiptNo, onAccount: 1000, balance: 2000, creditLimit: 1500 });
  });
});
