import { expect, it } from 'vitest';
import { count, eq, like } from 'drizzle-orm';
import { newId, type PullPage, type PushResult } from '@shopbook/shared';
import { describeEachDriver } from '../../../test/databases.ts';
import { useApp } from '../../../test/harness.ts';
import { registerTill, saleEvent } from '../../../test/till.ts';
import { journalEntries, products, sales, stockMoves, users } from '../../db/schema/index.ts';

type Push = { results: PushResult[] };

describeEachDriver('till sync', (driver) => {
  const t = useApp(driver);
  const ids = async () => {
    const db = t.database.db;
    const [cashier] = await db.select().from(users).where(eq(users.username, 'cashier'));
    const list = await db.select().from(products).where(like(products.sku, 'SNK-CHIPS-%')).orderBy(products.sku).limit(2);
    return { cashierId: cashier!.id, a: list[0]!, b: list[1]! };
  };
  const counts = async () => {
    const db = t.database.db;
    return {
      sales: (await db.select({ n: count() }).from(sales))[0]!.n,
      moves: (await db.select({ n: count() }).from(stockMoves))[0]!.n,
      entries: (await db.select({ n: count() }).from(journalEntries))[0]!.n,
    };
  };

  it('registers a till that pulls the catalogue in pages with a cursor, and refuses strangers', async () => {
    const till = await registerTill(t);
    expect(till.token).toMatch(/^till_/);
    let since = 0;
    let total = 0;
    for (let i = 0; i < 10; i++) {
      const page = (await (await t.call('GET', `/api/sync/pull/products?since=${since}&limit=100`, { token: till.token })).json()) as PullPage;
      total += page.rows.length;
      since = page.cursor;
      if (!page.more) break;
    }
    expect(total).toBe(302);
    const again = (await (await t.call('GET', `/api/sync/pull/products?since=${since}`, { token: till.token })).json()) as PullPage;
    expect(again.rows).toEqual([]);
    const cashiers = (await (await t.call('GET', '/api/sync/pull/cashiers', { token: till.token })).json()) as PullPage;
    const names = (cashiers.rows as { username: string; pinHash: string }[]).map((c) => c.username).sort();
    expect(names).toEqual(['cashier', 'manager', 'owner']);
    expect((cashiers.rows as { pinHash: string }[]).every((c) => c.pinHash.startsWith('pbkdf2-sha256$'))).toBe(true);
    const store = (await (await t.call('GET', '/api/sync/pull/store', { token: till.token })).json()) as PullPage;
    expect(store.rows).toHaveLength(1);

    expect((await t.call('GET', '/api/sync/pull/products')).status).toBe(401);
    const userToken = await t.login('manager');
    expect((await t.call('GET', '/api/sync/pull/products', { token: userToken })).status).toBe(401);
    expect((await t.call('GET', '/api/sync/pull/nothing', { token: till.token })).status).toBe(400);
  });

  it('sends archived products as tombstones after the cursor', async () => {
    const till = await registerTill(t);
    const first = (await (await t.call('GET', '/api/sync/pull/products?limit=5000', { token: till.token })).json()) as PullPage;
    const { a } = await ids();
    const manager = await t.login('manager');
    const current = (await (await t.call('GET', `/api/catalogue/products/${a.id}`, { token: manager })).json()) as Record<string, unknown>;
    const { id: _id, categoryName: _c, taxRateBasisPoints: _t, storePrices: _s, revision: _r, updatedAt: _u, ...input } = current;
    expect((await t.call('PUT', `/api/catalogue/products/${a.id}`, { token: manager, body: { ...input, status: 'archived' } })).status).toBe(200);
    const delta = (await (await t.call('GET', `/api/sync/pull/products?since=${first.cursor}`, { token: till.token })).json()) as PullPage;
    expect(delta.tombstones).toEqual([a.id]);
    await t.call('PUT', `/api/catalogue/products/${a.id}`, { token: manager, body: { ...input, status: 'active' } });
  });

  it('applies a sale once however often and however concurrently it is pushed', async () => {
    const till = await registerTill(t);
    const { cashierId, a, b } = await ids();
    const event = saleEvent(till, 1, cashierId, [
      { productId: a.id, qty: '2', unitPrice: 450, taxRateBp: 1300 },
      { productId: b.id, qty: '1', unitPrice: 810, taxRateBp: 1300, discount: 10 },
    ], { payments: (g) => [{ tender: 'cash', amount: 1000, tendered: 1000, reference: null }, { tender: 'card', amount: g - 1000, tendered: null, reference: 'pos-889' }] });
    const before = await counts();
    const first = (await (await t.call('POST', '/api/sync/push', { token: till.token, body: { events: [event] } })).json()) as Push;
    expect(first.results).toEqual([{ id: event.id, status: 'applied', flagged: true }]); // stock went negative: flagged, not refused
    const after = await counts();
    expect(after).toEqual({ sales: before.sales + 1, moves: before.moves + 2, entries: before.entries + 1 });

    for (let i = 0; i < 4; i++) {
      const again = (await (await t.call('POST', '/api/sync/push', { token: till.token, body: { events: [event] } })).json()) as Push;
      expect(again.results[0]!.status).toBe('duplicate');
    }
    const concurrent = await Promise.all(
      Array.from({ length: 5 }, () => t.call('POST', '/api/sync/push', { token: till.token, body: { events: [event] } }).then((r) => r.json() as Promise<Push>)),
    );
    expect(concurrent.map((r) => r.results[0]!.status)).toEqual(Array(5).fill('duplicate'));
    expect(await counts()).toEqual(after);

    const tampered = { ...event, payload: { ...event.payload, receiptNo: 'T-other' } };
    const conflict = (await (await t.call('POST', '/api/sync/push', { token: till.token, body: { events: [tampered] } })).json()) as Push;
    expect(conflict.results[0]).toMatchObject({ status: 'rejected', reason: expect.stringContaining('different content') });
    expect(await counts()).toEqual(after);

    const owner = await t.login('owner');
    const check = (await (await t.call('GET', '/api/inventory/ledger-check', { token: owner })).json()) as { ok: boolean };
    expect(check.ok).toBe(true);
    const tb = (await (await t.call('GET', '/api/finance/trial-balance', { token: owner })).json()) as { totals: { debit: number; credit: number }; rows: { accountCode: string; balance: number }[] };
    expect(tb.totals.debit).toBe(tb.totals.credit);
    const list = (await (await t.call('GET', `/api/sales?storeId=${till.storeId}`, { token: owner })).json()) as { items: { receiptNo: string; gross: number }[] };
    expect(list.items.map((s) => s.receiptNo)).toContain('T-1');
  });

  it('keeps a sale whose figures do not add up as a rejected event a manager can void, changing no stock', async () => {
    const till = await registerTill(t);
    const { cashierId, a } = await ids();
    const event = saleEvent(till, 1, cashierId, [{ productId: a.id, qty: '1', unitPrice: 450, taxRateBp: 1300 }]);
    event.payload.lines[0]!.tax += 1;
    const before = await counts();
    const res = (await (await t.call('POST', '/api/sync/push', { token: till.token, body: { events: [event] } })).json()) as Push;
    expect(res.results[0]).toMatchObject({ status: 'rejected', reason: expect.stringContaining('do not add up') });
    expect(await counts()).toEqual(before);
    const manager = await t.login('manager');
    const conflicts = (await (await t.call('GET', '/api/sync/conflicts', { token: manager })).json()) as { items: { id: string }[] };
    expect(conflicts.items.map((c) => c.id)).toContain(event.id);
    const fixed = saleEvent(till, 1, cashierId, [{ productId: a.id, qty: '1', unitPrice: 450, taxRateBp: 1300 }], { saleId: event.id });
    const reapplied = await t.call('POST', `/api/sync/conflicts/${event.id}/resolve`, { token: manager, body: { action: 'reapply', payload: fixed.payload } });
    expect(await reapplied.json()).toMatchObject({ status: 'applied' });
    expect((await counts()).sales).toBe(before.sales + 1);
    expect((await t.call('POST', `/api/sync/conflicts/${event.id}/resolve`, { token: manager, body: { action: 'void' } })).status).toBe(409);
  });

  it('takes a return of part of a sale back at its cost, and refuses returning more than was sold', async () => {
    const till = await registerTill(t);
    const { cashierId, a } = await ids();
    const sale = saleEvent(till, 10, cashierId, [{ productId: a.id, qty: '3', unitPrice: 450, taxRateBp: 1300 }]);
    await t.call('POST', '/api/sync/push', { token: till.token, body: { events: [sale] } });
    const line = sale.payload.lines[0]!;
    const ret = (qty: string, gross: number, net: number) => {
      const returnId = newId();
      return {
        id: returnId, deviceId: till.deviceId, seq: 11, type: 'return' as const, occurredAt: new Date('2026-03-02T11:00:00Z').toISOString(),
        payload: {
          v: 1, returnId, receiptNo: 'R-1', originalSaleId: sale.id, storeId: till.storeId, warehouseId: till.warehouseId, cashierId, shiftId: null,
          reason: 'broken bag', approvedBy: null,
          lines: [{ lineId: newId(), originalLineId: line.lineId, productId: a.id, qty, taxRateBp: 1300, net, tax: gross - net, gross }],
          totals: { net, tax: gross - net, gross }, refunds: [{ tender: 'cash', amount: gross, tendered: null, reference: null }],
        },
      };
    };
    const ok = (await (await t.call('POST', '/api/sync/push', { token: till.token, body: { events: [ret('2', 900, 796)] } })).json()) as Push;
    expect(ok.results[0]!.status).toBe('applied');
    const tooMany = (await (await t.call('POST', '/api/sync/push', { token: till.token, body: { events: [ret('2', 900, 796)] } })).json()) as Push;
    expect(tooMany.results[0]).toMatchObject({ status: 'rejected', reason: expect.stringContaining('more than was sold') });
    const owner = await t.login('owner');
    expect(((await (await t.call('GET', '/api/inventory/ledger-check', { token: owner })).json()) as { ok: boolean }).ok).toBe(true);
  });

  it('accepts sales for a closed shift, flagged, and books the cash difference at close', async () => {
    const till = await registerTill(t);
    const { cashierId, a } = await ids();
    const shiftId = newId();
    const base = { deviceId: till.deviceId, occurredAt: new Date('2026-03-02T08:00:00Z').toISOString() };
    const open = { ...base, id: shiftId, seq: 20, type: 'shift_open' as const, payload: { v: 1, shiftId, storeId: till.storeId, cashierId, openingFloat: 20000 } };
    const closeId = newId();
    const close = {
      ...base, id: closeId, seq: 21, type: 'shift_close' as const,
      payload: { v: 1, shiftId, storeId: till.storeId, cashierId, counted: [{ tender: 'cash', amount: 19950 }], expected: [{ tender: 'cash', amount: 20000 }], zReport: { sales: 0 } },
    };
    const res = (await (await t.call('POST', '/api/sync/push', { token: till.token, body: { events: [open, close] } })).json()) as Push;
    expect(res.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    const late = saleEvent(till, 22, cashierId, [{ productId: a.id, qty: '1', unitPrice: 450, taxRateBp: 1300 }], { shiftId });
    const lateRes = (await (await t.call('POST', '/api/sync/push', { token: till.token, body: { events: [late] } })).json()) as Push;
    expect(lateRes.results[0]).toMatchObject({ status: 'applied', flagged: true });
    const owner = await t.login('owner');
    const tb = (await (await t.call('GET', '/api/finance/trial-balance', { token: owner })).json()) as { rows: { accountCode: string; balance: number }[] };
    expect(tb.rows.find((r) => r.accountCode === '6603')!.balance).toBe(50);
  });

  it('answers a malformed push with 400 naming the field and changes nothing', async () => {
    const till = await registerTill(t);
    const before = await counts();
    const res = await t.call('POST', '/api/sync/push', { token: till.token, body: { events: [{ id: 'x', deviceId: till.deviceId, seq: 1, type: 'sale', occurredAt: 'now', payload: {} }] } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { field: string } }).error.field).toBe('events.0.id');
    expect(await counts()).toEqual(before);
  });
});
