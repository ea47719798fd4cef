import { expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { describeEachDriver } from '../../../test/databases.ts';
import { useApp } from '../../../test/harness.ts';
import { accounts, company, stores, users, warehouses } from '../../db/schema/index.ts';

const validSetup = {
  company: { name: '测试商店 Test Shop', taxNumber: '91310000TEST0001', currency: 'CNY', pricesIncludeTax: true },
  stores: [
    { code: 'a1', name: 'First', warehouseName: 'First stockroom' },
    { code: 'B2', name: 'Second', warehouseName: 'Second stockroom' },
  ],
  centralWarehouse: { code: 'DC', name: 'Distribution centre' },
  taxRates: [{ name: '13%', rateBasisPoints: 1300 }, { name: '0%', rateBasisPoints: 0 }],
  owner: { username: 'Boss', displayName: 'The Boss', password: 'secret123' },
};

describeEachDriver('first-run setup', (driver) => {
  const t = useApp(driver, { demo: false });
  const rowCounts = async () => {
    const db = t.database.db;
    const n = async (table: typeof company | typeof stores | typeof users | typeof accounts) => (await db.select({ n: count() }).from(table))[0]!.n;
    return { company: await n(company), stores: await n(stores), users: await n(users), accounts: await n(accounts) };
  };

  it('reports setup as required and keeps everything else closed', async () => {
    expect(await (await t.call('GET', '/api/setup/status')).json()).toEqual({ required: true });
    expect(((await (await t.call('GET', '/api/health')).json()) as { setupRequired: boolean }).setupRequired).toBe(true);
    const login = await t.call('POST', '/api/auth/login', { body: { username: 'owner', password: 'demo1234' } });
    expect(login.status).toBe(409);
    expect(((await login.json()) as { error: { code: string } }).error.code).toBe('setup_required');
  });

  it('refuses bad input naming the field and writes nothing', async () => {
    const cases: [unknown, string][] = [
      [{ ...validSetup, company: { ...validSetup.company, currency: 'yuan' } }, 'company.currency'],
      [{ ...validSetup, stores: [] }, 'stores'],
      [{ ...validSetup, stores: [validSetup.stores[0], { ...validSetup.stores[1], code: 'A1' }] }, 'stores.1.code'],
      [{ ...validSetup, taxRates: [{ name: 'x', rateBasisPoints: 13.5 }] }, 'taxRates.0.rateBasisPoints'],
      [{ ...validSetup, owner: { ...validSetup.owner, password: 'short' } }, 'owner.password'],
    ];
    for (const [body, field] of cases) {
      const res = await t.call('POST', '/api/setup', { body });
      expect(res.status, field).toBe(400);
      expect(((await res.json()) as { error: { field: string } }).error.field).toBe(field);
    }
    expect(await rowCounts()).toEqual({ company: 0, stores: 0, users: 0, accounts: 0 });
  });

  it('creates the company, stores, warehouses, chart of accounts and owner once', async () => {
    const res = await t.call('POST', '/api/setup', { body: validSetup });
    expect(res.status).toBe(201);
    expect(await (await t.call('GET', '/api/setup/status')).json()).toEqual({ required: false });
    const token = await t.login('boss', 'secret123');
    const codes = (await t.database.db.select({ code: warehouses.code }).from(warehouses)).map((w) => w.code).sort();
    expect(codes).toEqual(['A1-WH', 'B2-WH', 'DC', 'TRANSIT']);
    const company = await (await t.call('GET', '/api/org/company', { token })).json();
    expect(company).toEqual(validSetup.company);
    const tb = (await (await t.call('GET', '/api/finance/trial-balance', { token })).json()) as { rows: unknown[]; totals: { debit: number } };
    expect(tb.rows.length).toBeGreaterThanOrEqual(10);
    expect(tb.totals.debit).toBe(0);

    const again = await t.call('POST', '/api/setup', { body: { ...validSetup, company: { ...validSetup.company, name: 'Other' } } });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('setup_done');
    expect((await rowCounts()).company).toBe(1);

    const audit = (await (await t.call('GET', '/api/audit?action=setup', { token })).json()) as { items: { after: { owner: object } }[] };
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]!.after.owner).not.toHaveProperty('password');
  });
});

describeEachDriver('concurrent setup', (driver) => {
  const t = useApp(driver, { demo: false });
  it('lets exactly one of two simultaneous wizards win', async () => {
    const [a, b] = await Promise.all([
      t.call('POST', '/api/setup', { body: validSetup }),
      t.call('POST', '/api/setup', { body: { ...validSetup, owner: { ...validSetup.owner, username: 'other' } } }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    expect((await t.database.db.select({ n: count() }).from(company))[0]!.n).toBe(1);
  });
});
