import { expect, it } from 'vitest';
import { eq, like } from 'drizzle-orm';
import { newId, type PushResult, type Receipt, type SerialDetail, type SerialUnit, type Transfer } from '@shopbook/shared';
import { describeEachDriver } from '../../../test/databases.ts';
import { useApp } from '../../../test/harness.ts';
import { registerTill, saleEvent } from '../../../test/till.ts';
import { products, sales, serialMoves, stockLevels, users, warehouses } from '../../db/schema/index.ts';

type Push = { results: PushResult[] };

describeEachDriver('serial numbers', (driver) => {
  const t = useApp(driver);
  const setup = async () => {
    const db = t.database.db;
    const [first] = await db.select({ id: products.id }).from(products).where(like(products.sku, 'SNK-CHIPS-%')).orderBy(products.sku).limit(1);
    const [phone] = await db.update(products).set({ serialTracked: true }).where(eq(products.id, first!.id)).returning();
    const [cashier] = await db.select().from(users).where(eq(users.username, 'cashier'));
    const till = await registerTill(t);
    return { phone: phone!, cashierId: cashier!.id, till, clerk: await t.login('clerk'), manager: await t.login('manager') };
  };
  const receive = async (token: string, warehouseId: string, productId: string, qty: string, serials?: string[]) => {
    const res = await t.call('POST', '/api/inventory/receipts', { token, body: { warehouseId, lines: [{ productId, qty, unitCost: '1000', ...(serials ? { serials } : {}) }] } });
    return { res, body: (await res.json()) as Receipt & { error?: { field: string; message: string } } };
  };
  const find = async (token: string, query: string) =>
    ((await (await t.call('GET', `/api/inventory/serials?${query}`, { token })).json()) as { items: SerialUnit[] }).items;

  it('receives units by serial, refuses a receipt without them or with a unit already in stock, and changes nothing then', async () => {
    const { phone, till, clerk } = await setup();
    const missing = await receive(clerk, till.warehouseId, phone.id, '2');
    expect(missing.res.status).toBe(400);
    expect(missing.body.error).toMatchObject({ field: 'lines.0.serials', message: expect.stringContaining('2 needed, 0 given') });
    const twice = await receive(clerk, till.warehouseId, phone.id, '2', ['sn-1', 'SN-1']);
    expect(twice.res.status).toBe(400);
    expect(twice.body.error!.message).toContain('listed twice');

    const ok = await receive(clerk, till.warehouseId, phone.id, '2', [' sn-1 ', 'sn-2']);
    expect(ok.res.status).toBe(201);
    expect(ok.body.lines[0]!.serials).toEqual(['SN-1', 'SN-2']);
    expect((await t.call('POST', `/api/inventory/receipts/${ok.body.id}/post`, { token: clerk })).status).toBe(200);
    expect((await find(clerk, 'q=sn-')).map((u) => [u.serial, u.state, u.warehouseId])).toEqual([
      ['SN-1', 'in_stock', till.warehouseId],
      ['SN-2', 'in_stock', till.warehouseId],
    ]);

    const again = await receive(clerk, till.warehouseId, phone.id, '1', ['SN-2']);
    expect(again.res.status).toBe(201);
    const refused = await t.call('POST', `/api/inventory/receipts/${again.body.id}/post`, { token: clerk });
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({ error: { field: 'lines.0.serials', message: expect.stringContaining('SN-2 is already in stock') } });
    const [level] = await t.database.db.select().from(stockLevels).where(eq(stockLevels.productId, phone.id));
    expect(Number(level!.qty)).toBe(2);
    expect(await t.database.db.select().from(serialMoves)).toHaveLength(2);
  });

  it('follows a unit from receipt to a till sale, a return and a write-off, with the document behind every move', async () => {
    const { phone, till, clerk, manager, cashierId } = await setup();
    const receipt = await receive(clerk, till.warehouseId, phone.id, '2', ['IMEI-100', 'IMEI-200']);
    await t.call('POST', `/api/inventory/receipts/${receipt.body.id}/post`, { token: clerk });

    const sale = saleEvent(till, 1, cashierId, [{ productId: phone.id, qty: '1', unitPrice: 1999, taxRateBp: 1300, serials: ['IMEI-100'] }]);
    const pushed = (await (await t.call('POST', '/api/sync/push', { token: till.token, body: { events: [sale] } })).json()) as Push;
    expect(pushed.results[0]!.status).toBe('applied');
    expect((await t.database.db.select().from(sales).where(eq(sales.id, sale.id)))[0]!.flag).toBeNull();
    const [sold] = await find(clerk, 'q=IMEI-100');
    expect(sold).toMatchObject({ state: 'out', warehouseId: null });

    // The same unit sold again (two tills offline): the sale stands, flagged, the unit's history says so.
    const twice = saleEvent(till, 2, cashierId, [{ productId: phone.id, qty: '1', unitPrice: 1999, taxRateBp: 1300, serials: ['IMEI-100'] }]);
    expect(((await (await t.call('POST', '/api/sync/push', { token: till.token, body: { events: [twice] } })).json()) as Push).results[0]!.status).toBe('applied');
    expect((await t.database.db.select().from(sales).where(eq(sales.id, twice.id)))[0]!.flag).toBe('serial_problem');

    const line = sale.payload.lines[0]!;
    const returnId = newId();
    const ret = {
      id: returnId, deviceId: till.deviceId, seq: 3, type: 'return' as const, occurredAt: new Date('2026-03-02T11:00:00Z').toISOString(),
      payload: {
        v: 1, returnId, receiptNo: 'R-1', originalSaleId: sale.id, storeId: till.storeId, warehouseId: till.warehouseId, cashierId, shiftId: null,
        reason: 'changed mind', approvedBy: null,
        lines: [{ lineId: newId(), originalLineId: line.lineId, productId: phone.id, qty: '1', serials: ['imei-100'], taxRateBp: 1300, net: line.net, tax: line.tax, gross: line.gross }],
        totals: { net: line.net, tax: line.tax, gross: line.gross }, refunds: [{ tender: 'cash', amount: line.gross, tendered: null, reference: null }],
      },
    };
    expect(((await (await t.call('POST', '/api/sync/push', { token: till.token, body: { events: [ret] } })).json()) as Push).results[0]!.status).toBe('applied');
    expect((await find(clerk, 'q=IMEI-100'))[0]).toMatchObject({ state: 'in_stock', warehouseId: till.warehouseId });

    const adj = await t.call('POST', '/api/inventory/adjustments', {
      token: manager, body: { warehouseId: till.warehouseId, reason: 'damage', lines: [{ productId: phone.id, qty: '-1', serials: ['IMEI-200'] }] },
    });
    expect(adj.status).toBe(201);
    const adjId = ((await adj.json()) as { id: string }).id;
    expect((await t.call('POST', `/api/inventory/adjustments/${adjId}/post`, { token: manager })).status).toBe(200);
    expect((await find(clerk, 'q=imei&state=in_stock')).map((u) => u.serial)).toEqual(['IMEI-100']);

    const unit = (await find(clerk, 'q=IMEI-100'))[0]!;
    const detail = (await (await t.call('GET', `/api/inventory/serials/${unit.id}`, { token: clerk })).json()) as SerialDetail;
    expect(detail.history.map((h) => [h.docType, h.direction, h.problem !== null])).toEqual([
      ['stock_receipt', 1, false],
      ['sale', -1, false],
      ['sale', -1, true],
      ['sale_return', 1, false],
    ]);
    expect(detail.history.map((h) => h.docId)).toEqual([receipt.body.id, sale.id, twice.id, returnId]);

    const owner = await t.login('owner');
    expect(((await (await t.call('GET', '/api/inventory/ledger-check', { token: owner })).json()) as { ok: boolean }).ok).toBe(true);
    expect((await t.call('GET', `/api/inventory/serials/${newId()}`, { token: clerk })).status).toBe(404);
    expect((await t.call('GET', '/api/inventory/serials?state=lost', { token: clerk })).status).toBe(400);
  });

  it('sends units through transit: a unit that does not arrive is written off by its serial, the rest land where they were sent', async () => {
    const { phone, till, clerk } = await setup();
    const [dest] = await t.database.db.select().from(warehouses).where(eq(warehouses.code, 'S02-WH'));
    const receipt = await receive(clerk, till.warehouseId, phone.id, '3', ['T-1', 'T-2', 'T-3']);
    await t.call('POST', `/api/inventory/receipts/${receipt.body.id}/post`, { token: clerk });

    const noSerials = await t.call('POST', '/api/inventory/transfers', {
      token: clerk, body: { fromWarehouseId: till.warehouseId, toWarehouseId: dest!.id, lines: [{ productId: phone.id, qty: '3' }] },
    });
    expect(noSerials.status).toBe(400);
    expect(await noSerials.json()).toMatchObject({ error: { field: 'lines.0.serials' } });
    const draft = await t.call('POST', '/api/inventory/transfers', {
      token: clerk, body: { fromWarehouseId: till.warehouseId, toWarehouseId: dest!.id, lines: [{ productId: phone.id, qty: '3', serials: ['T-1', 'T-2', 'T-3'] }] },
    });
    expect(draft.status).toBe(201);
    const transfer = (await draft.json()) as Transfer;
    expect((await t.call('POST', `/api/inventory/transfers/${transfer.id}/ship`, { token: clerk })).status).toBe(200);
    expect((await find(clerk, 'q=T-')).every((u) => u.warehouseCode === 'TRANSIT')).toBe(true);

    const lineId = transfer.lines[0]!.id;
    const unnamed = await t.call('POST', `/api/inventory/transfers/${transfer.id}/receive`, { token: clerk, body: { lines: [{ lineId, qtyReceived: '2' }] } });
    expect(unnamed.status).toBe(400);
    expect(await unnamed.json()).toMatchObject({ error: { field: 'lines.0.serials', message: expect.stringContaining('2 needed, 0 given') } });
    const stranger = await t.call('POST', `/api/inventory/transfers/${transfer.id}/receive`, { token: clerk, body: { lines: [{ lineId, qtyReceived: '1', serials: ['T-9'] }] } });
    expect(stranger.status).toBe(400);
    const received = await t.call('POST', `/api/inventory/transfers/${transfer.id}/receive`, {
      token: clerk, body: { lines: [{ lineId, qtyReceived: '2', serials: ['t-1', 't-3'] }] },
    });
    expect(received.status).toBe(200);
    expect(((await received.json()) as Transfer).lines[0]).toMatchObject({ discrepancy: '-1', serialsReceived: ['T-1', 'T-3'] });
    expect((await find(clerk, 'q=T-')).map((u) => [u.serial, u.state, u.warehouseCode])).toEqual([
      ['T-1', 'in_stock', 'S02-WH'],
      ['T-2', 'out', null],
      ['T-3', 'in_stock', 'S02-WH'],
    ]);
    const owner = await t.login('owner');
    expect(((await (await t.call('GET', '/api/inventory/ledger-check', { token: owner })).json()) as { ok: boolean }).ok).toBe(true);
  });
});
