import { expect, it } from 'vitest';
import { and, asc, count, eq, sql } from 'drizzle-orm';
import { newId, type Transfer } from '@shopbook/shared';
import { describeEachDriver } from '../../../test/databases.ts';
import { useApp } from '../../../test/harness.ts';
import { rows } from '../../db/rows.ts';
import { auditLog, batches, journalEntries, journalLines, NO_BATCH, products, stockMoves, transfers, warehouses } from '../../db/schema/index.ts';

type Check = { ok: boolean; journalInventory: number; stockValue: number; levelDifferences: unknown[] };
type ErrorBody = { error: { code: string; field?: string } };

describeEachDriver('transfers through the transit warehouse', (driver) => {
  const t = useApp(driver);

  const setup = async () => {
    const db = t.database.db;
    const wh = Object.fromEntries((await db.select().from(warehouses)).map((w) => [w.code, w.id])) as Record<string, string>;
    const plain = await db.select().from(products).where(eq(products.batchTracked, false)).orderBy(asc(products.sku)).limit(6);
    const [milk] = await db.select().from(products).where(eq(products.batchTracked, true)).orderBy(asc(products.sku)).limit(1);
    return { wh, plain, milk: milk! };
  };

  /** Stock comes in as a posted found adjustment, so the journal holds its value. */
  const stockUp = async (warehouseId: string, lines: { productId: string; batchId?: string; qty: string; unitCost: string }[]) => {
    const draft = await t.call('POST', '/api/inventory/adjustments', { token: await t.login('clerk'), body: { warehouseId, reason: 'found', lines } });
    expect(draft.status).toBe(201);
    const { id } = (await draft.json()) as { id: string };
    expect((await t.call('POST', `/api/inventory/adjustments/${id}/post`, { token: await t.login('manager') })).status).toBe(200);
  };

  const level = async (productId: string, warehouseId: string, batchId: string = NO_BATCH) => {
    const [row] = await rows<{ qty: string; value: string | number }>(
      t.database.db,
      sql`SELECT qty::text AS qty, value FROM stock_levels WHERE product_id = ${productId} AND warehouse_id = ${warehouseId} AND batch_id = ${batchId}`,
    );
    return { qty: Number(row?.qty ?? 0), value: Number(row?.value ?? 0) };
  };
  const moveCount = async () => (await t.database.db.select({ n: count() }).from(stockMoves))[0]!.n;
  const ledgerOk = async () => {
    const check = (await (await t.call('GET', '/api/inventory/ledger-check', { token: await t.login('owner') })).json()) as Check;
    expect(check.levelDifferences).toEqual([]);
    expect(check.journalInventory).toBe(check.stockValue);
    expect(check.ok).toBe(true);
  };

  it('ships into transit and receives with a shortfall and an overage: levels, discrepancies, journal, audit', async () => {
    const { wh, plain } = await setup();
    const [a, b] = [plain[0]!, plain[1]!];
    await stockUp(wh.CENTRAL!, [{ productId: a.id, qty: '10', unitCost: '200' }, { productId: b.id, qty: '5', unitCost: '100' }]);
    const clerk = await t.login('clerk');

    const draftRes = await t.call('POST', '/api/inventory/transfers', {
      token: clerk,
      body: { fromWarehouseId: wh.CENTRAL, toWarehouseId: wh['S01-WH'], note: 'weekly top-up', lines: [{ productId: a.id, qty: '6' }, { productId: b.id, qty: '5' }] },
    });
    expect(draftRes.status).toBe(201);
    const draft = (await draftRes.json()) as Transfer;
    expect(draft).toMatchObject({ status: 'draft', fromWarehouseCode: 'CENTRAL', toWarehouseCode: 'S01-WH', hasDiscrepancy: false });
    expect(draft.number).toMatch(/^TRF-\d{4}-000001$/);
    expect(draft.lines.map((l) => [l.qty, l.qtyShipped, l.qtyReceived])).toEqual([['6', null, null], ['5', null, null]]);
    const movesBefore = await moveCount();

    const list = (await (await t.call('GET', `/api/inventory/transfers?status=draft&warehouseId=${wh['S01-WH']}`, { token: clerk })).json()) as { items: { id: string; lineCount: number }[] };
    expect(list.items.map((i) => [i.id, i.lineCount])).toEqual([[draft.id, 2]]);

    const shipRes = await t.call('POST', `/api/inventory/transfers/${draft.id}/ship`, { token: clerk });
    expect(shipRes.status).toBe(200);
    const shipped = (await shipRes.json()) as Transfer;
    expect(shipped.status).toBe('shipped');
    expect(shipped.lines.map((l) => [l.qtyShipped, l.shippedBatches.map((s) => [s.batchId, s.qty, Number(s.unitCost)])])).toEqual([
      ['6', [[null, '6', 200]]],
      ['5', [[null, '5', 100]]],
    ]);
    expect(await moveCount()).toBe(movesBefore + 4);
    expect(await level(a.id, wh.CENTRAL!)).toEqual({ qty: 4, value: 800 });
    expect(await level(a.id, wh.TRANSIT!)).toEqual({ qty: 6, value: 1200 });
    expect(await level(a.id, wh['S01-WH']!)).toEqual({ qty: 0, value: 0 });
    // Inventory to inventory: no journal entry for the shipment.
    expect((await t.database.db.select({ n: count() }).from(journalEntries).where(eq(journalEntries.sourceId, draft.id)))[0]!.n).toBe(0);
    await ledgerOk();
    expect((await t.call('POST', `/api/inventory/transfers/${draft.id}/ship`, { token: clerk })).status).toBe(409);
    expect((await t.call('POST', `/api/inventory/transfers/${draft.id}/cancel`, { token: clerk })).status).toBe(409);

    // One of A went missing on the way; one B too many arrived.
    const [lineA, lineB] = shipped.lines;
    const receiveRes = await t.call('POST', `/api/inventory/transfers/${draft.id}/receive`, {
      token: clerk,
      body: { lines: [{ lineId: lineB!.id, qtyReceived: '6' }, { lineId: lineA!.id, qtyReceived: '5' }] },
    });
    expect(receiveRes.status).toBe(200);
    const received = (await receiveRes.json()) as Transfer;
    expect(received.status).toBe('received');
    expect(received.hasDiscrepancy).toBe(true);
    expect(received.lines.map((l) => [l.qtyShipped, l.qtyReceived, l.discrepancy, l.discrepancyValue])).toEqual([
      ['6', '5', '-1', -200],
      ['5', '6', '1', 100],
    ]);
    expect(await level(a.id, wh.TRANSIT!)).toEqual({ qty: 0, value: 0 });
    expect(await level(b.id, wh.TRANSIT!)).toEqual({ qty: 0, value: 0 });
    expect(await level(a.id, wh['S01-WH']!)).toEqual({ qty: 5, value: 1000 });
    expect(await level(b.id, wh['S01-WH']!)).toEqual({ qty: 6, value: 600 });
    expect(await level(a.id, wh.CENTRAL!)).toEqual({ qty: 4, value: 800 });

    // The loss and the find are booked against inventory adjustments.
    const entry = await t.database.db
      .select({ account: journalLines.accountCode, debit: journalLines.debit, credit: journalLines.credit })
      .from(journalLines)
      .innerJoin(journalEntries, eq(journalEntries.id, journalLines.entryId))
      .where(and(eq(journalEntries.sourceType, 'transfer'), eq(journalEntries.sourceId, draft.id)))
      .orderBy(asc(journalLines.lineNo));
    expect(entry).toEqual([
      { account: '6711', debit: 200, credit: 0 },
      { account: '1405', debit: 0, credit: 200 },
      { account: '1405', debit: 100, credit: 0 },
      { account: '6711', debit: 0, credit: 100 },
    ]);
    await ledgerOk();

    const again = (await (await t.call('GET', `/api/inventory/transfers/${draft.id}`, { token: await t.login('accountant') })).json()) as Transfer;
    expect(again.lines.map((l) => l.discrepancy)).toEqual(['-1', '1']);
    const audit = await t.database.db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.entity, 'transfer'), eq(auditLog.entityId, draft.id))).orderBy(asc(auditLog.at), asc(auditLog.id));
    expect(audit.map((r) => r.action).sort()).toEqual(['create', 'receive', 'ship']);
    expect((await t.call('POST', `/api/inventory/transfers/${draft.id}/receive`, { token: clerk, body: { lines: [{ lineId: lineA!.id, qtyReceived: '6' }, { lineId: lineB!.id, qtyReceived: '5' }] } })).status).toBe(409);
  });

  it('ships a batch-tracked product first expiry first out and receives a shortfall from the latest-expiring batch', async () => {
    const { wh, milk } = await setup();
    const db = t.database.db;
    const now = t.clock.now();
    const [late, early, open] = [newId(), newId(), newId()];
    await db.insert(batches).values([
      { id: late, productId: milk.id, batchNo: 'T-LATE', expiryDate: '2026-04-01', createdAt: now },
      { id: early, productId: milk.id, batchNo: 'T-EARLY', expiryDate: '2026-03-15', createdAt: now },
      { id: open, productId: milk.id, batchNo: 'T-NOEXP', expiryDate: null, createdAt: now },
    ]);
    await stockUp(wh.CENTRAL!, [
      { productId: milk.id, batchId: late, qty: '4', unitCost: '300' },
      { productId: milk.id, batchId: early, qty: '3', unitCost: '310' },
      { productId: milk.id, batchId: open, qty: '10', unitCost: '320' },
    ]);
    const clerk = await t.login('clerk');
    const draft = (await (await t.call('POST', '/api/inventory/transfers', {
      token: clerk, body: { fromWarehouseId: wh.CENTRAL, toWarehouseId: wh['S02-WH'], lines: [{ productId: milk.id, qty: '5' }] },
    })).json()) as Transfer;
    const shipped = (await (await t.call('POST', `/api/inventory/transfers/${draft.id}/ship`, { token: clerk })).json()) as Transfer;
    expect(shipped.lines[0]!.shippedBatches.map((s) => [s.batchNo, s.qty, Number(s.unitCost)])).toEqual([['T-EARLY', '3', 310], ['T-LATE', '2', 300]]);
    expect((await level(milk.id, wh.CENTRAL!, early)).qty).toBe(0);
    expect((await level(milk.id, wh.CENTRAL!, late)).qty).toBe(2);
    expect((await level(milk.id, wh.CENTRAL!, open)).qty).toBe(10);
    expect(await level(milk.id, wh.TRANSIT!, early)).toEqual({ qty: 3, value: 930 });
    expect(await level(milk.id, wh.TRANSIT!, late)).toEqual({ qty: 2, value: 600 });

    const received = (await (await t.call('POST', `/api/inventory/transfers/${draft.id}/receive`, {
      token: clerk, body: { lines: [{ lineId: shipped.lines[0]!.id, qtyReceived: '4' }] },
    })).json()) as Transfer;
    expect(received.lines[0]).toMatchObject({ qtyShipped: '5', qtyReceived: '4', discrepancy: '-1', discrepancyValue: -300 });
    // The one short is the latest-expiring batch's; the batches keep their ids.
    expect(await level(milk.id, wh['S02-WH']!, early)).toEqual({ qty: 3, value: 930 });
    expect(await level(milk.id, wh['S02-WH']!, late)).toEqual({ qty: 1, value: 300 });
    expect((await level(milk.id, wh.TRANSIT!, late)).qty).toBe(0);

    // A named batch goes from that batch only.
    const named = (await (await t.call('POST', '/api/inventory/transfers', {
      token: clerk, body: { fromWarehouseId: wh.CENTRAL, toWarehouseId: wh['S02-WH'], lines: [{ productId: milk.id, batchId: open, qty: '2' }] },
    })).json()) as Transfer;
    const namedShipped = (await (await t.call('POST', `/api/inventory/transfers/${named.id}/ship`, { token: clerk })).json()) as Transfer;
    expect(namedShipped.lines[0]!.shippedBatches.map((s) => [s.batchNo, s.qty])).toEqual([['T-NOEXP', '2']]);
    expect((await level(milk.id, wh.CENTRAL!, late)).qty).toBe(2);
    await ledgerOk();
  });

  it('lets exactly one of two concurrent shipments take the last units where negative stock is forbidden', async () => {
    const { wh, plain } = await setup();
    const c = plain[2]!;
    const from = wh['S01-WH']!;
    await stockUp(from, [{ productId: c.id, qty: '5', unitCost: '100' }]);
    await t.database.db.update(warehouses).set({ allowNegativeStock: false }).where(eq(warehouses.id, from));
    try {
      const clerk = await t.login('clerk');
      const drafts = await Promise.all(
        [1, 2].map(async () =>
          ((await (await t.call('POST', '/api/inventory/transfers', {
            token: clerk, body: { fromWarehouseId: from, toWarehouseId: wh['S02-WH'], lines: [{ productId: c.id, qty: '3' }] },
          })).json()) as Transfer).id,
        ),
      );
      const before = await moveCount();
      const results = await Promise.all(drafts.map((id) => t.call('POST', `/api/inventory/transfers/${id}/ship`, { token: clerk })));
      expect(results.map((r) => r.status).sort()).toEqual([200, 422]);
      const refused = results.find((r) => r.status === 422)!;
      expect(((await refused.json()) as ErrorBody).error.field).toBe('lines.0.qty');
      const loserId = drafts[results.indexOf(refused)]!;
      expect((await t.database.db.select({ s: transfers.status }).from(transfers).where(eq(transfers.id, loserId)))[0]!.s).toBe('draft');
      expect((await t.database.db.select({ n: count() }).from(stockMoves).where(eq(stockMoves.docId, loserId)))[0]!.n).toBe(0);
      expect(await moveCount()).toBe(before + 2);
      expect((await level(c.id, from)).qty).toBe(2);
      expect((await level(c.id, wh.TRANSIT!)).qty).toBe(3);
    } finally {
      await t.database.db.update(warehouses).set({ allowNegativeStock: true }).where(eq(warehouses.id, from));
    }
    await ledgerOk();
  });

  it('refuses bad drafts and receipts naming the field, and steps out of order with 409, changing nothing', async () => {
    const { wh, plain, milk } = await setup();
    const d = plain[3]!;
    const clerk = await t.login('clerk');
    const unknown = '0190f5e8-3b2a-7c41-9d2e-5f6a7b8c9d0e';
    const from = wh.CENTRAL!;
    const to = wh['S02-WH']!;
    const transfersBefore = (await t.database.db.select({ n: count() }).from(transfers))[0]!.n;
    const cases: [unknown, number, string][] = [
      [{ fromWarehouseId: from, toWarehouseId: from, lines: [{ productId: d.id, qty: '1' }] }, 400, 'toWarehouseId'],
      [{ fromWarehouseId: 'x', toWarehouseId: to, lines: [{ productId: d.id, qty: '1' }] }, 400, 'fromWarehouseId'],
      [{ fromWarehouseId: from, toWarehouseId: to, lines: [] }, 400, 'lines'],
      [{ fromWarehouseId: from, toWarehouseId: to, lines: [{ productId: d.id, qty: '0' }] }, 400, 'lines.0.qty'],
      [{ fromWarehouseId: from, toWarehouseId: to, lines: [{ productId: d.id, qty: '-2' }] }, 400, 'lines.0.qty'],
      [{ fromWarehouseId: from, toWarehouseId: to, lines: [{ productId: d.id, qty: '1.2345' }] }, 400, 'lines.0.qty'],
      [{ fromWarehouseId: from, toWarehouseId: to, lines: [{ productId: d.id, qty: '1' }, { productId: d.id, qty: '2' }] }, 400, 'lines.1.batchId'],
      [{ fromWarehouseId: from, toWarehouseId: wh.TRANSIT, lines: [{ productId: d.id, qty: '1' }] }, 422, 'toWarehouseId'],
      [{ fromWarehouseId: wh.TRANSIT, toWarehouseId: to, lines: [{ productId: d.id, qty: '1' }] }, 422, 'fromWarehouseId'],
      [{ fromWarehouseId: unknown, toWarehouseId: to, lines: [{ productId: d.id, qty: '1' }] }, 422, 'fromWarehouseId'],
      [{ fromWarehouseId: from, toWarehouseId: to, lines: [{ productId: unknown, qty: '1' }] }, 422, 'lines.0.productId'],
      [{ fromWarehouseId: from, toWarehouseId: to, lines: [{ productId: milk.id, batchId: unknown, qty: '1' }] }, 422, 'lines.0.batchId'],
    ];
    for (const [body, status, field] of cases) {
      const res = await t.call('POST', '/api/inventory/transfers', { token: clerk, body });
      expect(res.status, field).toBe(status);
      expect(((await res.json()) as ErrorBody).error.field, JSON.stringify(body)).toBe(field);
    }
    expect((await t.database.db.select({ n: count() }).from(transfers))[0]!.n).toBe(transfersBefore);

    await stockUp(from, [{ productId: d.id, qty: '4', unitCost: '50' }]);
    const draft = (await (await t.call('POST', '/api/inventory/transfers', {
      token: clerk, body: { fromWarehouseId: from, toWarehouseId: to, lines: [{ productId: d.id, qty: '2' }, { productId: milk.id, qty: '1' }] },
    })).json()) as Transfer;
    const [l1, l2] = draft.lines;
    const before = await moveCount();
    // Receiving a draft is out of order.
    const early = await t.call('POST', `/api/inventory/transfers/${draft.id}/receive`, { token: clerk, body: { lines: [{ lineId: l1!.id, qtyReceived: '2' }, { lineId: l2!.id, qtyReceived: '1' }] } });
    expect(early.status).toBe(409);
    expect((await t.call('POST', `/api/inventory/transfers/${unknown}/ship`, { token: clerk })).status).toBe(404);
    expect((await t.call('POST', `/api/inventory/transfers/${draft.id}/ship`, { token: clerk })).status).toBe(200);
    const shippedMoves = await moveCount();
    expect(shippedMoves).toBeGreaterThan(before);

    const badReceipts: [unknown, number, string][] = [
      [{ lines: [{ lineId: l1!.id, qtyReceived: '2' }] }, 422, 'lines'],
      [{ lines: [{ lineId: unknown, qtyReceived: '2' }, { lineId: l2!.id, qtyReceived: '1' }] }, 422, 'lines.0.lineId'],
      [{ lines: [{ lineId: l1!.id, qtyReceived: '-1' }, { lineId: l2!.id, qtyReceived: '1' }] }, 400, 'lines.0.qtyReceived'],
      [{ lines: [{ lineId: l1!.id, qtyReceived: '2' }, { lineId: l1!.id, qtyReceived: '1' }] }, 400, 'lines.1.lineId'],
      [{ lines: [] }, 400, 'lines'],
    ];
    for (const [body, status, field] of badReceipts) {
      const res = await t.call('POST', `/api/inventory/transfers/${draft.id}/receive`, { token: clerk, body });
      expect(res.status, field).toBe(status);
      expect(((await res.json()) as ErrorBody).error.field).toBe(field);
    }
    const still = (await (await t.call('GET', `/api/inventory/transfers/${draft.id}`, { token: clerk })).json()) as Transfer;
    expect(still.status).toBe('shipped');
    expect(still.lines.map((l) => l.qtyReceived)).toEqual([null, null]);
    expect(await moveCount()).toBe(shippedMoves);
    // Nothing received is allowed: the whole shipment was lost.
    const lost = (await (await t.call('POST', `/api/inventory/transfers/${draft.id}/receive`, {
      token: clerk, body: { lines: [{ lineId: l1!.id, qtyReceived: '0' }, { lineId: l2!.id, qtyReceived: '1' }] },
    })).json()) as Transfer;
    expect(lost.lines.map((l) => l.discrepancy)).toEqual(['-2', '0']);

    // Cancel only from draft.
    const other = (await (await t.call('POST', '/api/inventory/transfers', {
      token: clerk, body: { fromWarehouseId: from, toWarehouseId: to, lines: [{ productId: d.id, qty: '1' }] },
    })).json()) as Transfer;
    const cancelled = await t.call('POST', `/api/inventory/transfers/${other.id}/cancel`, { token: clerk });
    expect(cancelled.status).toBe(200);
    expect(((await cancelled.json()) as Transfer).status).toBe('cancelled');
    const afterCancel = await moveCount();
    for (const step of ['ship', 'cancel']) {
      const res = await t.call('POST', `/api/inventory/transfers/${other.id}/${step}`, { token: clerk });
      expect(res.status, step).toBe(409);
      expect(((await res.json()) as ErrorBody).error.code).toBe('conflict');
    }
    expect(await moveCount()).toBe(afterCancel);
    expect((await t.call('POST', `/api/inventory/transfers/${other.id}/ship`, { token: await t.login('accountant') })).status).toBe(403);
    await ledgerOk();
  });
});
