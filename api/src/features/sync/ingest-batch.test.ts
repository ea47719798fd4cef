import { expect, it } from 'vitest';
import { and, asc, eq, like, sql } from 'drizzle-orm';
import { newId, type PushResult } from '@shopbook/shared';
import { describeEachDriver } from '../../../test/databases.ts';
import { useApp } from '../../../test/harness.ts';
import { registerTill, saleEvent, type SimpleLine } from '../../../test/till.ts';
import { rows } from '../../db/rows.ts';
import { NO_BATCH, products, sales, syncEvents, users } from '../../db/schema/index.ts';
import { applySalesBatch, AverageMoved, batchFacts } from './apply-sales-batch.ts';

type Push = { results: PushResult[] };

/**
 * A push's sales are applied together (apply-sales-batch.ts). The same sales, pushed one
 * by one to another store, are the reference: stock, average cost, values, costs, the
 * journal and the flags must come out identical.
 */
describeEachDriver('till sales applied as a batch', (driver) => {
  const t = useApp(driver);

  const setup = async () => {
    const db = t.database.db;
    const [cashier] = await db.select().from(users).where(eq(users.username, 'cashier'));
    const list = await db.select().from(products).where(and(like(products.sku, 'SNK-%'), eq(products.batchTracked, false))).orderBy(asc(products.sku)).limit(4);
    const batchTill = await registerTill(t, 'S01');
    const oneByOne = await registerTill(t, 'S02');
    // Opening stock at odd costs so averages and rounding matter: 7 of each at 3.333 3.
    const manager = await t.login('manager');
    for (const till of [batchTill, oneByOne]) {
      const adj = await t.call('POST', '/api/inventory/adjustments', {
        token: manager, body: { warehouseId: till.warehouseId, reason: 'found', lines: list.map((p) => ({ productId: p.id, qty: '7', unitCost: '333.3333' })) },
      });
      const { id } = (await adj.json()) as { id: string };
      expect((await t.call('POST', `/api/inventory/adjustments/${id}/post`, { token: manager })).status).toBe(200);
    }
    return { cashierId: cashier!.id, list, batchTill, oneByOne };
  };

  const stateOf = async (warehouseId: string, saleIds: string[]) => {
    const db = t.database.db;
    const levels = await rows<{ product_id: string; qty: string; avg_cost: string; value: string | number }>(
      db,
      sql`SELECT product_id, qty::text AS qty, avg_cost::text AS avg_cost, value FROM stock_levels WHERE warehouse_id = ${warehouseId} ORDER BY product_id`,
    );
    const soldRows = await db.select().from(sales).where(sql`${sales.id} IN (${sql.join(saleIds.map((id) => sql`${id}::uuid`), sql`, `)})`);
    const byId = new Map(soldRows.map((s) => [s.id, s]));
    const journal = await rows<{ account_code: string; debit: string | number; credit: string | number }>(
      db,
      sql`SELECT l.account_code, sum(l.debit) AS debit, sum(l.credit) AS credit FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id
           WHERE e.source_type = 'sale' AND e.source_id IN (${sql.join(saleIds.map((id) => sql`${id}`), sql`, `)}) GROUP BY 1 ORDER BY 1`,
    );
    return {
      levels: levels.map((l) => [Number(l.qty), l.avg_cost, Number(l.value)]),
      sales: saleIds.map((id) => [byId.get(id)?.cost, byId.get(id)?.flag]),
      journal: journal.map((j) => [j.account_code, Number(j.debit), Number(j.credit)]),
    };
  };

  it('comes out exactly as applying the sales one by one: levels, costs, flags and books', async () => {
    const { cashierId, list, batchTill, oneByOne } = await setup();
    // Twelve sales; quantities run the stock into negative part way through.
    const plan: SimpleLine[][] = Array.from({ length: 12 }, (_, n) =>
      [0, 1, 2].map((j) => ({ productId: list[(n + j) % list.length]!.id, qty: j === 0 ? '1.5' : String(1 + ((n + j) % 3)), unitPrice: 333 + n, taxRateBp: 1300 })),
    );
    const batchEvents = plan.map((lines, n) => saleEvent(batchTill, n + 1, cashierId, lines));
    const batchPush = (await (await t.call('POST', '/api/sync/push', { token: batchTill.token, body: { events: batchEvents } })).json()) as Push;
    expect(batchPush.results.map((r) => r.status)).toEqual(Array(12).fill('applied'));

    const singleEvents = plan.map((lines, n) => saleEvent(oneByOne, n + 1, cashierId, lines));
    const singleResults: PushResult[] = [];
    for (const e of singleEvents) singleResults.push(...((await (await t.call('POST', '/api/sync/push', { token: oneByOne.token, body: { events: [e] } })).json()) as Push).results);
    expect(batchPush.results.map((r) => r.flagged ?? false)).toEqual(singleResults.map((r) => r.flagged ?? false));
    expect(batchPush.results.some((r) => r.flagged)).toBe(true);

    const a = await stateOf(batchTill.warehouseId, batchEvents.map((e) => e.id));
    const b = await stateOf(oneByOne.warehouseId, singleEvents.map((e) => e.id));
    expect(a).toEqual(b);
    expect(a.sales.every(([cost]) => typeof cost === 'number')).toBe(true);
    // The batch really went the set-based way: all its moves were written in one go.
    const stamps = async (ids: string[]) =>
      (await rows<{ n: string | number }>(t.database.db, sql`SELECT count(DISTINCT recorded_at) AS n FROM stock_moves WHERE doc_type = 'sale' AND doc_id IN (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`))[0]!.n;
    expect(Number(await stamps(batchEvents.map((e) => e.id)))).toBe(1);
    expect(Number(await stamps(singleEvents.map((e) => e.id)))).toBeGreaterThan(1);

    const owner = await t.login('owner');
    expect(((await (await t.call('GET', '/api/inventory/ledger-check', { token: owner })).json()) as { ok: boolean }).ok).toBe(true);
  });

  it('keeps a bad sale out of the batch without losing the others, and answers duplicates and conflicts per event', async () => {
    const { cashierId, list, batchTill } = await setup();
    const line = (n: number): SimpleLine => ({ productId: list[n % list.length]!.id, qty: '1', unitPrice: 500, taxRateBp: 1300 });
    const good1 = saleEvent(batchTill, 101, cashierId, [line(0)]);
    const bad = saleEvent(batchTill, 102, cashierId, [line(1)]);
    bad.payload.totals.gross += 1;
    const unknown = saleEvent(batchTill, 103, cashierId, [{ ...line(2), productId: newId() }]);
    const good2 = saleEvent(batchTill, 104, cashierId, [line(3)]);
    const res = (await (await t.call('POST', '/api/sync/push', { token: batchTill.token, body: { events: [good1, bad, unknown, good2, good1] } })).json()) as Push;
    expect(res.results.map((r) => r.status)).toEqual(['applied', 'rejected', 'rejected', 'applied', 'duplicate']);
    expect(res.results[1]!.reason).toContain('totals do not match');

    const changed = { ...good2, payload: { ...good2.payload, receiptNo: 'T-other' } };
    const again = (await (await t.call('POST', '/api/sync/push', { token: batchTill.token, body: { events: [good1, changed, bad] } })).json()) as Push;
    expect(again.results.map((r) => r.status)).toEqual(['duplicate', 'rejected', 'rejected']);
    expect(again.results[1]!.reason).toContain('conflict');

    const recorded = await t.database.db.select().from(syncEvents).where(sql`${syncEvents.id} IN (${good1.id}::uuid, ${bad.id}::uuid, ${unknown.id}::uuid, ${good2.id}::uuid)`);
    expect(recorded.map((r) => r.status).sort()).toEqual(['applied', 'applied', 'rejected', 'rejected']);
    expect((await t.database.db.select().from(sales).where(sql`${sales.id} IN (${good1.id}::uuid, ${good2.id}::uuid, ${bad.id}::uuid)`)).length).toBe(2);
    const owner = await t.login('owner');
    expect(((await (await t.call('GET', '/api/inventory/ledger-check', { token: owner })).json()) as { ok: boolean }).ok).toBe(true);
  });
});

describeEachDriver('till sales batch when a receipt moves the average meanwhile', (driver) => {
  const t = useApp(driver);

  it('refuses to move the levels at a stale average, writing nothing, and goes through when computed again', async () => {
    const db = t.database.db;
    const [cashier] = await db.select().from(users).where(eq(users.username, 'cashier'));
    const [p] = await db.select().from(products).where(and(like(products.sku, 'SNK-%'), eq(products.batchTracked, false))).orderBy(asc(products.sku)).limit(1);
    const till = await registerTill(t, 'S01');
    const device = { id: till.deviceId, storeId: till.storeId, warehouseId: till.warehouseId };
    const event = saleEvent(till, 1, cashier!.id, [{ productId: p!.id, qty: '2', unitPrice: 500, taxRateBp: 1300 }]);
    const batch = [{ eventId: event.id, occurredAt: new Date(event.occurredAt), sale: event.payload }];
    const facts = await batchFacts(db, [event.payload]);
    await db.execute(sql`INSERT INTO stock_levels (product_id, warehouse_id, batch_id, qty, avg_cost, value, updated_at)
                         VALUES (${p!.id}, ${till.warehouseId}, ${NO_BATCH}, 10, 300, 3000, now())`);

    // A receipt lands between reading the average and locking the level.
    await expect(
      db.transaction(async (tx) => {
        const racing = new Proxy(tx, {
          get(target, key, receiver) {
            if (key !== 'execute') return Reflect.get(target, key, receiver);
            return async (query: Parameters<typeof tx.execute>[0]) => {
              if (JSON.stringify((query as { queryChunks?: unknown }).queryChunks ?? '').includes('l.avg_cost = EXCLUDED.avg_cost')) {
                await target.execute(sql`UPDATE stock_levels SET avg_cost = 320, qty = qty + 10, value = value + 3400 WHERE product_id = ${p!.id} AND warehouse_id = ${till.warehouseId}`);
              }
              return target.execute(query);
            };
          },
        });
        await applySalesBatch(racing, device, batch, facts, new Date());
      }),
    ).rejects.toBeInstanceOf(AverageMoved);
    expect(await db.select().from(sales).where(eq(sales.id, event.id))).toEqual([]);

    await db.transaction((tx) => applySalesBatch(tx, device, batch, facts, new Date()));
    const [level] = await rows<{ qty: string; value: string | number }>(db, sql`SELECT qty::text AS qty, value FROM stock_levels WHERE product_id = ${p!.id} AND warehouse_id = ${till.warehouseId}`);
    expect([Number(level!.qty), Number(level!.value)]).toEqual([8, 2400]);
    expect((await db.select().from(sales).where(eq(sales.id, event.id)))[0]!.cost).toBe(600);
  });
});
