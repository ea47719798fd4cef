import { expect, it } from 'vitest';
import { and, asc, eq, like } from 'drizzle-orm';
import type { Supplier, SupplierProduct } from '@shopbook/shared';
import { describeEachDriver } from '../../../test/databases.ts';
import { useApp } from '../../../test/harness.ts';
import { auditLog, products, suppliers, warehouses } from '../../db/schema/index.ts';
import { body, helpers, type ErrorBody } from '../purchasing/test-support.ts';

const UNKNOWN = '0190f5e8-3b2a-7c41-9d2e-5f6a7b8c9d0e';

describeEachDriver('suppliers and their price lists', (driver) => {
  const t = useApp(driver);
  const h = helpers(t);

  const full = {
    code: 'SUP-TEA', name: '杭州茶叶贸易 Hangzhou Tea Trading', taxNumber: '91330100MA2TEA001X', contact: '周经理', phone: '0571-5550 0606',
    email: 'orders@hztea.example', address: '杭州市西湖区龙井路 1 号', paymentTermsDays: 45, leadTimeDays: 3, currency: 'CNY', note: 'Delivers Tue and Fri',
    contacts: [
      { name: '周明 Zhou Ming', role: 'sales', phone: '+86 138 0000 0001', email: 'zhou@hztea.example' },
      { name: '吴芳 Wu Fang', role: 'accounts', phone: '0571-5550 0607' },
    ],
    bankAccounts: [{ bankName: '中国工商银行 ICBC', accountName: '杭州茶叶贸易有限公司', accountNumber: '6222 0212 3456 7890', branch: '西湖支行', swift: 'icbkcnbj', isDefault: true }],
  };

  it('creates, finds, updates, archives and deletes suppliers with contacts and bank accounts, every change audited', async () => {
    const [purchaser, accountant, clerk] = [await t.login('purchaser'), await t.login('accountant'), await t.login('clerk')];
    const res = await t.call('POST', '/api/suppliers', { token: purchaser, body: full });
    expect(res.status).toBe(201);
    const created = (await res.json()) as Supplier;
    expect(created).toMatchObject({
      code: 'SUP-TEA', paymentTermsDays: 45, leadTimeDays: 3, currency: 'CNY', status: 'active', note: 'Delivers Tue and Fri', productCount: 0,
      contacts: [{ name: '周明 Zhou Ming', role: 'sales', email: 'zhou@hztea.example' }, { name: '吴芳 Wu Fang', role: 'accounts', email: '' }],
      bankAccounts: [{ accountNumber: '6222 0212 3456 7890', swift: 'ICBKCNBJ', isDefault: true }],
    });
    expect(await body<Supplier>(t.call('GET', `/api/suppliers/${created.id}`, { token: accountant }))).toEqual(created);
    expect((await t.call('GET', `/api/suppliers/${created.id}`, { token: clerk })).status).toBe(403);
    expect((await t.call('POST', '/api/suppliers', { token: accountant, body: { ...full, code: 'X' } })).status).toBe(403);

    const search = async (q: string) => (await body<{ items: { code: string }[] }>(t.call('GET', `/api/suppliers?${q}`, { token: purchaser }))).items.map((s) => s.code);
    expect(await search('q=sup-t')).toEqual(['SUP-TEA']);
    expect(await search(`q=${encodeURIComponent('Wu Fang')}`)).toEqual(['SUP-TEA']);
    expect(await search('q=5550%200606')).toEqual(['SUP-TEA']);
    expect(await search('q=tea')).toEqual(['SUP-TEA']);
    expect(await search('pageSize=2&page=1')).toHaveLength(2);
    const page = await body<{ total: number }>(t.call('GET', '/api/suppliers', { token: purchaser }));
    expect(page.total).toBe(6);

    const duplicate = await t.call('POST', '/api/suppliers', { token: purchaser, body: { ...full, code: 'SUP-BEV' } });
    expect(duplicate.status).toBe(409);
    expect(((await duplicate.json()) as ErrorBody).error.field).toBe('code');

    const changed = {
      ...full, name: 'Hangzhou Tea Trading Co.', leadTimeDays: 5, contacts: [full.contacts[1]!],
      bankAccounts: [{ ...full.bankAccounts[0]!, isDefault: false }, { bankName: 'Bank of China', accountName: 'HZ Tea', accountNumber: 'CN-4455-6677', isDefault: true }],
    };
    const updated = await body<Supplier>(t.call('PUT', `/api/suppliers/${created.id}`, { token: purchaser, body: changed }));
    expect(updated).toMatchObject({ name: 'Hangzhou Tea Trading Co.', leadTimeDays: 5, contacts: [{ name: '吴芳 Wu Fang' }] });
    expect(updated.bankAccounts.map((b) => [b.accountNumber, b.isDefault])).toEqual([['6222 0212 3456 7890', false], ['CN-4455-6677', true]]);
    const [audit] = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entity, 'supplier'), eq(auditLog.entityId, created.id), eq(auditLog.action, 'update')));
    expect(audit).toMatchObject({ username: 'purchaser', before: { name: full.name, leadTimeDays: 3 }, after: { name: 'Hangzhou Tea Trading Co.', leadTimeDays: 5 } });
    const taken = await t.call('PUT', `/api/suppliers/${created.id}`, { token: purchaser, body: { ...changed, code: 'SUP-SNK' } });
    expect(taken.status).toBe(409);
    expect(((await taken.json()) as ErrorBody).error.field).toBe('code');

    // Archived suppliers leave the default list and take no orders.
    expect((await body<Supplier>(t.call('PUT', `/api/suppliers/${created.id}`, { token: purchaser, body: { ...changed, status: 'archived' } }))).status).toBe('archived');
    expect(await search('q=SUP-TEA')).toEqual([]);
    expect(await search('q=SUP-TEA&status=archived')).toEqual(['SUP-TEA']);
    expect(await search('q=SUP-TEA&status=all')).toEqual(['SUP-TEA']);

    // A supplier nothing refers to can be deleted; one with an order cannot.
    expect((await t.call('DELETE', `/api/suppliers/${created.id}`, { token: purchaser })).status).toBe(204);
    expect((await t.call('GET', `/api/suppliers/${created.id}`, { token: purchaser })).status).toBe(404);
    expect((await t.call('DELETE', `/api/suppliers/${created.id}`, { token: purchaser })).status).toBe(404);
    const [snk] = await t.database.db.select().from(suppliers).where(eq(suppliers.code, 'SUP-SNK'));
    const [wh] = await t.database.db.select().from(warehouses).where(eq(warehouses.code, 'S01-WH'));
    const [p] = await t.database.db.select().from(products).where(like(products.sku, 'SNK-%')).limit(1);
    expect((await t.call('POST', '/api/purchasing/orders', { token: purchaser, body: { supplierId: snk!.id, warehouseId: wh!.id, lines: [{ productId: p!.id, qty: '1', price: 100 }] } })).status).toBe(201);
    const refused = await t.call('DELETE', `/api/suppliers/${snk!.id}`, { token: purchaser });
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as ErrorBody).error.message).toMatch(/archive/);
    expect(await h.auditActions('supplier', created.id)).toEqual(['create', 'update', 'update', 'delete']);
  });

  it('keeps price lists with item code, pack size, price and minimum order, and one preferred supplier per product', async () => {
    const db = t.database.db;
    const purchaser = await t.login('purchaser');
    const [p] = await db.select().from(products).where(like(products.sku, 'BEV-TEA-%')).orderBy(asc(products.sku)).limit(1);
    const sup = Object.fromEntries((await db.select().from(suppliers)).map((s) => [s.code, s.id])) as Record<string, string>;
    const put = (code: string, b: object) => t.call('PUT', `/api/suppliers/${sup[code]}/products/${p!.id}`, { token: purchaser, body: b });
    const first = await body<SupplierProduct>(put('SUP-BEV', { itemCode: 'MK-ICT-500x15', packSize: '15', price: 4350, minOrderQty: '2', preferred: true }));
    expect(first).toMatchObject({ supplierCode: 'SUP-BEV', sku: p!.sku, itemCode: 'MK-ICT-500x15', packSize: '15', price: 4350, currency: 'CNY', minOrderQty: '2', preferred: true });
    await put('SUP-HOME', { packSize: '1.5', price: 450, preferred: true });
    const lists = await body<{ items: SupplierProduct[] }>(t.call('GET', `/api/suppliers/${sup['SUP-BEV']}/products`, { token: purchaser }));
    expect(lists.items.map((i) => [i.sku, i.preferred])).toEqual([[p!.sku, false]]);
    const sellers = await body<{ items: { code: string; productCount: number }[] }>(t.call('GET', `/api/suppliers?productId=${p!.id}`, { token: purchaser }));
    expect(sellers.items.map((s) => [s.code, s.productCount])).toEqual([['SUP-BEV', 1], ['SUP-HOME', 1]]);
    const home = await body<{ items: SupplierProduct[] }>(t.call('GET', `/api/suppliers/${sup['SUP-HOME']}/products`, { token: purchaser }));
    expect(home.items[0]).toMatchObject({ packSize: '1.5', minOrderQty: '0', itemCode: '', preferred: true });

    expect((await t.call('DELETE', `/api/suppliers/${sup['SUP-HOME']}/products/${p!.id}`, { token: purchaser })).status).toBe(204);
    const gone = await t.call('DELETE', `/api/suppliers/${sup['SUP-HOME']}/products/${p!.id}`, { token: purchaser });
    expect(gone.status).toBe(404);
    expect(((await gone.json()) as ErrorBody).error.field).toBe('productId');
    expect((await t.call('PUT', `/api/suppliers/${sup['SUP-BEV']}/products/${UNKNOWN}`, { token: purchaser, body: { price: 1 } })).status).toBe(404);
    expect((await t.call('PUT', `/api/suppliers/${UNKNOWN}/products/${p!.id}`, { token: purchaser, body: { price: 1 } })).status).toBe(404);
    expect(await h.auditActions('supplier_product', sup['SUP-HOME']!)).toEqual(['create', 'delete']);

    // Prices are in the supplier's currency: it cannot change under a price list.
    const bev = await body<Supplier>(t.call('GET', `/api/suppliers/${sup['SUP-BEV']}`, { token: purchaser }));
    const { id: _id, productCount: _n, createdAt: _c, updatedAt: _u, ...input } = bev;
    const res = await t.call('PUT', `/api/suppliers/${bev.id}`, {
      token: purchaser, body: { ...input, currency: 'USD', contacts: [], bankAccounts: [] },
    });
    expect(res.status).toBe(409);
    expect(((await res.json()) as ErrorBody).error.field).toBe('currency');
  });

  it('refuses bad supplier and price-list input naming the field, changing nothing', async () => {
    const db = t.database.db;
    const purchaser = await t.login('purchaser');
    const [snk] = await db.select().from(suppliers).where(eq(suppliers.code, 'SUP-SNK'));
    const [p] = await db.select().from(products).limit(1);
    const ok = { code: 'SUP-NEW', name: 'New', currency: 'CNY' };
    const bank = { bankName: 'ICBC', accountName: 'New Co', accountNumber: '1234 5678' };
    const cases: [string, string, unknown, number, string][] = [
      ['POST', '/api/suppliers', {}, 400, 'code'],
      ['POST', '/api/suppliers', { ...ok, code: 'has space' }, 400, 'code'],
      ['POST', '/api/suppliers', { ...ok, name: '  ' }, 400, 'name'],
      ['POST', '/api/suppliers', { ...ok, currency: 'yuan' }, 400, 'currency'],
      ['POST', '/api/suppliers', { ...ok, taxNumber: '91/31 00' }, 400, 'taxNumber'],
      ['POST', '/api/suppliers', { ...ok, email: 'not-an-email' }, 400, 'email'],
      ['POST', '/api/suppliers', { ...ok, phone: 'call me' }, 400, 'phone'],
      ['POST', '/api/suppliers', { ...ok, paymentTermsDays: -1 }, 400, 'paymentTermsDays'],
      ['POST', '/api/suppliers', { ...ok, paymentTermsDays: 1.5 }, 400, 'paymentTermsDays'],
      ['POST', '/api/suppliers', { ...ok, leadTimeDays: 400 }, 400, 'leadTimeDays'],
      ['POST', '/api/suppliers', { ...ok, leadTimeDays: '3' }, 400, 'leadTimeDays'],
      ['POST', '/api/suppliers', { ...ok, status: 'gone' }, 400, 'status'],
      ['POST', '/api/suppliers', { ...ok, note: 'x'.repeat(1001) }, 400, 'note'],
      ['POST', '/api/suppliers', { ...ok, contacts: [{ name: '' }] }, 400, 'contacts.0.name'],
      ['POST', '/api/suppliers', { ...ok, contacts: [{ name: 'A' }, { name: 'B', email: 'b@' }] }, 400, 'contacts.1.email'],
      ['POST', '/api/suppliers', { ...ok, bankAccounts: [{ ...bank, accountNumber: '12' }] }, 400, 'bankAccounts.0.accountNumber'],
      ['POST', '/api/suppliers', { ...ok, bankAccounts: [{ ...bank, swift: 'XYZ' }] }, 400, 'bankAccounts.0.swift'],
      ['POST', '/api/suppliers', { ...ok, bankAccounts: [{ ...bank, bankName: '' }] }, 400, 'bankAccounts.0.bankName'],
      ['POST', '/api/suppliers', { ...ok, bankAccounts: [{ ...bank, isDefault: true }, { ...bank, accountNumber: '8765 4321', isDefault: true }] }, 400, 'bankAccounts.1.isDefault'],
      ['POST', '/api/suppliers', { ...ok, bankAccounts: [bank, { ...bank, accountNumber: '1234-5678' }] }, 400, 'bankAccounts.1.accountNumber'],
      ['POST', '/api/suppliers', { ...ok, code: 'SUP-BEV' }, 409, 'code'],
      ['PUT', `/api/suppliers/${UNKNOWN}`, ok, 404, 'id'],
      ['PUT', '/api/suppliers/SUP-SNK', ok, 400, 'id'],
      ['PUT', `/api/suppliers/${snk!.id}`, { ...ok, code: 'SUP-BEV' }, 409, 'code'],
      ['DELETE', '/api/suppliers/x', undefined, 400, 'id'],
      ['GET', '/api/suppliers?page=0', undefined, 400, 'page'],
      ['GET', '/api/suppliers?pageSize=1000', undefined, 400, 'pageSize'],
      ['GET', '/api/suppliers?status=gone', undefined, 400, 'status'],
      ['GET', '/api/suppliers?productId=abc', undefined, 400, 'productId'],
      ['GET', `/api/suppliers/${UNKNOWN}/products`, undefined, 404, 'id'],
      ['PUT', `/api/suppliers/${snk!.id}/products/${p!.id}`, {}, 400, 'price'],
      ['PUT', `/api/suppliers/${snk!.id}/products/${p!.id}`, { price: -5 }, 400, 'price'],
      ['PUT', `/api/suppliers/${snk!.id}/products/${p!.id}`, { price: 5, packSize: '0' }, 400, 'packSize'],
      ['PUT', `/api/suppliers/${snk!.id}/products/${p!.id}`, { price: 5, packSize: '1.0005' }, 400, 'packSize'],
      ['PUT', `/api/suppliers/${snk!.id}/products/${p!.id}`, { price: 5, minOrderQty: '-1' }, 400, 'minOrderQty'],
      ['PUT', `/api/suppliers/${snk!.id}/products/${p!.id}`, { price: 5, preferred: 'yes' }, 400, 'preferred'],
      ['PUT', `/api/suppliers/${snk!.id}/products/${p!.id}`, { price: 5, itemCode: 'x'.repeat(65) }, 400, 'itemCode'],
      ['PUT', `/api/suppliers/${snk!.id}/products/nope`, { price: 5 }, 400, 'productId'],
      ['PUT', `/api/suppliers/${snk!.id}/products/${UNKNOWN}`, { price: 5 }, 404, 'productId'],
      ['DELETE', `/api/suppliers/${snk!.id}/products/${UNKNOWN}`, undefined, 404, 'productId'],
    ];
    const before = await h.footprint();
    for (const [method, path, payload, status, field] of cases) {
      const res = await t.call(method, path, { token: purchaser, body: payload });
      const what = `${method} ${path} ${JSON.stringify(payload)}`;
      expect(res.status, what).toBe(status);
      expect(((await res.json()) as ErrorBody).error.field, what).toBe(field);
    }
    expect(await h.footprint()).toEqual(before);
  });
});
