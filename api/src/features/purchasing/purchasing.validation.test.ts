import { expect, it } from 'vitest';
import { asc, eq, like } from 'drizzle-orm';
import type { PurchaseOrder, PurchaseReceipt, Supplier } from '@shopbook/shared';
import { describeEachDriver } from '../../../test/databases.ts';
import { useApp } from '../../../test/harness.ts';
import { routeTable } from '../../http/route.ts';
import { products, suppliers, warehouses } from '../../db/schema/index.ts';
import { body, helpers, type ErrorBody } from './test-support.ts';

const UNKNOWN = '0190f5e8-3b2a-7c41-9d2e-5f6a7b8c9d0e';

/**
 * Bad input at every purchasing endpoint: a 4xx whose `field` names what is wrong, and
 * nothing written — no order, line, receipt, return, stock move, journal entry, audit
 * entry or changed status.
 */
describeEachDriver('purchasing: bad input is refused naming the field and changes nothing', (driver) => {
  const t = useApp(driver);
  const h = helpers(t);

  it('refuses bad input at every endpoint', async () => {
    const db = t.database.db;
    const wh = Object.fromEntries((await db.select().from(warehouses)).map((w) => [w.code, w.id])) as Record<string, string>;
    const chips = await db.select().from(products).where(like(products.sku, 'SNK-CHIPS-%')).orderBy(asc(products.sku)).limit(3);
    const [P1, P2, P3] = chips as [typeof chips[number], typeof chips[number], typeof chips[number]];
    const [snk] = await db.select().from(suppliers).where(eq(suppliers.code, 'SUP-SNK'));
    const [owner, purchaser, clerk, manager] = [await t.login('owner'), await t.login('purchaser'), await t.login('clerk'), await t.login('manager')];
    await t.call('PUT', `/api/suppliers/${snk!.id}/products/${P1.id}`, { token: purchaser, body: { packSize: '10', price: 2000 } });
    await t.call('PUT', `/api/suppliers/${snk!.id}/products/${P3.id}`, { token: purchaser, body: { packSize: '0.125', price: 100 } });
    const usd = await body<Supplier>(t.call('POST', '/api/suppliers', { token: purchaser, body: { code: 'SUP-USD', name: 'Dollar Foods', currency: 'USD' } }));
    await t.call('PUT', `/api/suppliers/${usd.id}/products/${P2.id}`, { token: purchaser, body: { packSize: '1', price: 100 } });
    const old = await body<Supplier>(t.call('POST', '/api/suppliers', { token: purchaser, body: { code: 'SUP-OLD', name: 'Gone Ltd', currency: 'CNY', status: 'archived' } }));

    // Fixtures: a draft order, a sent order with a posted receipt, a draft receipt.
    const order = (lines: object[]) => ({ supplierId: snk!.id, warehouseId: wh['S02-WH'], lines });
    const draftOrder = await body<PurchaseOrder>(t.call('POST', '/api/purchasing/orders', { token: purchaser, body: order([{ productId: P1.id, qty: '2' }]) }));
    const sent = await body<PurchaseOrder>(t.call('POST', '/api/purchasing/orders', { token: purchaser, body: order([{ productId: P1.id, qty: '5' }, { productId: P2.id, qty: '3', price: 700 }]) }));
    await t.call('POST', `/api/purchasing/orders/${sent.id}/submit`, { token: purchaser });
    await t.call('POST', `/api/purchasing/orders/${sent.id}/send`, { token: purchaser });
    const [l1, l2] = sent.lines as [PurchaseOrder['lines'][number], PurchaseOrder['lines'][number]];
    const receipt = await body<PurchaseReceipt>(t.call('POST', '/api/purchasing/receipts', {
      token: clerk, body: { orderId: sent.id, warehouseId: wh['S02-WH'], lines: [{ orderLineId: l1.id, qtyReceived: '20' }, { orderLineId: l2.id, qtyReceived: '3' }] },
    }));
    await t.call('POST', `/api/purchasing/receipts/${receipt.id}/post`, { token: clerk });
    const posted = await body<PurchaseReceipt>(t.call('GET', `/api/purchasing/receipts/${receipt.id}`, { token: clerk }));
    const draftReceipt = await body<PurchaseReceipt>(t.call('POST', '/api/purchasing/receipts', {
      token: clerk, body: { orderId: sent.id, warehouseId: wh['S02-WH'], lines: [{ orderLineId: l1.id, qtyReceived: '1' }] },
    }));
    const otherOrder = await body<PurchaseOrder>(t.call('POST', '/api/purchasing/orders', { token: purchaser, body: order([{ productId: P1.id, qty: '1' }]) }));

    const line = (extra: object = {}) => ({ orderLineId: l1.id, qtyReceived: '1', ...extra });
    const receiptBody = (lines: object[], extra: object = {}) => ({ orderId: sent.id, warehouseId: wh['S02-WH'], lines, ...extra });
    const returnBody = (lines: object[], extra: object = {}) => ({ receiptId: receipt.id, reason: 'faulty', lines, ...extra });
    const rl = posted.lines[0]!;

    type Case = [method: string, path: string, token: string, payload: unknown, status: number, field: string];
    const cases: Case[] = [
      // Approval limits
      ['PUT', '/api/purchasing/approval-limits', owner, {}, 400, 'limits'],
      ['PUT', '/api/purchasing/approval-limits', owner, { limits: [] }, 400, 'limits'],
      ['PUT', '/api/purchasing/approval-limits', owner, { limits: [{ role: 'boss', maxAmount: 1 }] }, 400, 'limits.0.role'],
      ['PUT', '/api/purchasing/approval-limits', owner, { limits: [{ role: 'manager', maxAmount: -1 }] }, 400, 'limits.0.maxAmount'],
      ['PUT', '/api/purchasing/approval-limits', owner, { limits: [{ role: 'manager', maxAmount: 1.5 }] }, 400, 'limits.0.maxAmount'],
      ['PUT', '/api/purchasing/approval-limits', owner, { limits: [{ role: 'manager', maxAmount: 1 }, { role: 'manager', maxAmount: 2 }] }, 400, 'limits.1.role'],
      ['PUT', '/api/purchasing/approval-limits', owner, { limits: [{ role: 'manager', maxAmount: 1 }], remove: ['manager'] }, 400, 'remove.0'],
      // Orders: the schema
      ['POST', '/api/purchasing/orders', purchaser, { warehouseId: wh['S02-WH'], lines: [{ productId: P1.id, qty: '1' }] }, 400, 'supplierId'],
      ['POST', '/api/purchasing/orders', purchaser, { ...order([{ productId: P1.id, qty: '1' }]), supplierId: 'SUP-SNK' }, 400, 'supplierId'],
      ['POST', '/api/purchasing/orders', purchaser, { ...order([{ productId: P1.id, qty: '1' }]), warehouseId: undefined }, 400, 'warehouseId'],
      ['POST', '/api/purchasing/orders', purchaser, order([]), 400, 'lines'],
      ['POST', '/api/purchasing/orders', purchaser, order([{ productId: P1.id, qty: '0' }]), 400, 'lines.0.qty'],
      ['POST', '/api/purchasing/orders', purchaser, order([{ productId: P1.id, qty: '-2' }]), 400, 'lines.0.qty'],
      ['POST', '/api/purchasing/orders', purchaser, order([{ productId: P1.id, qty: '1.2345' }]), 400, 'lines.0.qty'],
      ['POST', '/api/purchasing/orders', purchaser, order([{ productId: P1.id, qty: 'ten' }]), 400, 'lines.0.qty'],
      ['POST', '/api/purchasing/orders', purchaser, order([{ productId: P1.id, qty: '1', price: -1 }]), 400, 'lines.0.price'],
      ['POST', '/api/purchasing/orders', purchaser, order([{ productId: P1.id, qty: '1', price: 1.5 }]), 400, 'lines.0.price'],
      ['POST', '/api/purchasing/orders', purchaser, order([{ productId: P1.id, qty: '1', packSize: '0' }]), 400, 'lines.0.packSize'],
      ['POST', '/api/purchasing/orders', purchaser, order([{ productId: P1.id, qty: '1', taxRateBp: 10_001 }]), 400, 'lines.0.taxRateBp'],
      ['POST', '/api/purchasing/orders', purchaser, order([{ productId: P1.id, qty: '1', expectedDate: '2026-02-30' }]), 400, 'lines.0.expectedDate'],
      ['POST', '/api/purchasing/orders', purchaser, { ...order([{ productId: P1.id, qty: '1' }]), expectedDate: 'soon' }, 400, 'expectedDate'],
      ['POST', '/api/purchasing/orders', purchaser, { ...order([{ productId: P1.id, qty: '1' }]), currency: 'usd' }, 400, 'currency'],
      ['POST', '/api/purchasing/orders', purchaser, { ...order([{ productId: P1.id, qty: '1' }]), exchangeRate: '1e3' }, 400, 'exchangeRate'],
      ['POST', '/api/purchasing/orders', purchaser, { ...order([{ productId: P1.id, qty: '1' }]), reference: 'x'.repeat(101) }, 400, 'reference'],
      // Orders: what only the database knows
      ['POST', '/api/purchasing/orders', purchaser, { ...order([{ productId: P1.id, qty: '1' }]), supplierId: UNKNOWN }, 422, 'supplierId'],
      ['POST', '/api/purchasing/orders', purchaser, { ...order([{ productId: P1.id, qty: '1', price: 5 }]), supplierId: old.id }, 422, 'supplierId'],
      ['POST', '/api/purchasing/orders', purchaser, { ...order([{ productId: P1.id, qty: '1' }]), warehouseId: UNKNOWN }, 422, 'warehouseId'],
      ['POST', '/api/purchasing/orders', purchaser, { ...order([{ productId: P1.id, qty: '1' }]), warehouseId: wh.TRANSIT }, 422, 'warehouseId'],
      ['POST', '/api/purchasing/orders', purchaser, order([{ productId: P1.id, qty: '1' }, { productId: UNKNOWN, qty: '1' }]), 422, 'lines.1.productId'],
      ['POST', '/api/purchasing/orders', purchaser, order([{ productId: P2.id, qty: '1' }]), 422, 'lines.0.price'],
      ['POST', '/api/purchasing/orders', purchaser, order([{ productId: P3.id, qty: '0.5' }]), 400, 'lines.0.qty'],
      ['POST', '/api/purchasing/orders', purchaser, order([{ productId: P1.id, qty: '99999999999', price: 100_000_000_000 }]), 422, 'lines.0.price'],
      ['POST', '/api/purchasing/orders', purchaser, { ...order([{ productId: P1.id, qty: '1' }]), currency: 'USD' }, 422, 'currency'],
      ['POST', '/api/purchasing/orders', purchaser, { ...order([{ productId: P1.id, qty: '1' }]), exchangeRate: '7.1' }, 422, 'exchangeRate'],
      ['POST', '/api/purchasing/orders', purchaser, { ...order([{ productId: P2.id, qty: '1' }]), supplierId: usd.id }, 422, 'exchangeRate'],
      ['PUT', `/api/purchasing/orders/${draftOrder.id}`, purchaser, order([{ productId: P1.id, qty: '0' }]), 400, 'lines.0.qty'],
      ['PUT', `/api/purchasing/orders/${draftOrder.id}`, purchaser, order([{ productId: UNKNOWN, qty: '1' }]), 422, 'lines.0.productId'],
      ['PUT', `/api/purchasing/orders/${UNKNOWN}`, purchaser, order([{ productId: P1.id, qty: '1' }]), 404, 'id'],
      ['PUT', '/api/purchasing/orders/not-a-uuid', purchaser, order([{ productId: P1.id, qty: '1' }]), 400, 'id'],
      ['PUT', `/api/purchasing/orders/${sent.id}`, purchaser, order([{ productId: P1.id, qty: '1' }]), 409, 'status'],
      // Order steps
      ...(['submit', 'approve', 'reopen', 'send'] as const).flatMap((s): Case[] => [
        ['POST', `/api/purchasing/orders/nope/${s}`, manager, undefined, 400, 'id'],
        ['POST', `/api/purchasing/orders/${UNKNOWN}/${s}`, manager, undefined, 404, 'id'],
      ]),
      ['POST', `/api/purchasing/orders/${draftOrder.id}/approve`, manager, undefined, 409, 'status'],
      ['POST', `/api/purchasing/orders/${draftOrder.id}/send`, purchaser, undefined, 409, 'status'],
      ['POST', `/api/purchasing/orders/${draftOrder.id}/reject`, manager, {}, 400, 'reason'],
      ['POST', `/api/purchasing/orders/${draftOrder.id}/reject`, manager, { reason: 'no' }, 409, 'status'],
      ['POST', `/api/purchasing/orders/${draftOrder.id}/cancel`, purchaser, {}, 400, 'reason'],
      ['POST', `/api/purchasing/orders/${draftOrder.id}/cancel`, purchaser, { reason: 7 }, 400, 'reason'],
      ['POST', `/api/purchasing/orders/${draftOrder.id}/close`, purchaser, { reason: 'x'.repeat(501) }, 400, 'reason'],
      ['POST', `/api/purchasing/orders/${draftOrder.id}/close`, purchaser, {}, 409, 'status'],
      ['POST', `/api/purchasing/orders/${sent.id}/cancel`, purchaser, { reason: 'too late' }, 409, 'status'],
      ['GET', '/api/purchasing/orders?status=lost', purchaser, undefined, 400, 'status'],
      ['GET', '/api/purchasing/orders?supplierId=SUP-SNK', purchaser, undefined, 400, 'supplierId'],
      ['GET', '/api/purchasing/orders/123', purchaser, undefined, 400, 'id'],
      ['GET', `/api/purchasing/orders/${UNKNOWN}`, purchaser, undefined, 404, 'id'],
      // Receipts
      ['POST', '/api/purchasing/receipts', clerk, { warehouseId: wh['S02-WH'], lines: [line()] }, 400, 'orderId'],
      ['POST', '/api/purchasing/receipts', clerk, receiptBody([]), 400, 'lines'],
      ['POST', '/api/purchasing/receipts', clerk, receiptBody([line({ qtyReceived: '0' })]), 400, 'lines.0.qtyReceived'],
      ['POST', '/api/purchasing/receipts', clerk, receiptBody([line({ qtyRejected: '2', rejectReason: 'x' })]), 400, 'lines.0.qtyRejected'],
      ['POST', '/api/purchasing/receipts', clerk, receiptBody([line({ qtyReceived: '3', qtyAccepted: '3', qtyRejected: '1', rejectReason: 'x' })]), 400, 'lines.0.qtyAccepted'],
      ['POST', '/api/purchasing/receipts', clerk, receiptBody([line({ qtyReceived: '3', qtyRejected: '1' })]), 400, 'lines.0.rejectReason'],
      ['POST', '/api/purchasing/receipts', clerk, receiptBody([line({ productionDate: '2026-03-02', expiryDate: '2026-03-01' })]), 400, 'lines.0.expiryDate'],
      ['POST', '/api/purchasing/receipts', clerk, receiptBody([line({ expiryDate: '01/04/2026' })]), 400, 'lines.0.expiryDate'],
      ['POST', '/api/purchasing/receipts', clerk, receiptBody([line({ batchNo: 'B1' })]), 400, 'lines.0.batchNo'],
      ['POST', '/api/purchasing/receipts', clerk, receiptBody([line(), line()]), 400, 'lines.1.orderLineId'],
      ['POST', '/api/purchasing/receipts', clerk, receiptBody([line()], { orderId: UNKNOWN }), 422, 'orderId'],
      ['POST', '/api/purchasing/receipts', clerk, receiptBody([line()], { warehouseId: wh.TRANSIT }), 422, 'warehouseId'],
      ['POST', '/api/purchasing/receipts', clerk, receiptBody([line()], { warehouseId: UNKNOWN }), 422, 'warehouseId'],
      ['POST', '/api/purchasing/receipts', clerk, receiptBody([line({ orderLineId: otherOrder.lines[0]!.id })]), 422, 'lines.0.orderLineId'],
      ['POST', '/api/purchasing/receipts', clerk, receiptBody([{ orderLineId: draftOrder.lines[0]!.id, qtyReceived: '1' }], { orderId: draftOrder.id }), 409, 'orderId'],
      ['POST', '/api/purchasing/receipts/nope/post', clerk, undefined, 400, 'id'],
      ['POST', `/api/purchasing/receipts/${UNKNOWN}/post`, clerk, undefined, 404, 'id'],
      ['POST', `/api/purchasing/receipts/${receipt.id}/post`, clerk, undefined, 409, 'status'],
      ['POST', `/api/purchasing/receipts/${receipt.id}/cancel`, clerk, undefined, 409, 'status'],
      ['GET', '/api/purchasing/receipts?orderId=1', clerk, undefined, 400, 'orderId'],
      ['GET', '/api/purchasing/receipts?status=open', clerk, undefined, 400, 'status'],
      ['GET', `/api/purchasing/receipts/${UNKNOWN}`, clerk, undefined, 404, 'id'],
      // Returns
      ['POST', '/api/purchasing/returns', clerk, { reason: 'x', lines: [{ receiptLineId: rl.id, qty: '1' }] }, 400, 'receiptId'],
      ['POST', '/api/purchasing/returns', clerk, returnBody([{ receiptLineId: rl.id, qty: '1' }], { reason: '' }), 400, 'reason'],
      ['POST', '/api/purchasing/returns', clerk, returnBody([]), 400, 'lines'],
      ['POST', '/api/purchasing/returns', clerk, returnBody([{ receiptLineId: rl.id, qty: '0' }]), 400, 'lines.0.qty'],
      ['POST', '/api/purchasing/returns', clerk, returnBody([{ receiptLineId: rl.id, qty: '1' }, { receiptLineId: rl.id, qty: '1' }]), 400, 'lines.1.receiptLineId'],
      ['POST', '/api/purchasing/returns', clerk, returnBody([{ receiptLineId: rl.id, qty: '1' }], { receiptId: UNKNOWN }), 422, 'receiptId'],
      ['POST', '/api/purchasing/returns', clerk, returnBody([{ receiptLineId: draftReceipt.lines[0]!.id, qty: '1' }], { receiptId: draftReceipt.id }), 409, 'receiptId'],
      ['POST', '/api/purchasing/returns', clerk, returnBody([{ receiptLineId: draftReceipt.lines[0]!.id, qty: '1' }]), 422, 'lines.0.receiptLineId'],
      ['POST', '/api/purchasing/returns', clerk, returnBody([{ receiptLineId: rl.id, qty: '20.001' }]), 422, 'lines.0.qty'],
      ['POST', `/api/purchasing/returns/${UNKNOWN}/post`, clerk, undefined, 404, 'id'],
      ['POST', '/api/purchasing/returns/x/cancel', clerk, undefined, 400, 'id'],
      ['GET', `/api/purchasing/returns/${UNKNOWN}`, clerk, undefined, 404, 'id'],
      // Suggestions
      ['GET', '/api/purchasing/suggestions', purchaser, undefined, 400, 'warehouseId'],
      ['GET', '/api/purchasing/suggestions?warehouseId=S02-WH', purchaser, undefined, 400, 'warehouseId'],
      ['GET', `/api/purchasing/suggestions?warehouseId=${UNKNOWN}`, purchaser, undefined, 422, 'warehouseId'],
      ['GET', `/api/purchasing/suggestions?warehouseId=${wh.TRANSIT}`, purchaser, undefined, 422, 'warehouseId'],
      ['POST', '/api/purchasing/suggestions/orders', purchaser, { items: [{ productId: P1.id, supplierId: snk!.id, qty: '1' }] }, 400, 'warehouseId'],
      ['POST', '/api/purchasing/suggestions/orders', purchaser, { warehouseId: wh['S02-WH'], items: [] }, 400, 'items'],
      ['POST', '/api/purchasing/suggestions/orders', purchaser, { warehouseId: wh['S02-WH'], items: [{ productId: P1.id, supplierId: snk!.id, qty: '0' }] }, 400, 'items.0.qty'],
      ['POST', '/api/purchasing/suggestions/orders', purchaser, { warehouseId: wh['S02-WH'], items: [{ productId: P1.id, supplierId: snk!.id, qty: '1' }, { productId: P1.id, supplierId: snk!.id, qty: '2' }] }, 400, 'items.1.productId'],
      ['POST', '/api/purchasing/suggestions/orders', purchaser, { warehouseId: wh['S02-WH'], items: [{ productId: P1.id, supplierId: snk!.id, qty: '1' }], exchangeRates: { USD: '-7' } }, 400, 'exchangeRates.USD'],
      ['POST', '/api/purchasing/suggestions/orders', purchaser, { warehouseId: wh.TRANSIT, items: [{ productId: P1.id, supplierId: snk!.id, qty: '1' }] }, 422, 'warehouseId'],
      ['POST', '/api/purchasing/suggestions/orders', purchaser, { warehouseId: wh['S02-WH'], items: [{ productId: P1.id, supplierId: snk!.id, qty: '1' }, { productId: P1.id, supplierId: UNKNOWN, qty: '1' }] }, 422, 'items.1.supplierId'],
      ['POST', '/api/purchasing/suggestions/orders', purchaser, { warehouseId: wh['S02-WH'], items: [{ productId: P2.id, supplierId: snk!.id, qty: '1' }] }, 422, 'items.0.supplierId'],
      ['POST', '/api/purchasing/suggestions/orders', purchaser, { warehouseId: wh['S02-WH'], items: [{ productId: P1.id, supplierId: snk!.id }] }, 422, 'items.0.qty'],
      ['POST', '/api/purchasing/suggestions/orders', purchaser, { warehouseId: wh['S02-WH'], items: [{ productId: P1.id, supplierId: snk!.id, qty: '1' }, { productId: P2.id, supplierId: usd.id, qty: '1' }] }, 422, 'exchangeRates.USD'],
      ['POST', '/api/purchasing/suggestions/orders', purchaser, { warehouseId: wh['S02-WH'], items: [{ productId: P3.id, supplierId: snk!.id, qty: '0.5' }] }, 400, 'items.0.qty'],
    ];

    const before = await h.footprint();
    for (const [method, path, token, payload, status, field] of cases) {
      const res = await t.call(method, path, { token, body: payload });
      const what = `${method} ${path} ${JSON.stringify(payload)}`;
      expect(res.status, what).toBe(status);
      const err = ((await res.json()) as ErrorBody).error;
      expect(err.field, what).toBe(field);
      expect(err.message.length, what).toBeGreaterThan(0);
    }
    expect(await h.footprint()).toEqual(before);
    await h.booksBalance();
  });

  it('answers every purchasing and supplier route with a 4xx, never a 5xx, for empty or unknown input', async () => {
    const owner = await t.login('owner');
    const mine = routeTable.filter((r) => r.path.startsWith('/api/purchasing') || r.path.startsWith('/api/suppliers'));
    expect(mine.length).toBeGreaterThanOrEqual(33);
    const before = await h.footprint();
    for (const r of mine) {
      for (const payload of [{}, [], 'null', { lines: [{}] }]) {
        const path = r.path.replace(/\{[^}]+\}/g, UNKNOWN);
        const res = await t.call(r.method, path, { token: owner, body: r.method === 'GET' ? undefined : payload });
        expect(res.status, `${r.method} ${r.path} ${JSON.stringify(payload)}`).toBeLessThan(500);
        if (res.status >= 400) expect(((await res.json()) as ErrorBody).error.code).toBeTruthy();
      }
    }
    expect(await h.footprint()).toEqual(before);
  });
});
