import { expect, it } from 'vitest';
import { and, asc, count, eq, sql } from 'drizzle-orm';
import { newId, type StockTake } from '@shopbook/shared';
import { describeEachDriver } from '../../../test/databases.ts';
import { useApp } from '../../../test/harness.ts';
import { rows } from '../../db/rows.ts';
import { auditLog, categories, journalEntries, journalLines, NO_BATCH, stockMoves, stockTakeCounts, stockTakes, warehouses } from '../../db/schema/index.ts';
import { ACCOUNTS } from '../finance/chart.ts';
import { postJournalEntry } from '../finance/post-entry.ts';
import { postMoves } from '../inventory/post-moves.ts';

type Check = { ok: boolean; journalInventory: number; stockValue: number; levelDifferences: unknown[] };
type ErrorBody = { error: { code: string; field?: string } };
type Product = { id: string; sku: string; purchase_price: string | number; pack_barcode: string | null };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describeEachDriver('stock-takes', (driver) => {
  const t = useApp(driver);

  const setup = async () => {
    const db = t.database.db;
    const wh = Object.fromEntries((await db.select().from(warehouses)).map((w) => [w.code, w.id])) as Record<string, string>;
    const [snacks] = await db.select().from(categories).where(eq(categories.code, 'SNK'));
    // Products anywhere below SNK (it has only subcategories), and one outside it.
    const inSnacks = await rows<Product>(
      db,
      sql`SELECT p.id, p.sku, p.purchase_price,
                 (SELECT b.barcode FROM product_barcodes b WHERE b.product_id = p.id AND b.pack_qty = 12 LIMIT 1) AS pack_barcode
            FROM products p JOIN categories c ON c.id = p.category_id
           WHERE c.parent_id = ${snacks!.id} AND NOT p.batch_tracked AND NOT p.weighed
           ORDER BY (SELECT count(*) FROM product_barcodes b WHERE b.product_id = p.id AND b.pack_qty = 12) DESC, p.sku`,
    );
    const [outside] = await rows<Product>(db, sql`SELECT id, sku, purchase_price, NULL AS pack_barcode FROM products WHERE sku LIKE 'BEV-%' AND NOT batch_tracked ORDER BY sku LIMIT 1`);
    return { wh, snacksId: snacks!.id, inSnacks, outside: outside! };
  };

  const stockUp = async (warehouseId: string, lines: { productId: string; qty: string; unitCost: string }[]) => {
    const draft = await t.call('POST', '/api/inventory/adjustments', { token: await t.login('clerk'), body: { warehouseId, reason: 'found', lines } });
    expect(draft.status).toBe(201);
    const { id } = (await draft.json()) as { id: string };
    expect((await t.call('POST', `/api/inventory/adjustments/${id}/post`, { token: await t.login('manager') })).status).toBe(200);
  };
  const levelQty = async (productId: string, warehouseId: string) =>
    Number((await rows<{ q: string }>(t.database.db, sql`SELECT coalesce(sum(qty), 0)::text AS q FROM stock_levels WHERE product_id = ${productId} AND warehouse_id = ${warehouseId}`))[0]!.q);
  const ledgerOk = async () => {
    const check = (await (await t.call('GET', '/api/inventory/ledger-check', { token: await t.login('owner') })).json()) as Check;
    expect(check.levelDifferences).toEqual([]);
    expect(check.journalInventory).toBe(check.stockValue);
    expect(check.ok).toBe(true);
  };

  /** A till sale recorded while the shelves are being counted: the stock leaves at average, cost of goods sold is booked. */
  const sell = async (productId: string, warehouseId: string, qty: string) => {
    await t.database.db.transaction(async (tx) => {
      const docId = newId();
      const [m] = await postMoves(tx, [{ productId, warehouseId, qty: `-${qty}`, moveType: 'sale', docType: 'sale', docId, occurredAt: t.clock.now() }]);
      const cost = -m!.value;
      await postJournalEntry(tx, {
        date: '2026-03-02', sourceType: 'sale', sourceId: docId, postedAt: t.clock.now(),
        lines: [{ accountCode: ACCOUNTS.costOfGoodsSold.code, debit: cost, credit: 0 }, { accountCode: ACCOUNTS.inventory.code, debit: 0, credit: cost }],
      });
    });
  };

  it('counts a category blind with two counters while the till sells, and approves the variances into stock and the books', async () => {
    const { wh, snacksId, inSnacks, outside } = await setup();
    const [p1, p2, p3, p4] = inSnacks;
    expect(p1!.pack_barcode).not.toBeNull();
    const warehouseId = wh['S02-WH']!;
    await stockUp(warehouseId, [
      { productId: p1!.id, qty: '20', unitCost: '50' }, // counted partly by pack barcode
      { productId: p2!.id, qty: '10', unitCost: '100' }, // sold during the count
      { productId: p3!.id, qty: '5', unitCost: '80' }, // nobody finds it
      { productId: outside.id, qty: '7', unitCost: '10' }, // another category: not in this count
    ]);
    const clerk = await t.login('clerk');
    const manager = await t.login('manager');

    const startRes = await t.call('POST', '/api/inventory/stock-takes', { token: clerk, body: { warehouseId, categoryId: snacksId, blind: true, note: 'snacks aisle' } });
    expect(startRes.status).toBe(201);
    const started = (await startRes.json()) as StockTake;
    expect(started).toMatchObject({ status: 'counting', blind: true, hidden: true, warehouseCode: 'S02-WH' });
    expect(started.number).toMatch(/^STK-\d{4}-000001$/);
    expect(started.lines.map((l) => l.sku).sort()).toEqual([p1!.sku, p2!.sku, p3!.sku].sort());
    expect(started.lines.every((l) => l.expectedQty === null && l.varianceQty === null)).toBe(true);
    const movesAtStart = (await t.database.db.select({ n: count() }).from(stockMoves))[0]!.n;
    await sleep(5);

    // Two counters at once; entries add up. One case of p1 (12) plus 9 loose.
    const [c1, c2] = await Promise.all([
      t.call('POST', `/api/inventory/stock-takes/${started.id}/counts`, { token: clerk, body: { entries: [{ barcode: p1!.pack_barcode, qty: '1' }, { productId: p2!.id, qty: '5' }] } }),
      t.call('POST', `/api/inventory/stock-takes/${started.id}/counts`, { token: manager, body: { entries: [{ productId: p1!.id, qty: '9' }, { productId: p2!.id, qty: '3' }, { productId: p4!.id, qty: '2' }] } }),
    ]);
    expect([c1.status, c2.status]).toEqual([200, 200]);
    expect(((await c1.json()) as { entries: { qty: string }[] }).entries.map((e) => e.qty)).toEqual(['12', '5']);
    // Counting moves no stock.
    expect((await t.database.db.select({ n: count() }).from(stockMoves))[0]!.n).toBe(movesAtStart);

    // The till sells 2 of p2 while the count goes on: 10 − 2 = 8 on the shelf, and 8 were counted.
    await sell(p2!.id, warehouseId, '2');
    // Another category is not part of this count.
    const outsideRes = await t.call('POST', `/api/inventory/stock-takes/${started.id}/counts`, { token: clerk, body: { entries: [{ productId: outside.id, qty: '7' }] } });
    expect(outsideRes.status).toBe(422);
    expect(((await outsideRes.json()) as ErrorBody).error.field).toBe('entries.0.productId');

    const blindView = (await (await t.call('GET', `/api/inventory/stock-takes/${started.id}`, { token: clerk })).json()) as StockTake;
    expect(blindView.hidden).toBe(true);
    expect(blindView.totals.varianceValue).toBeNull();
    expect(blindView.lines.every((l) => l.expectedQty === null && l.movesSinceStart === null && l.varianceQty === null && l.varianceValue === null)).toBe(true);
    const view = (await (await t.call('GET', `/api/inventory/stock-takes/${started.id}`, { token: manager })).json()) as StockTake;
    expect(view.hidden).toBe(false);
    const bySku = (doc: StockTake) => Object.fromEntries(doc.lines.map((l) => [l.sku, l]));
    const preview = bySku(view);
    expect(preview[p1!.sku]).toMatchObject({ expectedQty: '20', countedQty: '21', movesSinceStart: '0', varianceQty: '1', varianceValue: 50, needsReview: true, inSnapshot: true });
    expect(preview[p1!.sku]!.counters.map((c) => [c.username, c.qty]).sort()).toEqual([['clerk', '12'], ['manager', '9']]);
    expect(preview[p2!.sku]).toMatchObject({ expectedQty: '10', countedQty: '8', movesSinceStart: '-2', varianceQty: '0', varianceValue: 0 });
    expect(preview[p3!.sku]).toMatchObject({ expectedQty: '5', countedQty: null, varianceQty: '-5', varianceValue: -400 });
    expect(preview[p4!.sku]).toMatchObject({ inSnapshot: false, expectedQty: '0', countedQty: '2', varianceQty: '2' });
    const p4Value = 2 * Number(p4!.purchase_price);
    expect(view.totals).toEqual({ lines: 4, counted: 3, uncounted: 1, varianceValue: 50 - 400 + p4Value });

    // Counters may not approve.
    expect((await t.call('POST', `/api/inventory/stock-takes/${started.id}/approve`, { token: clerk })).status).toBe(403);
    const approveRes = await t.call('POST', `/api/inventory/stock-takes/${started.id}/approve`, { token: manager });
    expect(approveRes.status).toBe(200);
    const approved = (await approveRes.json()) as StockTake;
    expect(approved.status).toBe('approved');
    const after = bySku(approved);
    expect([p1, p2, p3, p4].map((p) => [after[p!.sku]!.varianceQty, after[p!.sku]!.varianceValue, after[p!.sku]!.movesSinceStart])).toEqual([
      ['1', 50, '0'], ['0', 0, '-2'], ['-5', -400, '0'], ['2', p4Value, '0'],
    ]);

    // Only the non-zero variances moved stock, as stock_take moves; the sale was not taken for a loss.
    const moves = await t.database.db
      .select({ productId: stockMoves.productId, qty: stockMoves.qty, value: stockMoves.value, batchId: stockMoves.batchId })
      .from(stockMoves)
      .where(and(eq(stockMoves.docType, 'stock_take'), eq(stockMoves.docId, started.id), eq(stockMoves.moveType, 'stock_take')));
    expect(moves.map((m) => [m.productId, Number(m.qty), m.value, m.batchId]).sort()).toEqual(
      [[p1!.id, 1, 50, NO_BATCH], [p3!.id, -5, -400, NO_BATCH], [p4!.id, 2, p4Value, NO_BATCH]].sort(),
    );
    expect(await levelQty(p1!.id, warehouseId)).toBe(21);
    expect(await levelQty(p2!.id, warehouseId)).toBe(8);
    expect(await levelQty(p3!.id, warehouseId)).toBe(0);
    expect(await levelQty(p4!.id, warehouseId)).toBe(2);
    expect(await levelQty(outside.id, warehouseId)).toBe(7);

    const net = 50 - 400 + p4Value;
    const entry = await t.database.db
      .select({ account: journalLines.accountCode, debit: journalLines.debit, credit: journalLines.credit })
      .from(journalLines)
      .innerJoin(journalEntries, eq(journalEntries.id, journalLines.entryId))
      .where(and(eq(journalEntries.sourceType, 'stock_take'), eq(journalEntries.sourceId, started.id)))
      .orderBy(asc(journalLines.lineNo));
    expect(entry).toEqual(
      net < 0
        ? [{ account: '6711', debit: -net, credit: 0 }, { account: '1405', debit: 0, credit: -net }]
        : [{ account: '1405', debit: net, credit: 0 }, { account: '6711', debit: 0, credit: net }],
    );
    await ledgerOk();
    const audit = await t.database.db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.entity, 'stock_take'), eq(auditLog.entityId, started.id)));
    expect(audit.map((a) => a.action).sort()).toEqual(['approve', 'create']);

    // Approved is final.
    const countsBefore = (await t.database.db.select({ n: count() }).from(stockTakeCounts))[0]!.n;
    for (const [path, body] of [['counts', { entries: [{ productId: p1!.id, qty: '1' }] }], ['approve', undefined], ['cancel', undefined]] as const) {
      const res = await t.call('POST', `/api/inventory/stock-takes/${started.id}/${path}`, { token: manager, body });
      expect(res.status, path).toBe(409);
    }
    expect((await t.database.db.select({ n: count() }).from(stockTakeCounts))[0]!.n).toBe(countsBefore);
    const list = (await (await t.call('GET', `/api/inventory/stock-takes?status=approved&warehouseId=${warehouseId}`, { token: clerk })).json()) as { items: { id: string }[] };
    expect(list.items.map((i) => i.id)).toEqual([started.id]);
  });

  it('refuses bad stock-takes and counts naming the field, and an empty approval, changing nothing', async () => {
    const { wh, inSnacks } = await setup();
    const clerk = await t.login('clerk');
    const manager = await t.login('manager');
    const unknown = '0190f5e8-3b2a-7c41-9d2e-5f6a7b8c9d0e';
    const warehouseId = wh['S01-WH']!;
    const takesBefore = (await t.database.db.select({ n: count() }).from(stockTakes))[0]!.n;
    const starts: [unknown, number, string][] = [
      [{ warehouseId: 'x' }, 400, 'warehouseId'],
      [{ warehouseId, blind: 'yes' }, 400, 'blind'],
      [{ warehouseId, categoryId: 'nope' }, 400, 'categoryId'],
      [{ warehouseId: wh.TRANSIT }, 422, 'warehouseId'],
      [{ warehouseId: unknown }, 422, 'warehouseId'],
      [{ warehouseId, categoryId: unknown }, 422, 'categoryId'],
    ];
    for (const [body, status, field] of starts) {
      const res = await t.call('POST', '/api/inventory/stock-takes', { token: clerk, body });
      expect(res.status, field).toBe(status);
      expect(((await res.json()) as ErrorBody).error.field).toBe(field);
    }
    expect((await t.database.db.select({ n: count() }).from(stockTakes))[0]!.n).toBe(takesBefore);

    const doc = (await (await t.call('POST', '/api/inventory/stock-takes', { token: clerk, body: { warehouseId } })).json()) as StockTake;
    expect(doc.hidden).toBe(false);
    const p = inSnacks[0]!;
    const counts: [unknown, number, string][] = [
      [{ entries: [] }, 400, 'entries'],
      [{ entries: [{ qty: '1' }] }, 400, 'entries.0.productId'],
      [{ entries: [{ productId: p.id, barcode: '123', qty: '1' }] }, 400, 'entries.0.productId'],
      [{ entries: [{ productId: p.id, qty: '1.2345' }] }, 400, 'entries.0.qty'],
      [{ entries: [{ productId: p.id, qty: '1' }, { barcode: '0000000000000', qty: '1' }] }, 422, 'entries.1.barcode'],
      [{ entries: [{ productId: unknown, qty: '1' }] }, 422, 'entries.0.productId'],
      [{ entries: [{ productId: p.id, batchId: unknown, qty: '1' }] }, 422, 'entries.0.batchId'],
    ];
    for (const [body, status, field] of counts) {
      const res = await t.call('POST', `/api/inventory/stock-takes/${doc.id}/counts`, { token: clerk, body });
      expect(res.status, field).toBe(status);
      expect(((await res.json()) as ErrorBody).error.field).toBe(field);
    }
    expect((await t.database.db.select({ n: count() }).from(stockTakeCounts).where(eq(stockTakeCounts.stockTakeId, doc.id)))[0]!.n).toBe(0);
    expect((await t.call('POST', `/api/inventory/stock-takes/${unknown}/counts`, { token: clerk, body: { entries: [{ productId: p.id, qty: '1' }] } })).status).toBe(404);

    // Approving a count nobody took would write the whole warehouse off: refused, still counting.
    const movesBefore = (await t.database.db.select({ n: count() }).from(stockMoves))[0]!.n;
    const empty = await t.call('POST', `/api/inventory/stock-takes/${doc.id}/approve`, { token: manager });
    expect(empty.status).toBe(422);
    expect(((await empty.json()) as ErrorBody).error.field).toBe('counts');
    // A count that adds up below zero must be corrected first.
    expect((await t.call('POST', `/api/inventory/stock-takes/${doc.id}/counts`, { token: clerk, body: { entries: [{ productId: p.id, qty: '-1' }] } })).status).toBe(200);
    const negative = await t.call('POST', `/api/inventory/stock-takes/${doc.id}/approve`, { token: manager });
    expect(negative.status).toBe(422);
    expect(((await negative.json()) as ErrorBody).error.field).toBe('counts');
    expect((await t.database.db.select({ s: stockTakes.status }).from(stockTakes).where(eq(stockTakes.id, doc.id)))[0]!.s).toBe('counting');
    expect((await t.database.db.select({ n: count() }).from(stockMoves))[0]!.n).toBe(movesBefore);

    const cancelled = await t.call('POST', `/api/inventory/stock-takes/${doc.id}/cancel`, { token: clerk });
    expect(cancelled.status).toBe(200);
    expect(((await cancelled.json()) as StockTake).status).toBe('cancelled');
    for (const [path, body] of [['counts', { entries: [{ productId: p.id, qty: '1' }] }], ['approve', undefined], ['cancel', undefined]] as const) {
      const res = await t.call('POST', `/api/inventory/stock-takes/${doc.id}/${path}`, { token: manager, body });
      expect(res.status, path).toBe(409);
    }
    expect((await t.database.db.select({ n: count() }).from(stockMoves))[0]!.n).toBe(movesBefore);
    await ledgerOk();
  });

  it('counts one location: only what is kept there is frozen, counted and adjusted', async () => {
    const { wh, inSnacks } = await setup();
    const [a, b] = inSnacks.slice(-2);
    const warehouseId = wh['CENTRAL']!;
    await stockUp(warehouseId, [{ productId: a!.id, qty: '12', unitCost: '40' }, { productId: b!.id, qty: '9', unitCost: '40' }]);
    const manager = await t.login('manager');
    const rules = await t.call('PUT', '/api/inventory/rules', {
      token: manager,
      body: { rules: [
        { productId: a!.id, warehouseId, reorderPoint: '0', minQty: '0', maxQty: '0', location: 'a-03-2' },
        { productId: b!.id, warehouseId, reorderPoint: '0', minQty: '0', maxQty: '0', location: 'B-01' },
      ] },
    });
    expect(rules.status).toBe(200);
    // Setting a reorder point later without a location keeps the one on record.
    await t.call('PUT', '/api/inventory/rules', { token: manager, body: { rules: [{ productId: a!.id, warehouseId, reorderPoint: '2', minQty: '0', maxQty: '0' }] } });

    const clerk = await t.login('clerk');
    const started = await t.call('POST', '/api/inventory/stock-takes', { token: clerk, body: { warehouseId, location: 'A-03' } });
    expect(started.status).toBe(201);
    const take = (await started.json()) as StockTake;
    expect(take.location).toBe('A-03');
    expect(take.lines.map((l) => l.productId)).toEqual([a!.id]);
    const elsewhere = await t.call('POST', `/api/inventory/stock-takes/${take.id}/counts`, { token: clerk, body: { entries: [{ productId: b!.id, qty: '9' }] } });
    expect(elsewhere.status).toBe(422);
    expect(((await elsewhere.json()) as ErrorBody).error.field).toBe('entries.0.productId');
    expect((await t.call('POST', `/api/inventory/stock-takes/${take.id}/counts`, { token: clerk, body: { entries: [{ productId: a!.id, qty: '11' }] } })).status).toBe(200);
    expect((await t.call('POST', `/api/inventory/stock-takes/${take.id}/approve`, { token: manager })).status).toBe(200);
    expect(await levelQty(a!.id, warehouseId)).toBe(11);
    expect(await levelQty(b!.id, warehouseId)).toBe(9);
    const bad = await t.call('POST', '/api/inventory/stock-takes', { token: clerk, body: { warehouseId, location: 'A 03' } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as ErrorBody).error.field).toBe('location');
    await ledgerOk();
  });
});
