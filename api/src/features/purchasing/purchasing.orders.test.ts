import { expect, it } from 'vitest';
import { and, asc, count, eq, like } from 'drizzle-orm';
import type { ApprovalLimit, PurchaseOrder, PurchaseReceipt, PurchaseReturn, Supplier } from '@shopbook/shared';
import { describeEachDriver } from '../../../test/databases.ts';
import { useApp } from '../../../test/harness.ts';
import { auditLog, products, purchaseOrderLines, stockMoves, suppliers, warehouses } from '../../db/schema/index.ts';
import { body, helpers, type ErrorBody } from './test-support.ts';

/**
 * Purchase orders: who may approve, every step from the statuses it starts from and
 * nowhere else, foreign currency, the over-receipt tolerance, and steps taken twice at
 * once taking effect once.
 */
describeEachDriver('purchasing: approval, order states, currency, tolerance, concurrency', (driver) => {
  const t = useApp(driver);
  const h = helpers(t);

  const setup = async () => {
    const db = t.database.db;
    const wh = Object.fromEntries((await db.select().from(warehouses)).map((w) => [w.code, w.id])) as Record<string, string>;
    const chips = await db.select().from(products).where(like(products.sku, 'SNK-CHIPS-%')).orderBy(asc(products.sku)).limit(4);
    const [snk] = await db.select().from(suppliers).where(eq(suppliers.code, 'SUP-SNK'));
    const tokens = {
      owner: await t.login('owner'), manager: await t.login('manager'), purchaser: await t.login('purchaser'), clerk: await t.login('clerk'),
      accountant: await t.login('accountant'),
    };
    // A case of 10 at 200.00, and single packs at 5.00; 13 % VAT.
    for (const [p, b] of [[chips[0]!, { packSize: '10', price: 20_000 }], [chips[1]!, { packSize: '1', price: 500 }]] as const) {
      expect((await t.call('PUT', `/api/suppliers/${snk!.id}/products/${p.id}`, { token: tokens.purchaser, body: b })).status).toBe(200);
    }
    return { wh, P1: chips[0]!, P2: chips[1]!, P3: chips[2]!, P4: chips[3]!, supplierId: snk!.id, tokens };
  };

  type Setup = Awaited<ReturnType<typeof setup>>;
  const draft = async (s: Setup, token: string, lines: object[], extra: object = {}) => {
    const res = await t.call('POST', '/api/purchasing/orders', { token, body: { supplierId: s.supplierId, warehouseId: s.wh['S02-WH'], lines, ...extra } });
    expect(res.status, await res.clone().text()).toBe(201);
    return (await res.json()) as PurchaseOrder;
  };
  const step = (id: string, name: string, token: string, b?: object) => t.call('POST', `/api/purchasing/orders/${id}/${name}`, { token, body: b });
  const errorOf = async (res: Response) => ((await res.json()) as ErrorBody).error;

  it('never lets the creator approve their own order, and needs an approver whose limit covers the total', async () => {
    const s = await setup();
    const { owner, manager, purchaser, clerk, accountant } = s.tokens;
    const defaults = await body<{ items: ApprovalLimit[] }>(t.call('GET', '/api/purchasing/approval-limits', { token: purchaser }));
    expect(defaults.items).toEqual([{ role: 'manager', maxAmount: null }, { role: 'owner', maxAmount: null }, { role: 'purchaser', maxAmount: 500_000 }]);
    expect((await t.call('PUT', '/api/purchasing/approval-limits', { token: purchaser, body: { limits: [{ role: 'purchaser', maxAmount: null }] } })).status).toBe(403);
    const set = await t.call('PUT', '/api/purchasing/approval-limits', { token: owner, body: { limits: [{ role: 'manager', maxAmount: 2_000_000 }] } });
    expect(set.status).toBe(200);
    expect(((await set.json()) as { items: ApprovalLimit[] }).items).toContainEqual({ role: 'manager', maxAmount: 2_000_000 });
    try {
      // The manager's own order of 27,120.00 is above the manager's 20,000.00: it waits, and not for the manager.
      const own = await draft(s, manager, [{ productId: s.P1.id, qty: '120' }]);
      expect(own.baseTotals.gross).toBe(2_712_000);
      expect((await body<PurchaseOrder>(step(own.id, 'submit', manager))).status).toBe('submitted');
      const refused = await step(own.id, 'approve', manager);
      expect(refused.status).toBe(403);
      expect((await errorOf(refused)).message).toMatch(/creator/);
      expect((await step(own.id, 'reject', manager, { reason: 'changed my mind' })).status).toBe(403);
      expect((await body<PurchaseOrder>(step(own.id, 'approve', owner))).approvedBy).toMatchObject({ username: 'owner' });

      // The purchaser's 33,900.00 order: beyond the manager's limit, and purchasers, clerks and accountants approve nothing.
      const big = await draft(s, purchaser, [{ productId: s.P1.id, qty: '150' }]);
      await step(big.id, 'submit', purchaser);
      const before = await h.footprint();
      const over = await step(big.id, 'approve', manager);
      expect(over.status).toBe(403);
      expect((await errorOf(over)).message).toMatch(/above your approval limit/);
      for (const token of [purchaser, clerk, accountant]) expect((await step(big.id, 'approve', token)).status).toBe(403);
      expect(await h.footprint()).toEqual(before);
      expect((await body<PurchaseOrder>(t.call('GET', `/api/purchasing/orders/${big.id}`, { token: purchaser }))).status).toBe('submitted');
      // Rejecting is the safe side: an approver below the amount may still reject it.
      const rejected = await body<PurchaseOrder>(step(big.id, 'reject', manager, { reason: 'split it over two months' }));
      expect(rejected).toMatchObject({ status: 'rejected', rejectedBy: { username: 'manager' }, approvedBy: null });
      expect(await h.auditActions('purchase_order', big.id)).toEqual(['create', 'submit', 'reject']);

      // Within the purchaser's own 5,000.00 the order is approved on submit.
      const small = await draft(s, purchaser, [{ productId: s.P1.id, qty: '22' }]); // 4,400.00 + 572.00 tax = 4,972.00
      expect(small.baseTotals.gross).toBe(497_200);
      expect(await body<PurchaseOrder>(step(small.id, 'submit', purchaser))).toMatchObject({ status: 'approved', approvalMode: 'self', approvedBy: { username: 'purchaser' } });
      const limit = await draft(s, purchaser, [{ productId: s.P1.id, qty: '23' }]); // 5,198.00
      expect((await body<PurchaseOrder>(step(limit.id, 'submit', purchaser))).status).toBe('submitted');

      // Without a limit a purchaser's every order waits for an approver.
      const removed = await body<{ items: ApprovalLimit[] }>(t.call('PUT', '/api/purchasing/approval-limits', { token: owner, body: { remove: ['purchaser'] } }));
      expect(removed.items.map((l) => l.role)).toEqual(['manager', 'owner']);
      const tiny = await draft(s, purchaser, [{ productId: s.P1.id, qty: '1' }]);
      expect((await body<PurchaseOrder>(step(tiny.id, 'submit', purchaser))).status).toBe('submitted');
    } finally {
      await t.call('PUT', '/api/purchasing/approval-limits', {
        token: owner, body: { limits: [{ role: 'manager', maxAmount: null }, { role: 'purchaser', maxAmount: 500_000 }] },
      });
    }
  });

  it('rejects with a reason, reopens for editing, and answers 409 to every step out of order, changing nothing', async () => {
    const s = await setup();
    const { manager, purchaser, clerk } = s.tokens;
    const order = await draft(s, purchaser, [{ productId: s.P1.id, qty: '40', expectedDate: '2026-03-10' }], { reference: 'Q-77' });
    await step(order.id, 'submit', purchaser);
    const before = await h.footprint();
    const outOfOrder: [string, string, object | undefined][] = [
      ['send', purchaser, undefined], ['close', purchaser, {}], ['submit', purchaser, undefined],
    ];
    for (const [name, token, b] of outOfOrder) {
      const res = await step(order.id, name, token, b);
      expect(res.status, name).toBe(409);
      expect((await errorOf(res)).code).toBe('conflict');
    }
    const edit = await t.call('PUT', `/api/purchasing/orders/${order.id}`, { token: purchaser, body: { supplierId: s.supplierId, warehouseId: s.wh['S02-WH'], lines: [{ productId: s.P1.id, qty: '1' }] } });
    expect(edit.status).toBe(409);
    const noReason = await step(order.id, 'reject', manager, {});
    expect(noReason.status).toBe(400);
    expect((await errorOf(noReason)).field).toBe('reason');
    expect(await h.footprint()).toEqual(before);

    const rejected = await body<PurchaseOrder>(step(order.id, 'reject', manager, { reason: 'price too high, ask for 190.00' }));
    expect(rejected).toMatchObject({ status: 'rejected', rejectReason: 'price too high, ask for 190.00', rejectedBy: { username: 'manager' } });
    expect((await step(order.id, 'approve', manager)).status).toBe(409);
    expect((await body<PurchaseOrder>(step(order.id, 'reopen', purchaser))).status).toBe('draft');
    const edited = await t.call('PUT', `/api/purchasing/orders/${order.id}`, {
      token: purchaser, body: { supplierId: s.supplierId, warehouseId: s.wh['S02-WH'], reference: 'Q-77b', lines: [{ productId: s.P1.id, qty: '20', price: 19_000 }] },
    });
    expect(edited.status).toBe(200);
    expect(((await edited.json()) as PurchaseOrder).totals).toEqual({ net: 380_000, tax: 49_400, gross: 429_400 });
    const resubmitted = await body<PurchaseOrder>(step(order.id, 'submit', purchaser));
    expect(resubmitted).toMatchObject({ status: 'approved', approvalMode: 'self', rejectReason: null, reference: 'Q-77b' });

    const approvedFootprint = await h.footprint();
    for (const name of ['approve', 'submit', 'reopen']) expect((await step(order.id, name, manager)).status, name).toBe(409);
    expect((await step(order.id, 'reject', manager, { reason: 'x' })).status).toBe(409);
    // Not sent yet: nothing can be received.
    const early = await t.call('POST', '/api/purchasing/receipts', { token: clerk, body: { orderId: order.id, warehouseId: s.wh['S02-WH'], lines: [{ orderLineId: resubmitted.lines[0]!.id, qtyReceived: '1' }] } });
    expect(early.status).toBe(409);
    expect((await errorOf(early)).field).toBe('orderId');
    expect(await h.footprint()).toEqual(approvedFootprint);

    const noCancelReason = await step(order.id, 'cancel', purchaser, { reason: '  ' });
    expect(noCancelReason.status).toBe(400);
    const cancelled = await body<PurchaseOrder>(step(order.id, 'cancel', purchaser, { reason: 'found a cheaper supplier' }));
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'found a cheaper supplier' });
    const cancelledFootprint = await h.footprint();
    for (const name of ['send', 'submit', 'approve', 'reopen']) expect((await step(order.id, name, manager)).status, name).toBe(409);
    for (const name of ['cancel', 'close']) expect((await step(order.id, name, manager, { reason: 'again' })).status, name).toBe(409);
    const receipt = await t.call('POST', '/api/purchasing/receipts', { token: clerk, body: { orderId: order.id, warehouseId: s.wh['S02-WH'], lines: [{ orderLineId: resubmitted.lines[0]!.id, qtyReceived: '1' }] } });
    expect(receipt.status).toBe(409);
    expect(await h.footprint()).toEqual(cancelledFootprint);
    expect(await h.auditActions('purchase_order', order.id)).toEqual(['create', 'submit', 'reject', 'reopen', 'update', 'submit', 'cancel']);
  });

  it('keeps a foreign-currency order at its rate: base amounts per line and the stock cost per unit converted', async () => {
    const s = await setup();
    const { purchaser, clerk } = s.tokens;
    const created = await t.call('POST', '/api/suppliers', {
      token: purchaser, body: { code: 'SUP-US', name: 'Pacific Snacks Inc.', currency: 'USD', leadTimeDays: 21, paymentTermsDays: 60 },
    });
    expect(created.status).toBe(201);
    const us = (await created.json()) as Supplier;
    expect((await t.call('PUT', `/api/suppliers/${us.id}/products/${s.P3.id}`, { token: purchaser, body: { itemCode: 'PS-7', packSize: '7', price: 1000 } })).status).toBe(200);
    const base = { supplierId: us.id, warehouseId: s.wh['S02-WH'], lines: [{ productId: s.P3.id, qty: '3', taxRateBp: 900 }] };
    const cases: [object, number, string][] = [
      [base, 422, 'exchangeRate'],
      [{ ...base, exchangeRate: '7.1234567' }, 400, 'exchangeRate'],
      [{ ...base, exchangeRate: '0' }, 400, 'exchangeRate'],
      [{ ...base, exchangeRate: '7.1', currency: 'CNY' }, 422, 'currency'],
      [{ ...base, supplierId: s.supplierId, exchangeRate: '2' }, 422, 'exchangeRate'],
    ];
    const before = await h.footprint();
    for (const [b, status, field] of cases) {
      const res = await t.call('POST', '/api/purchasing/orders', { token: purchaser, body: b });
      expect(res.status, field).toBe(status);
      expect((await errorOf(res)).field).toBe(field);
    }
    expect(await h.footprint()).toEqual(before);

    const order = await draft(s, purchaser, base.lines, { supplierId: us.id, exchangeRate: '7.123456' });
    expect(order).toMatchObject({ currency: 'USD', baseCurrency: 'CNY', exchangeRate: '7.123456' });
    // 3 cases at 10.00 USD = 30.00 USD, 9 % = 2.70 USD; in CNY 213.70 and 19.23; a piece 10.00 / 7 × 7.123456 = 10.176366 CNY.
    expect(order.lines[0]).toMatchObject({ stockQty: '21', net: 3000, tax: 270, gross: 3270, baseNet: 21_370, baseTax: 1923, unitCost: '1017.6366' });
    expect(order.totals).toEqual({ net: 3000, tax: 270, gross: 3270 });
    expect(order.baseTotals).toEqual({ net: 21_370, tax: 1923, gross: 23_293 });
    expect((await body<PurchaseOrder>(step(order.id, 'submit', purchaser))).status).toBe('approved');
    await step(order.id, 'send', purchaser);
    const receipt = await body<PurchaseReceipt>(t.call('POST', '/api/purchasing/receipts', {
      token: clerk, body: { orderId: order.id, warehouseId: s.wh['S02-WH'], lines: [{ orderLineId: order.lines[0]!.id, qtyReceived: '21' }] },
    }));
    const books0 = await h.books();
    const posted = await body<PurchaseReceipt>(t.call('POST', `/api/purchasing/receipts/${receipt.id}/post`, { token: clerk }));
    // 21 × 1,017.6366 = 21,370.3686 → 21,370 (the converted net, to the cent)
    expect(posted.value).toBe(21_370);
    expect(await h.level(s.P3.id, s.wh['S02-WH']!)).toEqual({ qty: 21, avgCost: '1017.6366', value: 21_370 });
    const books1 = await h.booksBalance();
    expect(books1.grni - books0.grni).toBe(-21_370);
    expect(books1.inventory - books0.inventory).toBe(21_370);
  });

  it('needs purchasing.approve beyond the 5 % over-receipt tolerance, also when two receipts are posted at once', async () => {
    const s = await setup();
    const { manager, purchaser, clerk } = s.tokens;
    const order = await draft(s, purchaser, [{ productId: s.P2.id, qty: '100' }]); // 100 × 5.00
    await step(order.id, 'submit', purchaser);
    await step(order.id, 'send', purchaser);
    const line = order.lines[0]!;
    const receive = async (qty: string) =>
      body<PurchaseReceipt>(t.call('POST', '/api/purchasing/receipts', { token: clerk, body: { orderId: order.id, warehouseId: s.wh['S02-WH'], lines: [{ orderLineId: line.id, qtyReceived: qty }] } }));
    // Alone, 106 is over (limit 105); flagged on the draft, refused to the clerk, naming the line.
    const alone = await receive('106');
    expect(alone.lines[0]!.overReceipt).toBe(true);
    const before = await h.footprint();
    const refused = await t.call('POST', `/api/purchasing/receipts/${alone.id}/post`, { token: clerk });
    expect(refused.status).toBe(403);
    expect((await errorOf(refused)).field).toBe('lines.0.qtyAccepted');
    expect(await h.footprint()).toEqual(before);
    expect((await t.call('POST', `/api/purchasing/receipts/${alone.id}/cancel`, { token: clerk })).status).toBe(200);

    // 60 and 60: each alone within tolerance, together 120. The order's lock makes the second see the first.
    const [x, y] = [await receive('60'), await receive('60')];
    expect([x.lines[0]!.overReceipt, y.lines[0]!.overReceipt]).toEqual([false, false]);
    const results = await Promise.all([x, y].map((r) => t.call('POST', `/api/purchasing/receipts/${r.id}/post`, { token: clerk })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 403]);
    const loser = [x, y][results.findIndex((r) => r.status === 403)]!;
    expect((await body<PurchaseReceipt>(t.call('GET', `/api/purchasing/receipts/${loser.id}`, { token: clerk }))).lines[0]!.overReceipt).toBe(true);
    expect(await h.level(s.P2.id, s.wh['S02-WH']!)).toMatchObject({ qty: 60, value: 30_000 });
    // A manager may accept the over-delivery.
    const accepted = await body<PurchaseReceipt>(t.call('POST', `/api/purchasing/receipts/${loser.id}/post`, { token: manager }));
    expect(accepted).toMatchObject({ status: 'posted', postedBy: { username: 'manager' } });
    expect(accepted.lines[0]!.overReceipt).toBe(true);
    const winner = [x, y].find((r) => r.id !== loser.id)!;
    expect((await body<PurchaseReceipt>(t.call('GET', `/api/purchasing/receipts/${winner.id}`, { token: clerk }))).lines[0]!.overReceipt).toBe(false);
    expect(await h.level(s.P2.id, s.wh['S02-WH']!)).toMatchObject({ qty: 120, value: 60_000 });
    const received = await body<PurchaseOrder>(t.call('GET', `/api/purchasing/orders/${order.id}`, { token: clerk }));
    expect(received.status).toBe('received');
    expect(received.lines[0]).toMatchObject({ qtyReceived: '120', qtyOutstanding: '0' });
    // Received orders cannot be cancelled, only closed; a draft left behind cannot be posted on a closed order.
    expect((await step(order.id, 'cancel', purchaser, { reason: 'too late' })).status).toBe(409);
    const straggler = await receive('1');
    expect((await body<PurchaseOrder>(step(order.id, 'close', purchaser, {}))).status).toBe('closed');
    const closedFootprint = await h.footprint();
    const late = await t.call('POST', `/api/purchasing/receipts/${straggler.id}/post`, { token: manager });
    expect(late.status).toBe(409);
    expect((await errorOf(late)).field).toBe('orderId');
    expect(await h.footprint()).toEqual(closedFootprint);
    expect((await body<PurchaseReceipt>(t.call('GET', `/api/purchasing/receipts/${straggler.id}`, { token: clerk }))).status).toBe('draft');
    await h.booksBalance();
  });

  it('takes a step once when it is taken twice at once: approve, submit, post a receipt, post a return', async () => {
    const s = await setup();
    const { owner, manager, purchaser, clerk } = s.tokens;
    const order = await draft(s, purchaser, [{ productId: s.P1.id, qty: '30' }, { productId: s.P2.id, qty: '50' }]); // 6,000.00 + 250.00 net
    const submits = await Promise.all([step(order.id, 'submit', purchaser), step(order.id, 'submit', purchaser)]);
    expect(submits.map((r) => r.status).sort()).toEqual([200, 409]);
    const approvals = await Promise.all([step(order.id, 'approve', manager), step(order.id, 'approve', owner)]);
    expect(approvals.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await h.auditActions('purchase_order', order.id)).toEqual(['create', 'submit', 'approve']);
    await step(order.id, 'send', purchaser);

    const receipt = await body<PurchaseReceipt>(t.call('POST', '/api/purchasing/receipts', {
      token: clerk,
      body: { orderId: order.id, warehouseId: s.wh['S02-WH'], lines: [{ orderLineId: order.lines[0]!.id, qtyReceived: '300' }, { orderLineId: order.lines[1]!.id, qtyReceived: '20' }] },
    }));
    const books0 = await h.books();
    const posts = await Promise.all([1, 2, 3].map(() => t.call('POST', `/api/purchasing/receipts/${receipt.id}/post`, { token: clerk })));
    expect(posts.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    const db = t.database.db;
    expect((await db.select({ n: count() }).from(stockMoves).where(eq(stockMoves.docId, receipt.id)))[0]!.n).toBe(2);
    expect(await h.entriesFor(receipt.id)).toBe(1);
    const lines = await db.select().from(purchaseOrderLines).where(eq(purchaseOrderLines.orderId, order.id)).orderBy(asc(purchaseOrderLines.lineNo));
    expect(lines.map((l) => Number(l.qtyReceived))).toEqual([300, 20]);
    expect((await h.books()).grni - books0.grni).toBe(-(300 * 2000 + 20 * 500));

    const ret = await body<PurchaseReturn>(t.call('POST', '/api/purchasing/returns', {
      token: clerk, body: { receiptId: receipt.id, reason: 'damaged in the store', lines: [{ receiptLineId: (await body<PurchaseReceipt>(t.call('GET', `/api/purchasing/receipts/${receipt.id}`, { token: clerk }))).lines[1]!.id, qty: '5' }] },
    }));
    const returns = await Promise.all([1, 2].map(() => t.call('POST', `/api/purchasing/returns/${ret.id}/post`, { token: clerk })));
    expect(returns.map((r) => r.status).sort()).toEqual([200, 409]);
    expect((await db.select({ n: count() }).from(stockMoves).where(eq(stockMoves.docId, ret.id)))[0]!.n).toBe(1);
    expect(await h.entriesFor(ret.id)).toBe(1);
    expect((await db.select().from(purchaseOrderLines).where(eq(purchaseOrderLines.id, order.lines[1]!.id)))[0]!.qtyReturned).toBe('5.000');
    const approveAudits = await db.select({ n: count() }).from(auditLog).where(and(eq(auditLog.entityId, order.id), eq(auditLog.action, 'approve')));
    expect(approveAudits[0]!.n).toBe(1);
    await h.booksBalance();
  });
});
