import { expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { isValidGtin, parseWeighedBarcode } from '@shopbook/shared';
import { describeEachDriver } from '../../test/databases.ts';
import { useApp } from '../../test/harness.ts';
import { categories, customers, productBarcodes, products, suppliers, taxRates, users, warehouses } from '../db/schema/index.ts';
import { seedDemo } from './demo.ts';

describeEachDriver('demo data', (driver) => {
  const t = useApp(driver);

  it('holds the demo shop the README promises', async () => {
    const db = t.database.db;
    const n = async (table: Parameters<ReturnType<typeof db.select>['from']>[0]) => (await db.select({ n: count() }).from(table))[0]!.n;
    expect(await n(products)).toBeGreaterThanOrEqual(280);
    expect(await n(products)).toBeLessThanOrEqual(330);
    expect(await n(suppliers)).toBe(5);
    expect(await n(customers)).toBe(20);
    expect(await n(users)).toBe(7);
    expect((await db.select().from(warehouses)).map((w) => w.kind).sort()).toEqual(['central', 'store', 'store', 'transit']);
    expect((await db.select().from(taxRates)).map((r) => r.rateBasisPoints).sort((a, b) => a - b)).toEqual([0, 600, 900, 1300]);
    expect((await db.select().from(categories).where(eq(categories.code, 'BEV-SOFT'))).length).toBe(1);

    const all = await db.select({ barcode: productBarcodes.barcode, weighed: products.weighed, batch: products.batchTracked })
      .from(productBarcodes).innerJoin(products, eq(products.id, productBarcodes.productId));
    expect(all.every((b) => isValidGtin(b.barcode))).toBe(true);
    expect(all.filter((b) => b.weighed).every((b) => parseWeighedBarcode(b.barcode)?.kind === 'weight')).toBe(true);
    expect(all.some((b) => b.weighed)).toBe(true);
    expect(all.some((b) => b.batch)).toBe(true);
  });

  it('does nothing when run again', async () => {
    expect(await seedDemo(t.database.db, t.clock.now())).toBe(false);
    expect((await t.database.db.select({ n: count() }).from(users))[0]!.n).toBe(7);
  });

  it('gives every role a working login and a dashboard to the ones allowed one', async () => {
    const token = await t.login('owner');
    const summary = (await (await t.call('GET', '/api/dashboard/summary', { token })).json()) as {
      counts: { products: number };
      productsByCategory: { category: string; count: number }[];
    };
    expect(summary.productsByCategory.reduce((s, c) => s + c.count, 0)).toBe(summary.counts.products);
    const cashier = await t.login('cashier');
    expect((await t.call('GET', '/api/dashboard/summary', { token: cashier })).status).toBe(403);
    const stores = (await (await t.call('GET', '/api/org/stores', { token: cashier })).json()) as { items: unknown[] };
    expect(stores.items).toHaveLength(1);
  });
});
