import { expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import type { Receipt } from '@shopbook/shared';
import { describeEachDriver } from '../../../test/databases.ts';
import { useApp } from '../../../test/harness.ts';
import { batches, products, stockMoves, warehouses } from '../../db/schema/index.ts';

describeEachDriver('goods receipts, batches and stock reports', (driver) => {
  const t = useApp(driver);
  const setup = async () => {
    const db = t.database.db;
    const [wh] = await db.select().from(warehouses).where(eq(warehouses.code, 'S02-WH'));
    const [milk] = await db.select().from(products).where(eq(products.batchTracked, true)).limit(1);
    const [cola] = await db.select().from(products).where(eq(products.sku, 'BEV-SOFT-0002'));
    return { warehouseId: wh!.id, milk: milk!, cola: cola! };
  };

  it('receives stock with batches and expiry, books GRNI, and reports expiring batches and stock as of a date', async () => {
    const { warehouseId, milk, cola } = await setup();
    const clerk = await t.login('clerk');
    const draft = await t.call('POST', '/api/inventory/receipts', {
      token: clerk,
      body: {
        warehouseId, reference: 'DN-778',
        lines: [
          { productId: milk.id, qty: '24', unitCost: '250', batchNo: 'L2603A', productionDate: '2026-02-25', expiryDate: '2026-03-20' },
          { productId: milk.id, qty: '12', unitCost: '260', batchNo: 'L2603B', expiryDate: '2026-04-30' },
          { productId: cola.id, qty: '48', unitCost: '180.125' },
        ],
      },
    });
    expect(draft.status).toBe(201);
    const doc = (await draft.json()) as Receipt;
    expect(doc.number).toMatch(/^GR-2026-000001$/);
    const posted = await t.call('POST', `/api/inventory/receipts/${doc.id}/post`, { token: clerk });
    expect(posted.status).toBe(200);
    expect((await t.call('POST', `/api/inventory/receipts/${doc.id}/post`, { token: clerk })).status).toBe(409);
    expect((await t.database.db.select({ n: count() }).from(batches).where(eq(batches.productId, milk.id)))[0]!.n).toBe(2);

    const owner = await t.login('owner');
    const tb = (await (await t.call('GET', '/api/finance/trial-balance', { token: owner })).json()) as { rows: { accountCode: string; balance: number }[] };
    // 24×2.50 + 12×2.60 + 48×1.80125 = 60.00 + 31.20 + 86.46 (86.46 rounded from 86.46)
    const value = 6000 + 3120 + 8646;
    expect(tb.rows.find((r) => r.accountCode === '1405')!.balance).toBe(value);
    expect(tb.rows.find((r) => r.accountCode === '220201')!.balance).toBe(-value);

    // The clock stands at 2026-03-02: the first batch expires in 18 days.
    const soon = (await (await t.call('GET', '/api/inventory/expiring?days=30', { token: clerk })).json()) as { items: { batchNo: string; daysLeft: number }[] };
    expect(soon.items.map((b) => [b.batchNo, b.daysLeft])).toEqual([['L2603A', 18]]);

    const asOfBefore = (await (await t.call('GET', `/api/inventory/stock-as-of?date=2026-03-01&productId=${cola.id}`, { token: clerk })).json()) as { items: unknown[] };
    expect(asOfBefore.items).toEqual([]);
    const asOfToday = (await (await t.call('GET', `/api/inventory/stock-as-of?date=2026-03-02&productId=${cola.id}`, { token: clerk })).json()) as { items: { qty: string; value: number }[] };
    expect(asOfToday.items.map((r) => [Number(r.qty), r.value])).toEqual([[48, 8646]]);

    const dairy = (await (await t.call('GET', '/api/catalogue/categories', { token: clerk })).json()) as { items: { id: string; code: string }[] };
    const dairyId = dairy.items.find((c) => c.code === 'DAIRY')!.id;
    const inDairy = (await (await t.call('GET', `/api/inventory/levels?categoryId=${dairyId}&warehouseId=${warehouseId}`, { token: clerk })).json()) as { items: { sku: string; batchNo: string }[] };
    expect(inDairy.items.map((i) => i.batchNo).sort()).toEqual(['L2603A', 'L2603B']);
    const byExpiry = (await (await t.call('GET', `/api/inventory/levels?expiryFrom=2026-04-01&expiryTo=2026-05-31`, { token: clerk })).json()) as { items: { batchNo: string }[] };
    expect(byExpiry.items.map((i) => i.batchNo)).toEqual(['L2603B']);

    const check = (await (await t.call('GET', '/api/inventory/ledger-check', { token: owner })).json()) as { ok: boolean };
    expect(check.ok).toBe(true);
  });

  it('refuses receipts without batch or expiry for tracked products, and bad lines, writing nothing', async () => {
    const { warehouseId, milk, cola } = await setup();
    const clerk = await t.login('clerk');
    const before = (await t.database.db.select({ n: count() }).from(stockMoves))[0]!.n;
    const cases: [unknown[], number, string][] = [
      [[{ productId: milk.id, qty: '1', unitCost: '1' }], 400, 'lines.0.batchNo'],
      [[{ productId: milk.id, qty: '1', unitCost: '1', batchNo: 'X' }], 400, 'lines.0.expiryDate'],
      [[{ productId: cola.id, qty: '1', unitCost: '1', batchNo: 'X' }], 400, 'lines.0.batchNo'],
      [[{ productId: cola.id, qty: '-1', unitCost: '1' }], 400, 'lines.0.qty'],
      [[{ productId: cola.id, qty: '1', unitCost: '-1' }], 400, 'lines.0.unitCost'],
      [[{ productId: cola.id, qty: '1', unitCost: '1', expiryDate: '2026-13-01' }], 400, 'lines.0.expiryDate'],
    ];
    for (const [lines, status, field] of cases) {
      const res = await t.call('POST', '/api/inventory/receipts', { token: clerk, body: { warehouseId, lines } });
      expect(res.status, field).toBe(status);
      expect(((await res.json()) as { error: { field: string } }).error.field).toBe(field);
    }
    expect((await t.database.db.select({ n: count() }).from(stockMoves))[0]!.n).toBe(before);
  });

  it('lists low and negative stock against reorder points', async () => {
    const { warehouseId, cola } = await setup();
    const manager = await t.login('manager');
    const [other] = await t.database.db.select().from(products).where(eq(products.sku, 'BEV-SOFT-0003'));
    const rules = await t.call('PUT', '/api/inventory/rules', {
      token: manager,
      body: { rules: [
        { productId: cola.id, warehouseId, reorderPoint: '50', minQty: '20', maxQty: '120' },
        { productId: other!.id, warehouseId, reorderPoint: '5', minQty: '5', maxQty: '30' },
      ] },
    });
    expect(rules.status).toBe(200);
    const bad = await t.call('PUT', '/api/inventory/rules', { token: manager, body: { rules: [{ productId: cola.id, warehouseId, reorderPoint: '1', minQty: '9', maxQty: '3' }] } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { field: string } }).error.field).toBe('rules.0.maxQty');
    const low = (await (await t.call('GET', `/api/inventory/low-stock?warehouseId=${warehouseId}`, { token: manager })).json()) as {
      items: { sku: string; qty: string; suggested: string }[];
    };
    expect(low.items.map((i) => [i.sku, Number(i.qty), Number(i.suggested)])).toEqual([['BEV-SOFT-0002', 48, 72], ['BEV-SOFT-0003', 0, 30]]);
  });
});
