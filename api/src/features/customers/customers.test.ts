import { expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { Customer, CustomerSummary } from '@shopbook/shared';
import { describeEachDriver } from '../../../test/databases.ts';
import { useApp } from '../../../test/harness.ts';
import { auditLog, customers } from '../../db/schema/index.ts';
import { body, type ErrorBody } from '../purchasing/test-support.ts';
import { customerFootprint, fullCustomer } from './test-support.ts';

const UNKNOWN = '0190f5e8-3b2a-7c41-9d2e-5f6a7b8c9d0e';

describeEachDriver('customers', (driver) => {
  const t = useApp(driver);

  it('creates, finds, updates, archives and restores customers with contacts and addresses, every change audited', async () => {
    const [manager, accountant, clerk, cashier] = [await t.login('manager'), await t.login('accountant'), await t.login('clerk'), await t.login('cashier')];
    const res = await t.call('POST', '/api/customers', { token: manager, body: fullCustomer });
    expect(res.status).toBe(201);
    const created = (await res.json()) as Customer;
    expect(created).toMatchObject({
      code: 'C-HZ-01', taxNumber: '91330100MAWL0001X', category: 'wholesale', discountBp: 500, creditLimit: 2_000_000, paymentTermsDays: 30,
      status: 'active', balance: 0, bankAccount: '5719 0812 3456 001',
      contacts: [{ name: '陈静 Chen Jing', role: 'buyer' }, { name: '李会计 Li', role: 'accounts', phone: '', email: '' }],
      addresses: [
        { kind: 'billing', recipient: '', isDefault: true },
        { kind: 'shipping', recipient: '王师傅', isDefault: true },
        { kind: 'shipping', address: '杭州市上城区河坊街 12 号', isDefault: false },
      ],
    });
    expect(await body<Customer>(t.call('GET', `/api/customers/${created.id}`, { token: accountant }))).toEqual(created);
    expect((await t.call('GET', `/api/customers/${created.id}`, { token: cashier })).status).toBe(200);
    expect((await t.call('GET', `/api/customers/${created.id}`, { token: clerk })).status).toBe(403);
    expect((await t.call('POST', '/api/customers', { token: accountant, body: { ...fullCustomer, code: 'X' } })).status).toBe(403);

    const search = async (q: string) => (await body<{ items: CustomerSummary[] }>(t.call('GET', `/api/customers?${q}`, { token: manager }))).items.map((c) => c.code);
    expect(await search('q=c-hz')).toEqual(['C-HZ-01']);
    expect(await search(`q=${encodeURIComponent('杭州西湖')}`)).toEqual(['C-HZ-01']);
    expect(await search('q=8888%201234')).toEqual(['C-HZ-01']);
    expect(await search('q=91330100')).toEqual(['C-HZ-01']);
    expect(await search('q=West')).toEqual([]); // names match from the start only
    expect(await search('category=wholesale')).toEqual(['C-HZ-01']);
    expect(await search('q=C0&pageSize=5&page=2')).toEqual(['C006', 'C007', 'C008', 'C009', 'C010']);
    const page = await body<{ total: number }>(t.call('GET', '/api/customers?pageSize=1', { token: manager }));
    expect(page.total).toBe(21);

    const changed = { ...fullCustomer, name: 'West Lake Catering Co.', creditLimit: 3_000_000, contacts: [fullCustomer.contacts[1]!], addresses: [] };
    const updated = await body<Customer>(t.call('PUT', `/api/customers/${created.id}`, { token: manager, body: changed }));
    expect(updated).toMatchObject({ name: 'West Lake Catering Co.', creditLimit: 3_000_000, contacts: [{ name: '李会计 Li' }], addresses: [] });
    const [audit] = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entity, 'customer'), eq(auditLog.entityId, created.id), eq(auditLog.action, 'update')));
    expect(audit).toMatchObject({ username: 'manager', before: { name: fullCustomer.name, creditLimit: 2_000_000 }, after: { name: 'West Lake Catering Co.', creditLimit: 3_000_000 } });

    // Archived customers leave the default list, keep their record, and come back on restore.
    expect((await body<Customer>(t.call('POST', `/api/customers/${created.id}/archive`, { token: manager }))).status).toBe('archived');
    expect(await search('q=C-HZ')).toEqual([]);
    expect(await search('q=C-HZ&status=archived')).toEqual(['C-HZ-01']);
    expect(await search('q=C-HZ&status=all')).toEqual(['C-HZ-01']);
    expect((await body<Customer>(t.call('POST', `/api/customers/${created.id}/archive`, { token: manager }))).status).toBe('archived');
    expect((await body<Customer>(t.call('POST', `/api/customers/${created.id}/restore`, { token: manager }))).status).toBe('active');
    const actions = (await t.database.db.select().from(auditLog).where(and(eq(auditLog.entity, 'customer'), eq(auditLog.entityId, created.id))).orderBy(auditLog.at, auditLog.id))
      .map((a) => a.action);
    expect(actions.sort()).toEqual(['archive', 'create', 'restore', 'update']);
  });

  it('gives every change a new revision', async () => {
    const manager = await t.login('manager');
    const [c] = await t.database.db.select().from(customers).where(eq(customers.code, 'C002'));
    const current = await body<Customer>(t.call('GET', `/api/customers/${c!.id}`, { token: manager }));
    const { id: _i, balance: _b, status: _s, createdAt: _c, updatedAt: _u, ...input } = current;
    await t.call('PUT', `/api/customers/${c!.id}`, { token: manager, body: { ...input, note: 'rev' } });
    const [afterUpdate] = await t.database.db.select().from(customers).where(eq(customers.id, c!.id));
    expect(afterUpdate!.revision).toBeGreaterThan(c!.revision);
    await t.call('POST', `/api/customers/${c!.id}/archive`, { token: manager });
    const [afterArchive] = await t.database.db.select().from(customers).where(eq(customers.id, c!.id));
    expect(afterArchive!.revision).toBeGreaterThan(afterUpdate!.revision);
    await t.call('POST', `/api/customers/${c!.id}/restore`, { token: manager });
  });

  it('refuses bad input at every endpoint naming the field, changing nothing', async () => {
    const manager = await t.login('manager');
    const [c3] = await t.database.db.select().from(customers).where(eq(customers.code, 'C003'));
    const ok = { code: 'C-NEW', name: 'New' };
    const cases: [string, string, unknown, number, string][] = [
      ['POST', '/api/customers', {}, 400, 'code'],
      ['POST', '/api/customers', { ...ok, code: 'has space' }, 400, 'code'],
      ['POST', '/api/customers', { ...ok, name: '  ' }, 400, 'name'],
      ['POST', '/api/customers', { ...ok, taxNumber: '91/31 00' }, 400, 'taxNumber'],
      ['POST', '/api/customers', { ...ok, invoiceTitle: 'x'.repeat(201) }, 400, 'invoiceTitle'],
      ['POST', '/api/customers', { ...ok, email: 'not-an-email' }, 400, 'email'],
      ['POST', '/api/customers', { ...ok, phone: 'call me' }, 400, 'phone'],
      ['POST', '/api/customers', { ...ok, bankAccount: '12' }, 400, 'bankAccount'],
      ['POST', '/api/customers', { ...ok, bankAccount: '1234 5678' }, 400, 'bankName'],
      ['POST', '/api/customers', { ...ok, category: 'gold' }, 400, 'category'],
      ['POST', '/api/customers', { ...ok, discountBp: 10_001 }, 400, 'discountBp'],
      ['POST', '/api/customers', { ...ok, discountBp: 2.5 }, 400, 'discountBp'],
      ['POST', '/api/customers', { ...ok, creditLimit: -1 }, 400, 'creditLimit'],
      ['POST', '/api/customers', { ...ok, creditLimit: '5000' }, 400, 'creditLimit'],
      ['POST', '/api/customers', { ...ok, paymentTermsDays: 1.5 }, 400, 'paymentTermsDays'],
      ['POST', '/api/customers', { ...ok, note: 'x'.repeat(1001) }, 400, 'note'],
      ['POST', '/api/customers', { ...ok, contacts: [{ name: '' }] }, 400, 'contacts.0.name'],
      ['POST', '/api/customers', { ...ok, contacts: [{ name: 'A' }, { name: 'B', email: 'b@' }] }, 400, 'contacts.1.email'],
      ['POST', '/api/customers', { ...ok, addresses: [{ kind: 'home', address: 'x' }] }, 400, 'addresses.0.kind'],
      ['POST', '/api/customers', { ...ok, addresses: [{ kind: 'billing', address: '' }] }, 400, 'addresses.0.address'],
      ['POST', '/api/customers', { ...ok, addresses: [{ kind: 'shipping', address: 'a', isDefault: true }, { kind: 'shipping', address: 'b', isDefault: true }] }, 400, 'addresses.1.isDefault'],
      ['POST', '/api/customers', { ...ok, code: 'C001' }, 409, 'code'],
      ['PUT', `/api/customers/${UNKNOWN}`, ok, 404, 'id'],
      ['PUT', '/api/customers/C003', ok, 400, 'id'],
      ['PUT', `/api/customers/${c3!.id}`, { ...ok, creditLimit: -5 }, 400, 'creditLimit'],
      ['PUT', `/api/customers/${c3!.id}`, { ...ok, code: 'C001' }, 409, 'code'],
      ['POST', `/api/customers/${UNKNOWN}/archive`, undefined, 404, 'id'],
      ['POST', '/api/customers/x/archive', undefined, 400, 'id'],
      ['POST', `/api/customers/${UNKNOWN}/restore`, undefined, 404, 'id'],
      ['GET', `/api/customers/${UNKNOWN}`, undefined, 404, 'id'],
      ['GET', '/api/customers/nope', undefined, 400, 'id'],
      ['GET', '/api/customers?page=0', undefined, 400, 'page'],
      ['GET', '/api/customers?pageSize=1000', undefined, 400, 'pageSize'],
      ['GET', '/api/customers?status=gone', undefined, 400, 'status'],
      ['GET', '/api/customers?category=gold', undefined, 400, 'category'],
      ['GET', `/api/customers/${c3!.id}/purchases?page=-1`, undefined, 400, 'page'],
      ['GET', `/api/customers/${UNKNOWN}/purchases`, undefined, 404, 'id'],
      ['GET', '/api/customers/x/purchases', undefined, 400, 'id'],
      ['GET', `/api/customers/${UNKNOWN}/balance`, undefined, 404, 'id'],
      ['GET', '/api/customers/x/balance', undefined, 400, 'id'],
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
