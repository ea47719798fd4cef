import { expect, it } from 'vitest';
import type { PullPage, PulledCategory } from '@shopbook/shared';
import { describeEachDriver } from '../../../test/databases.ts';
import { useApp } from '../../../test/harness.ts';
import { registerTill } from '../../../test/till.ts';

describeEachDriver('till pull: categories', (driver) => {
  const t = useApp(driver);
  const pull = async (token: string, since = 0) =>
    (await (await t.call('GET', `/api/sync/pull/categories?since=${since}&limit=5000`, { token })).json()) as PullPage;

  it('sends every category with its name, then renamed ones and tombstones after the cursor', async () => {
    const till = await registerTill(t);
    const manager = await t.login('manager');
    const first = await pull(till.token);
    const rows = first.rows as PulledCategory[];
    const soft = rows.find((c) => c.code === 'BEV-SOFT')!;
    expect(soft.name).toBeTruthy();
    expect(soft.parentId).toBe(rows.find((c) => c.code === 'BEV')!.id);
    expect(first.tombstones).toEqual([]);
    expect((await pull(till.token, first.cursor)).rows).toEqual([]);

    const renamed = await t.call('PUT', `/api/catalogue/categories/${soft.id}`, { token: manager, body: { code: 'bev-soft', name: '汽水饮料' } });
    expect(renamed.status).toBe(200);
    const created = await t.call('POST', '/api/catalogue/categories', { token: manager, body: { code: 'SEASONAL', name: 'Seasonal', parentId: null } });
    const seasonal = (await created.json()) as { id: string };
    expect((await t.call('DELETE', `/api/catalogue/categories/${seasonal.id}`, { token: manager })).status).toBe(204);

    const delta = await pull(till.token, first.cursor);
    expect((delta.rows as PulledCategory[]).map((c) => [c.code, c.name])).toEqual([['BEV-SOFT', '汽水饮料']]);
    expect(delta.tombstones).toEqual([seasonal.id]);
    expect((await pull(till.token, delta.cursor)).rows).toEqual([]);

    const listed = (await (await t.call('GET', '/api/catalogue/categories', { token: manager })).json()) as { items: { id: string }[] };
    expect(listed.items.map((c) => c.id)).not.toContain(seasonal.id);
  });

  it('refuses to delete a category that still has products or subcategories, naming the field', async () => {
    const manager = await t.login('manager');
    const listed = (await (await t.call('GET', '/api/catalogue/categories', { token: manager })).json()) as { items: { id: string; code: string }[] };
    const withProducts = listed.items.find((c) => c.code === 'BEV-SOFT')!;
    const parent = listed.items.find((c) => c.code === 'BEV')!;
    for (const c of [withProducts, parent]) {
      const res = await t.call('DELETE', `/api/catalogue/categories/${c.id}`, { token: manager });
      expect(res.status).toBe(409);
      expect(((await res.json()) as { error: { field: string } }).error.field).toBe('id');
    }
    const clash = await t.call('PUT', `/api/catalogue/categories/${withProducts.id}`, { token: manager, body: { code: 'BEV', name: 'x' } });
    expect(clash.status).toBe(409);
    const cashier = await t.login('cashier');
    expect((await t.call('DELETE', `/api/catalogue/categories/${withProducts.id}`, { token: cashier })).status).toBe(403);
  });

  it('refuses a product in a deleted category', async () => {
    const manager = await t.login('manager');
    const created = (await (await t.call('POST', '/api/catalogue/categories', { token: manager, body: { code: 'GONE', name: 'Gone', parentId: null } })).json()) as { id: string };
    await t.call('DELETE', `/api/catalogue/categories/${created.id}`, { token: manager });
    const rates = (await (await t.call('GET', '/api/catalogue/tax-rates', { token: manager })).json()) as { items: { id: string }[] };
    const res = await t.call('POST', '/api/catalogue/products', {
      token: manager,
      body: { sku: 'GONE-1', name: 'Orphan', categoryId: created.id, taxRateId: rates.items[0]!.id, unit: 'each', salePrice: 100, purchasePrice: 50, barcodes: [] },
    });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: { field: string } }).error.field).toBe('categoryId');
  });
});
