import { expect, it } from 'vitest';
import { and, count, eq, like, sql } from 'drizzle-orm';
import { newId } from '@shopbook/shared';
import { describeEachDriver } from '../../../test/databases.ts';
import { useApp } from '../../../test/harness.ts';
import { rows } from '../../db/rows.ts';
import { products, stockMoves, warehouses } from '../../db/schema/index.ts';
import { postMoves } from './post-moves.ts';

describeEachDriver('stock under concurrency', (driver) => {
  const t = useApp(driver);

  it('50 concurrent sales of one product in one warehouse end at the exact level with exactly 50 moves', async () => {
    const db = t.database.db;
    const [wh] = await db.select().from(warehouses).where(eq(warehouses.code, 'S01-WH'));
    const [p] = await db.select().from(products).where(like(products.sku, 'SNK-CHIPS-%')).orderBy(products.sku).limit(1);
    const now = t.clock.now();
    const common = { productId: p!.id, warehouseId: wh!.id, docType: 'test', occurredAt: now };
    await db.transaction((tx) => postMoves(tx, [{ ...common, qty: '100', unitCost: '300', moveType: 'receipt', docId: newId() }]));
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        db.transaction((tx) => postMoves(tx, [{ ...common, qty: i % 2 ? '-1.5' : '-0.5', moveType: 'sale', docId: newId() }])),
      ),
    );
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const [level] = await rows<{ qty: string; value: string | number }>(db, sql`SELECT qty::text, value FROM stock_levels WHERE product_id = ${p!.id} AND warehouse_id = ${wh!.id}`);
    expect(Number(level!.qty)).toBe(100 - 25 * 1.5 - 25 * 0.5);
    expect(Number(level!.value)).toBe(30000 - 25 * 450 - 25 * 150);
    const [moves] = await db.select({ n: count() }).from(stockMoves).where(and(eq(stockMoves.productId, p!.id), eq(stockMoves.moveType, 'sale')));
    expect(moves!.n).toBe(50);
  });

  it('two concurrent takings of the last units do not both succeed where negative stock is forbidden', async () => {
    const db = t.database.db;
    const [wh] = await db.select().from(warehouses).where(eq(warehouses.code, 'S02-WH'));
    await db.update(warehouses).set({ allowNegativeStock: false }).where(eq(warehouses.id, wh!.id));
    const [p] = await db.select().from(products).where(like(products.sku, 'SNK-CHIPS-%')).orderBy(products.sku).offset(1).limit(1);
    const now = t.clock.now();
    const common = { productId: p!.id, warehouseId: wh!.id, docType: 'test', occurredAt: now };
    await db.transaction((tx) => postMoves(tx, [{ ...common, qty: '3', unitCost: '300', moveType: 'receipt', docId: newId() }]));
    const results = await Promise.allSettled(
      [0, 1].map(() => db.transaction((tx) => postMoves(tx, [{ ...common, qty: '-2', moveType: 'transfer_out', docId: newId() }]))),
    );
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const [level] = await rows<{ qty: string }>(db, sql`SELECT qty::text FROM stock_levels WHERE product_id = ${p!.id} AND warehouse_id = ${wh!.id}`);
    expect(Number(level!.qty)).toBe(1);
  });
});
