import { expect, it } from 'vitest';
import { count, eq, sql } from 'drizzle-orm';
import { describeEachDriver } from '../../../test/databases.ts';
import { useApp } from '../../../test/harness.ts';
import { rows } from '../../db/rows.ts';
import { products, stockMoves, warehouses } from '../../db/schema/index.ts';

type Adj = { id: string; number: string; status: string };
type Check = { ok: boolean; journalInventory: number; stockValue: number; levelDifferences: unknown[] };

describeEachDriver('stock adjustments and the ledger', (driver) => {
  const t = useApp(driver);
  const ids = async () => {
    const db = t.database.db;
    const [wh] = await db.select().from(warehouses).where(eq(warehouses.code, 'S01-WH'));
    const [p] = await db.select().from(products).where(eq(products.sku, 'BEV-SOFT-0001'));
    return { warehouseId: wh!.id, productId: p!.id, purchasePrice: p!.purchasePrice };
  };
  const moveCount = async () => (await t.database.db.select({ n: count() }).from(stockMoves))[0]!.n;

  it('drafts without touching stock, then posts moves, levels and a balanced journal entry', async () => {
    const { warehouseId, productId } = await ids();
    const clerk = await t.login('clerk');
    const manager = await t.login('manager');
    const owner = await t.login('owner');
    const draft = await t.call('POST', '/api/inventory/adjustments', {
      token: clerk,
      body: { warehouseId, reason: 'found', note: 'back room', lines: [{ productId, qty: '10', unitCost: '150.5' }] },
    });
    expect(draft.status).toBe(201);
    const doc = (await draft.json()) as Adj;
    expect(doc.number).toMatch(/^ADJ-\d{4}-000001$/);
    expect(await moveCount()).toBe(0);

    // The clerk may draft but not post.
    expect((await t.call('POST', `/api/inventory/adjustments/${doc.id}/post`, { token: clerk })).status).toBe(403);
    const posted = await t.call('POST', `/api/inventory/adjustments/${doc.id}/post`, { token: manager });
    expect(posted.status).toBe(200);
    expect(((await posted.json()) as Adj).status).toBe('posted');
    expect((await t.call('POST', `/api/inventory/adjustments/${doc.id}/post`, { token: manager })).status).toBe(409);

    const levels = (await (await t.call('GET', `/api/inventory/levels?productId=${productId}`, { token: clerk })).json()) as {
      items: { qty: string; avgCost: string; value: number }[];
    };
    expect(levels.items).toHaveLength(1);
    expect(Number(levels.items[0]!.qty)).toBe(10);
    expect(Number(levels.items[0]!.avgCost)).toBe(150.5);
    expect(levels.items[0]!.value).toBe(1505);

    // Now lose 3 damaged: they leave at the average cost.
    const loss = (await (await t.call('POST', '/api/inventory/adjustments', {
      token: clerk, body: { warehouseId, reason: 'damage', lines: [{ productId, qty: '-3' }] },
    })).json()) as Adj;
    expect((await t.call('POST', `/api/inventory/adjustments/${loss.id}/post`, { token: manager })).status).toBe(200);
    const ledger = (await (await t.call('GET', `/api/inventory/products/${productId}/moves`, { token: clerk })).json()) as {
      items: { qty: string; value: number; balance: string }[];
    };
    expect(ledger.items.map((m) => [Number(m.qty), m.value, Number(m.balance)])).toEqual([[10, 1505, 10], [-3, -452, 7]]);

    const check = (await (await t.call('GET', '/api/inventory/ledger-check', { token: owner })).json()) as Check;
    expect(check).toMatchObject({ ok: true, journalInventory: 1053, stockValue: 1053, levelDifferences: [] });
    const tb = (await (await t.call('GET', '/api/finance/trial-balance', { token: owner })).json()) as { totals: { debit: number; credit: number } };
    expect(tb.totals.debit).toBe(tb.totals.credit);
  });

  it('refuses bad adjustments naming the field, changing nothing', async () => {
    const { warehouseId, productId } = await ids();
    const clerk = await t.login('clerk');
    const before = await moveCount();
    const cases: [unknown, number, string][] = [
      [{ warehouseId, reason: 'damage', lines: [{ productId, qty: '2' }] }, 400, 'lines.0.qty'],
      [{ warehouseId, reason: 'found', lines: [{ productId, qty: '1.2345' }] }, 400, 'lines.0.qty'],
      [{ warehouseId, reason: 'stolen', lines: [{ productId, qty: '-1' }] }, 400, 'reason'],
      [{ warehouseId: 'x', reason: 'loss', lines: [{ productId, qty: '-1' }] }, 400, 'warehouseId'],
      [{ warehouseId, reason: 'loss', lines: [] }, 400, 'lines'],
      [{ warehouseId, reason: 'loss', lines: [{ productId: '0190f5e8-3b2a-7c41-9d2e-5f6a7b8c9d0e', qty: '-1' }] }, 422, 'lines.0.productId'],
    ];
    for (const [body, status, field] of cases) {
      const res = await t.call('POST', '/api/inventory/adjustments', { token: clerk, body });
      expect(res.status, field).toBe(status);
      expect(((await res.json()) as { error: { field: string } }).error.field).toBe(field);
    }
    expect((await t.call('POST', '/api/inventory/adjustments/not-a-uuid/post', { token: await t.login('manager') })).status).toBe(400);
    expect(await moveCount()).toBe(before);
  });

  it('refuses to post into negative stock where the warehouse forbids it, and rolls the whole document back', async () => {
    const { warehouseId, productId } = await ids();
    await t.database.db.update(warehouses).set({ allowNegativeStock: false }).where(eq(warehouses.id, warehouseId));
    const clerk = await t.login('clerk');
    const manager = await t.login('manager');
    const before = await moveCount();
    const doc = (await (await t.call('POST', '/api/inventory/adjustments', {
      token: clerk, body: { warehouseId, reason: 'loss', lines: [{ productId, qty: '-1000' }] },
    })).json()) as Adj;
    const res = await t.call('POST', `/api/inventory/adjustments/${doc.id}/post`, { token: manager });
    expect(res.status).toBe(422);
    expect(await moveCount()).toBe(before);
    const again = (await (await t.call('GET', `/api/inventory/adjustments/${doc.id}`, { token: clerk })).json()) as Adj;
    expect(again.status).toBe('draft');
    await t.database.db.update(warehouses).set({ allowNegativeStock: true }).where(eq(warehouses.id, warehouseId));
  });

  it('posts 30 concurrent adjustments of one product to the exact level with one move each', async () => {
    const { warehouseId, productId } = await ids();
    const clerk = await t.login('clerk');
    const manager = await t.login('manager');
    const levelOf = async () =>
      Number((await rows<{ q: string }>(t.database.db, sql`SELECT coalesce(sum(qty), 0) AS q FROM stock_levels WHERE product_id = ${productId} AND warehouse_id = ${warehouseId}`))[0]!.q);
    const start = await levelOf();
    const before = await moveCount();
    const drafts = await Promise.all(
      Array.from({ length: 30 }, () =>
        t.call('POST', '/api/inventory/adjustments', { token: clerk, body: { warehouseId, reason: 'loss', lines: [{ productId, qty: '-0.5' }] } })
          .then(async (r) => ((await r.json()) as Adj).id),
      ),
    );
    const results = await Promise.all(drafts.map((id) => t.call('POST', `/api/inventory/adjustments/${id}/post`, { token: manager })));
    expect(results.map((r) => r.status)).toEqual(drafts.map(() => 200));
    expect(await moveCount()).toBe(before + 30);
    expect(await levelOf()).toBeCloseTo(start - 15, 3);
    const check = (await (await t.call('GET', '/api/inventory/ledger-check', { token: await t.login('owner') })).json()) as Check;
    expect(check.ok).toBe(true);
  });
});
