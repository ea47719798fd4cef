import fc from 'fast-check';
import { expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { formatQuantity, formatUnitCost4, newId, parseQuantity, parseUnitCost4, replay, type ReplayMove } from '@shopbook/shared';
import { describeEachDriver } from '../../../test/databases.ts';
import { useApp } from '../../../test/harness.ts';
import { rows } from '../../db/rows.ts';
import { products, stockMoves, taxRates, warehouses } from '../../db/schema/index.ts';
import { ledgerCheck } from './levels.queries.ts';
import { postMoves } from './post-moves.ts';

const qty = fc.integer({ min: 1, max: 50_000 });
const cost4 = fc.integer({ min: 0, max: 20_000_000 });
const move: fc.Arbitrary<ReplayMove> = fc.oneof(
  fc.record({ type: fc.constant('receipt' as const), qty, unitCost4: cost4 }),
  fc.record({ type: fc.constant('sale' as const), qty: qty.map((q) => -q) }),
  fc.record({ type: fc.constant('return' as const), qty }),
  fc.record({ type: fc.constant('transfer_out' as const), qty: qty.map((q) => -q) }),
  fc.record({ type: fc.constant('transfer_in' as const), qty, unitCost4: cost4 }),
  fc.record({ type: fc.constant('adjustment' as const), qty: fc.integer({ min: -20_000, max: 20_000 }).filter((q) => q !== 0) }),
);

describeEachDriver('stock ledger against the costing model', (driver) => {
  const t = useApp(driver);

  it('for any sequence of moves, levels equal the sum of moves and the model, and the average is never negative', async () => {
    const db = t.database.db;
    const [wh] = await db.select().from(warehouses).where(eq(warehouses.code, 'CENTRAL'));
    const [rate] = await db.select().from(taxRates).limit(1);
    await fc.assert(
      fc.asyncProperty(fc.array(move, { minLength: 1, maxLength: 12 }), async (moves) => {
        const productId = newId();
        const now = t.clock.now();
        await db.insert(products).values({ id: productId, sku: `PROP-${productId}`, name: 'property', taxRateId: rate!.id, createdAt: now, updatedAt: now });
        for (const m of moves) {
          await db.transaction((tx) =>
            postMoves(tx, [{
              productId, warehouseId: wh!.id, qty: formatQuantity(m.qty), moveType: m.type, docType: 'property', docId: newId(), occurredAt: now,
              ...(m.unitCost4 !== undefined && m.qty > 0 ? { unitCost: formatUnitCost4(m.unitCost4) } : {}),
            }]),
          );
        }
        const model = replay(moves.map((m) => (m.type === 'adjustment' || m.type === 'return' ? { type: m.type, qty: m.qty } : m)));
        const [level] = await rows<{ qty: string; avg_cost: string; value: string | number }>(
          db,
          sql`SELECT qty::text, avg_cost::text, value FROM stock_levels WHERE product_id = ${productId}`,
        );
        expect(parseQuantity(level!.qty)).toBe(model.qty);
        expect(parseUnitCost4(level!.avg_cost)).toBe(model.avgCost4);
        expect(Number(level!.value)).toBe(model.ledgerValueMinor);
        expect(model.avgCost4).toBeGreaterThanOrEqual(0);
        const values = await db.select({ value: stockMoves.value }).from(stockMoves).where(eq(stockMoves.productId, productId)).orderBy(stockMoves.recordedAt, stockMoves.id);
        // `+ 0` folds the model's -0 (a zero-cost move out) into the 0 the database stores.
        expect(values.map((v) => v.value)).toEqual(model.lines.map((l) => l.valueMinor + 0));
      }),
      { numRuns: driver === 'pglite' ? 40 : 25 },
    );
    const check = await ledgerCheck(db);
    expect(check.levelDifferences).toEqual([]);
  });
});
