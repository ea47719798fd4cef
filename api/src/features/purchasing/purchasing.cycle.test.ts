import { expect, it } from 'vitest';
import { and, asc, eq, inArray, like } from 'drizzle-orm';
import type { PurchaseOrder, PurchaseReceipt, PurchaseReturn, PushResult, Suggestions, SupplierInvoice } from '@shopbook/shared';
import { describeEachDriver } from '../../../test/databases.ts';
import { useApp } from '../../../test/harness.ts';
import { registerTill, saleEvent } from '../../../test/till.ts';
import { batches, journalEntries, journalLines, products, suppliers, users, warehouses } from '../../db/schema/index.ts';
import { body, helpers, type ErrorBody } from './test-support.ts';

/**
 * The whole purchasing cycle on one warehouse, with the stock, its average cost, goods
 * received not invoiced and a balanced trial balance checked after every step:
 * suggestion → orders → approval → two partial receipts (one line rejected) → a batch
 * receipt → a return to the supplier → closing the order → the supplier's invoice with a
 * price difference, approved and posted → its payment.
 */
describeEachDriver('purchasing: suggestion to order to receipts, a return, the invoice and its payment', (driver) => {
  const t = useApp(driver);
  const h = helpers(t);

  it('runs the cycle and keeps stock, average cost, GRNI and the books right at every step', async () => {
    const db = t.database.db;
    const [wh] = await db.select().from(warehouses).where(eq(warehouses.code, 'S01-WH'));
    const S01 = wh!.id;
    const bySku = Object.fromEntries(
      (await db.select().from(products).where(inArray(products.sku, ['BEV-SOFT-0001', 'BEV-SOFT-0002', 'BEV-SOFT-0003']))).map((p) => [p.sku, p]),
    );
    const A = bySku['BEV-SOFT-0001']!;
    const A2 = bySku['BEV-SOFT-0002']!;
    const C = bySku['BEV-SOFT-0003']!;
    const [B] = await db.select().from(products).where(and(eq(products.batchTracked, true), like(products.sku, 'DAIRY-MILK-%'))).orderBy(asc(products.sku)).limit(1);
    const sup = Object.fromEntries((await db.select().from(suppliers)).map((s) => [s.code, s.id])) as Record<string, string>;
    const [purchaser, manager, clerk] = [await t.login('purchaser'), await t.login('manager'), await t.login('clerk')];

    // --- Opening position: 30 of A found at 95.00, then 14 sold at the till eleven days ago.
    const adj = await body<{ id: string }>(t.call('POST', '/api/inventory/adjustments', {
      token: clerk, body: { warehouseId: S01, reason: 'found', lines: [{ productId: A.id, qty: '30', unitCost: '9500' }] },
    }));
    expect((await t.call('POST', `/api/inventory/adjustments/${adj.id}/post`, { token: manager })).status).toBe(200);
    const till = await registerTill(t, 'S01');
    const [cashier] = await db.select().from(users).where(eq(users.username, 'cashier'));
    const sale = { ...saleEvent(till, 1, cashier!.id, [{ productId: A.id, qty: '14', unitPrice: 12000, taxRateBp: 1300 }]), occurredAt: '2026-02-19T10:00:00.000Z' };
    const pushed = await body<{ results: PushResult[] }>(t.call('POST', '/api/sync/push', { token: till.token, body: { events: [sale] } }));
    expect(pushed.results[0]!.status).toBe('applied');
    expect(await h.level(A.id, S01)).toEqual({ qty: 16, avgCost: '9500.0000', value: 152_000 });
    let books = await h.booksBalance();
    expect(books.inventory).toBe(152_000);
    expect(books.grni).toBe(0);

    // --- Price lists and stock rules. A is also sold cheaper by SUP-SNK, but SUP-BEV is preferred.
    const offer = (supplier: string, productId: string, b: object) => t.call('PUT', `/api/suppliers/${sup[supplier]}/products/${productId}`, { token: purchaser, body: b });
    expect((await offer('SUP-SNK', A.id, { itemCode: 'SNK-A-12', packSize: '12', price: 100_000 })).status).toBe(200);
    expect((await offer('SUP-BEV', A.id, { itemCode: 'CC-330-24', packSize: '24', price: 240_000, minOrderQty: '2', preferred: true })).status).toBe(200);
    expect((await offer('SUP-BEV', A2.id, { itemCode: 'CC-500-6', packSize: '6', price: 3000 })).status).toBe(200);
    expect((await offer('SUP-DAIRY', B!.id, { itemCode: 'YL-250-12', packSize: '12', price: 3000, minOrderQty: '1' })).status).toBe(200);
    const rules = await t.call('PUT', '/api/inventory/rules', {
      token: manager,
      body: { rules: [
        { productId: A.id, warehouseId: S01, reorderPoint: '20', minQty: '10', maxQty: '100' },
        { productId: A2.id, warehouseId: S01, reorderPoint: '5', minQty: '0', maxQty: '30' },
        { productId: B!.id, warehouseId: S01, reorderPoint: '10', minQty: '5', maxQty: '36' },
        { productId: C.id, warehouseId: S01, reorderPoint: '5', minQty: '5', maxQty: '30' },
      ] },
    });
    expect(rules.status).toBe(200);

    // --- Suggestions: 14 sold in 28 days is 0.5 a day; SUP-BEV delivers in 2 days → 1 sold meanwhile;
    // 16 on hand − 1 = 15 ≤ 20, fill to 100: 85 → 4 cases of 24 (above the minimum of 2).
    const suggested = await body<Suggestions>(t.call('GET', `/api/purchasing/suggestions?warehouseId=${S01}`, { token: purchaser }));
    expect(suggested.windowDays).toBe(28);
    expect(suggested.groups.map((g) => [g.supplierCode, g.items.map((i) => i.sku)])).toEqual([
      ['SUP-BEV', ['BEV-SOFT-0001', 'BEV-SOFT-0002']],
      ['SUP-DAIRY', [B!.sku]],
      [null, ['BEV-SOFT-0003']],
    ]);
    const [bev, dairy, none] = suggested.groups;
    expect(bev!.items[0]).toMatchObject({
      onHand: '16', onOrder: '0', sold: '14', dailyVelocity: '0.5', leadTimeDays: 2, leadTimeDemand: '1', projected: '15', hasRule: true,
      reorderPoint: '20', target: '100', needed: '85', itemCode: 'CC-330-24', packSize: '24', minOrderQty: '2', purchaseQty: '4', stockQty: '96',
      price: 240_000, amount: 960_000,
    });
    expect(bev!.items[1]).toMatchObject({ onHand: '0', needed: '30', packSize: '6', purchaseQty: '5', stockQty: '30', amount: 15_000 });
    expect(bev!.amount).toBe(975_000);
    expect(dairy!.items[0]).toMatchObject({ leadTimeDays: 4, needed: '36', purchaseQty: '3', stockQty: '36', amount: 9000 });
    expect(none).toMatchObject({ supplierId: null, currency: null });
    expect(none!.items[0]).toMatchObject({ needed: '30', purchaseQty: '30', price: null, amount: null });

    // --- One step: draft orders, one per supplier.
    const created = await t.call('POST', '/api/purchasing/suggestions/orders', {
      token: purchaser,
      body: { warehouseId: S01, items: [{ productId: A.id, supplierId: sup['SUP-BEV'] }, { productId: A2.id, supplierId: sup['SUP-BEV'] }, { productId: B!.id, supplierId: sup['SUP-DAIRY'] }] },
    });
    expect(created.status).toBe(201);
    const { orders } = (await created.json()) as { orders: PurchaseOrder[] };
    expect(orders.map((o) => [o.supplierCode, o.status, o.number])).toEqual([['SUP-BEV', 'draft', 'PO-2026-000001'], ['SUP-DAIRY', 'draft', 'PO-2026-000002']]);
    const [bevOrder, dairyOrder] = orders as [PurchaseOrder, PurchaseOrder];
    expect(bevOrder).toMatchObject({ currency: 'CNY', baseCurrency: 'CNY', exchangeRate: '1', expectedDate: '2026-03-04', warehouseId: S01 });
    expect(bevOrder.lines.map((l) => [l.sku, l.itemCode, l.qty, l.packSize, l.stockQty, l.price, l.taxRateBp, l.net, l.tax, l.gross, l.unitCost])).toEqual([
      ['BEV-SOFT-0001', 'CC-330-24', '4', '24', '96', 240_000, 1300, 960_000, 124_800, 1_084_800, '10000.0000'],
      ['BEV-SOFT-0002', 'CC-500-6', '5', '6', '30', 3000, 1300, 15_000, 1950, 16_950, '500.0000'],
    ]);
    expect(bevOrder.totals).toEqual({ net: 975_000, tax: 126_750, gross: 1_101_750 });
    expect(bevOrder.baseTotals).toEqual(bevOrder.totals);
    expect(dairyOrder.totals).toEqual({ net: 9000, tax: 810, gross: 9810 });
    // The drafts now count as on order: nothing but the product without a supplier is suggested.
    const after = await body<Suggestions>(t.call('GET', `/api/purchasing/suggestions?warehouseId=${S01}`, { token: purchaser }));
    expect(after.groups.map((g) => g.supplierCode)).toEqual([null]);

    // --- Approval: 11,017.50 is above the purchaser's own 5,000.00; the dairy order is within it.
    const submitted = await body<PurchaseOrder>(t.call('POST', `/api/purchasing/orders/${bevOrder.id}/submit`, { token: purchaser }));
    expect(submitted).toMatchObject({ status: 'submitted', approvalMode: null, approvedBy: null });
    const selfApproved = await body<PurchaseOrder>(t.call('POST', `/api/purchasing/orders/${dairyOrder.id}/submit`, { token: purchaser }));
    expect(selfApproved).toMatchObject({ status: 'approved', approvalMode: 'self', approvedBy: { username: 'purchaser' } });
    expect((await t.call('POST', `/api/purchasing/orders/${bevOrder.id}/approve`, { token: purchaser })).status).toBe(403);
    expect((await t.call('POST', `/api/purchasing/orders/${bevOrder.id}/approve`, { token: clerk })).status).toBe(403);
    const approved = await body<PurchaseOrder>(t.call('POST', `/api/purchasing/orders/${bevOrder.id}/approve`, { token: manager }));
    expect(approved).toMatchObject({ status: 'approved', approvalMode: 'approver', approvedBy: { username: 'manager' }, createdBy: { username: 'purchaser' } });
    for (const o of orders) expect((await body<PurchaseOrder>(t.call('POST', `/api/purchasing/orders/${o.id}/send`, { token: purchaser }))).status).toBe('sent');
    books = await h.booksBalance();
    expect([books.inventory, books.grni]).toEqual([152_000, 0]); // orders alone book nothing

    // --- First delivery: 50 of A with 2 crushed, and the whole A2 line rejected.
    const [lineA, lineA2] = approved.lines as [PurchaseOrder['lines'][number], PurchaseOrder['lines'][number]];
    const draft1 = await t.call('POST', '/api/purchasing/receipts', {
      token: clerk,
      body: {
        orderId: bevOrder.id, warehouseId: S01, reference: 'DN-1001',
        lines: [
          { orderLineId: lineA.id, qtyReceived: '50', qtyRejected: '2', rejectReason: 'crushed cases' },
          { orderLineId: lineA2.id, qtyReceived: '30', qtyAccepted: '0', qtyRejected: '30', rejectReason: 'wrong flavour' },
        ],
      },
    });
    expect(draft1.status).toBe(201);
    const receipt1 = (await draft1.json()) as PurchaseReceipt;
    expect(receipt1).toMatchObject({ number: 'GRN-2026-000001', status: 'draft', value: null, orderNumber: 'PO-2026-000001' });
    expect(receipt1.lines.map((l) => [l.qtyReceived, l.qtyAccepted, l.qtyRejected, l.overReceipt])).toEqual([['50', '48', '2', false], ['30', '0', '30', false]]);
    expect(await h.level(A.id, S01)).toEqual({ qty: 16, avgCost: '9500.0000', value: 152_000 }); // a draft moves nothing

    const posted1 = await body<PurchaseReceipt>(t.call('POST', `/api/purchasing/receipts/${receipt1.id}/post`, { token: clerk }));
    expect(posted1).toMatchObject({ status: 'posted', value: 480_000, postedBy: { username: 'clerk' } });
    expect(posted1.lines.map((l) => [l.unitCost, l.value])).toEqual([['10000.0000', 480_000], ['500.0000', 0]]);
    // (16 × 95.00 + 48 × 100.00) / 64 = 98.75
    expect(await h.level(A.id, S01)).toEqual({ qty: 64, avgCost: '9875.0000', value: 632_000 });
    expect((await h.level(A2.id, S01)).qty).toBe(0);
    books = await h.booksBalance();
    expect([books.inventory, books.grni]).toEqual([632_000, -480_000]);
    const entry = await db
      .select({ account: journalLines.accountCode, debit: journalLines.debit, credit: journalLines.credit })
      .from(journalLines).innerJoin(journalEntries, eq(journalEntries.id, journalLines.entryId))
      .where(and(eq(journalEntries.sourceType, 'purchase_receipt'), eq(journalEntries.sourceId, receipt1.id)))
      .orderBy(asc(journalLines.lineNo));
    expect(entry).toEqual([{ account: '1405', debit: 480_000, credit: 0 }, { account: '220201', debit: 0, credit: 480_000 }]);
    let order = await body<PurchaseOrder>(t.call('GET', `/api/purchasing/orders/${bevOrder.id}`, { token: purchaser }));
    expect(order.status).toBe('partially_received');
    expect(order.lines.map((l) => [l.qtyReceived, l.qtyRejected, l.qtyReturned, l.qtyOutstanding])).toEqual([['48', '2', '0', '48'], ['0', '30', '0', '30']]);
    expect((await t.call('POST', `/api/purchasing/receipts/${receipt1.id}/post`, { token: clerk })).status).toBe(409);
    expect(await h.entriesFor(receipt1.id)).toBe(1);

    // --- Second delivery: 50 more of A (98 against 96 ordered is within the 5 % tolerance) and the 30 A2.
    const receipt2 = await body<PurchaseReceipt>(t.call('POST', '/api/purchasing/receipts', {
      token: clerk,
      body: { orderId: bevOrder.id, warehouseId: S01, reference: 'DN-1002', lines: [{ orderLineId: lineA.id, qtyReceived: '50' }, { orderLineId: lineA2.id, qtyReceived: '30' }] },
    }));
    const posted2 = await body<PurchaseReceipt>(t.call('POST', `/api/purchasing/receipts/${receipt2.id}/post`, { token: clerk }));
    expect(posted2.value).toBe(515_000);
    // (632,000 + 500,000) / 114 = 9,929.82456… → 9,929.8246
    expect(await h.level(A.id, S01)).toEqual({ qty: 114, avgCost: '9929.8246', value: 1_132_000 });
    expect(await h.level(A2.id, S01)).toEqual({ qty: 30, avgCost: '500.0000', value: 15_000 });
    books = await h.booksBalance();
    expect([books.inventory, books.grni]).toEqual([1_147_000, -995_000]);
    order = await body<PurchaseOrder>(t.call('GET', `/api/purchasing/orders/${bevOrder.id}`, { token: purchaser }));
    expect(order.status).toBe('received');
    expect(order.lines.map((l) => [l.qtyReceived, l.qtyOutstanding])).toEqual([['98', '0'], ['30', '0']]);

    // --- The dairy order arrives with a batch and an expiry date.
    const [lineB] = selfApproved.lines;
    const noBatch = await t.call('POST', '/api/purchasing/receipts', {
      token: clerk, body: { orderId: dairyOrder.id, warehouseId: S01, lines: [{ orderLineId: lineB!.id, qtyReceived: '36' }] },
    });
    expect(noBatch.status).toBe(400);
    expect(((await noBatch.json()) as ErrorBody).error.field).toBe('lines.0.batchNo');
    const receipt3 = await body<PurchaseReceipt>(t.call('POST', '/api/purchasing/receipts', {
      token: clerk,
      body: { orderId: dairyOrder.id, warehouseId: S01, lines: [{ orderLineId: lineB!.id, qtyReceived: '36', batchNo: 'YL-0302', productionDate: '2026-03-01', expiryDate: '2026-03-31' }] },
    }));
    const posted3 = await body<PurchaseReceipt>(t.call('POST', `/api/purchasing/receipts/${receipt3.id}/post`, { token: clerk }));
    const [batch] = await db.select().from(batches).where(and(eq(batches.productId, B!.id), eq(batches.batchNo, 'YL-0302')));
    expect(batch).toMatchObject({ expiryDate: '2026-03-31', productionDate: '2026-03-01' });
    expect(posted3.lines[0]).toMatchObject({ batchId: batch!.id, unitCost: '250.0000', value: 9000 });
    expect(await h.level(B!.id, S01, batch!.id)).toEqual({ qty: 36, avgCost: '250.0000', value: 9000 });
    expect((await body<PurchaseOrder>(t.call('GET', `/api/purchasing/orders/${dairyOrder.id}`, { token: purchaser }))).status).toBe('received');
    books = await h.booksBalance();
    expect([books.inventory, books.grni]).toEqual([1_156_000, -1_004_000]);

    // --- Ten cans of the second delivery leak: back to the supplier at the stock's cost, GRNI reversed.
    const tooMany = await t.call('POST', '/api/purchasing/returns', {
      token: clerk, body: { receiptId: receipt2.id, reason: 'leaking cans', lines: [{ receiptLineId: posted2.lines[0]!.id, qty: '51' }] },
    });
    expect(tooMany.status).toBe(422);
    expect(((await tooMany.json()) as ErrorBody).error.field).toBe('lines.0.qty');
    const ret = await body<PurchaseReturn>(t.call('POST', '/api/purchasing/returns', {
      token: clerk, body: { receiptId: receipt2.id, reason: 'leaking cans', lines: [{ receiptLineId: posted2.lines[0]!.id, qty: '10' }] },
    }));
    expect(ret).toMatchObject({ number: 'PRT-2026-000001', status: 'draft', orderId: bevOrder.id, warehouseId: S01 });
    expect(await h.level(A.id, S01)).toEqual({ qty: 114, avgCost: '9929.8246', value: 1_132_000 });
    const postedReturn = await body<PurchaseReturn>(t.call('POST', `/api/purchasing/returns/${ret.id}/post`, { token: clerk }));
    // 10 × 9,929.8246 = 99,298.246 → 99,298
    expect(postedReturn).toMatchObject({ status: 'posted', value: 99_298 });
    expect(postedReturn.lines[0]).toMatchObject({ qty: '10', unitCost: '9929.8246', value: 99_298 });
    expect(await h.level(A.id, S01)).toEqual({ qty: 104, avgCost: '9929.8246', value: 1_032_702 });
    books = await h.booksBalance();
    expect([books.inventory, books.grni]).toEqual([1_056_702, -904_702]);
    expect((await t.call('POST', `/api/purchasing/returns/${ret.id}/post`, { token: clerk })).status).toBe(409);
    // What went back is owed again: the order steps back to partially received.
    order = await body<PurchaseOrder>(t.call('GET', `/api/purchasing/orders/${bevOrder.id}`, { token: purchaser }));
    expect(order.status).toBe('partially_received');
    expect(order.lines[0]).toMatchObject({ qtyReceived: '98', qtyReturned: '10', qtyOutstanding: '8' });
    const again = await body<PurchaseReceipt>(t.call('GET', `/api/purchasing/receipts/${receipt2.id}`, { token: purchaser }));
    expect(again.lines[0]!.qtyReturned).toBe('10');
    const left = await t.call('POST', '/api/purchasing/returns', {
      token: clerk, body: { receiptId: receipt2.id, reason: 'more leaks', lines: [{ receiptLineId: posted2.lines[0]!.id, qty: '40.001' }] },
    });
    expect(left.status).toBe(422);

    // --- The rest is not coming: close the order; it refuses further receipts.
    const closed = await body<PurchaseOrder>(t.call('POST', `/api/purchasing/orders/${bevOrder.id}/close`, { token: purchaser, body: { reason: 'supplier out of stock' } }));
    expect(closed).toMatchObject({ status: 'closed', closeReason: 'supplier out of stock' });
    const late = await t.call('POST', '/api/purchasing/receipts', {
      token: clerk, body: { orderId: bevOrder.id, warehouseId: S01, lines: [{ orderLineId: lineA.id, qtyReceived: '8' }] },
    });
    expect(late.status).toBe(409);
    expect(((await late.json()) as ErrorBody).error.field).toBe('orderId');

    expect(await h.auditActions('purchase_order', bevOrder.id)).toEqual(['create', 'submit', 'approve', 'send', 'receive', 'receive', 'receive', 'close']);
    expect(await h.auditActions('purchase_receipt', receipt1.id)).toEqual(['create', 'post']);
    expect(await h.auditActions('purchase_return', ret.id)).toEqual(['create', 'post']);
    const lists = await body<{ items: { id: string; lineCount: number; value: number | null }[] }>(t.call('GET', `/api/purchasing/receipts?orderId=${bevOrder.id}`, { token: purchaser }));
    expect(lists.items.map((r) => [r.id, r.lineCount, r.value]).sort()).toEqual([[receipt1.id, 2, 480_000], [receipt2.id, 2, 515_000]].sort());
    const returnList = await body<{ items: { id: string; lineCount: number; value: number | null; receiptNumber: string }[] }>(
      t.call('GET', `/api/purchasing/returns?orderId=${bevOrder.id}&status=posted`, { token: purchaser }),
    );
    expect(returnList.items.map((r) => [r.id, r.lineCount, r.value, r.receiptNumber])).toEqual([[ret.id, 1, 99_298, 'GRN-2026-000002']]);
    const orderList = await body<{ items: { number: string; status: string }[] }>(t.call('GET', '/api/purchasing/orders?q=SUP-BEV', { token: purchaser }));
    expect(orderList.items.map((o) => [o.number, o.status])).toEqual([['PO-2026-000001', 'closed']]);
    await h.booksBalance();

    // --- The supplier's invoice bills the first delivery's 48 cans at 2,450.00 a case instead of 2,400.00:
    // beyond the tolerance, so the manager approves it before the accountant posts it; then it is paid.
    const accountant = await t.login('accountant');
    const invoice = await body<SupplierInvoice>(t.call('POST', '/api/payables/invoices', {
      token: accountant,
      body: { supplierId: sup['SUP-BEV'], supplierInvoiceNo: 'BEV-3021', invoiceDate: '2026-03-02', lines: [{ receiptLineId: posted1.lines[0]!.id, qty: '48', price: 245_000 }] },
    }));
    expect(invoice).toMatchObject({ needsApproval: true, net: 490_000, tax: 63_700, gross: 553_700 });
    expect((await t.call('POST', `/api/payables/invoices/${invoice.id}/post`, { token: accountant })).status).toBe(403);
    expect((await t.call('POST', `/api/payables/invoices/${invoice.id}/approve`, { token: manager })).status).toBe(200);
    const postedInvoice = await body<SupplierInvoice>(t.call('POST', `/api/payables/invoices/${invoice.id}/post`, { token: accountant }));
    expect(postedInvoice.lines[0]).toMatchObject({ grniCleared: 480_000, variance: 10_000 });
    books = await h.booksBalance();
    expect([books.inventory, books.grni, books.inputVat, books.payables]).toEqual([1_056_702, -424_702, 63_700, -553_700]);
    await body(t.call('POST', '/api/payables/payments', {
      token: accountant,
      body: { supplierId: sup['SUP-BEV'], paymentDate: '2026-03-02', method: 'bank', amount: 553_700, reference: 'TT-77', allocations: [{ invoiceId: invoice.id, amount: 553_700 }] },
    }));
    books = await h.booksBalance();
    expect([books.grni, books.payables]).toEqual([-424_702, 0]);
  });
});
