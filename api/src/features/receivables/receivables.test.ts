import { expect, it } from 'vitest';
import { asc, eq, like, sql } from 'drizzle-orm';
import type { CustomerInvoice, CustomerPayment, ReceivablesAgingRow, SalesOrder, StatementEntry } from '@shopbook/shared';
import { describeEachDriver } from '../../../test/databases.ts';
import { useApp } from '../../../test/harness.ts';
import { registerTill, saleEvent } from '../../../test/till.ts';
import { rows } from '../../db/rows.ts';
import { customers, products, stores, users, warehouses } from '../../db/schema/index.ts';
import { body, helpers, type ErrorBody } from '../purchasing/test-support.ts';

/**
 * The wholesale cycle: quotation → confirm (reservation) → two partial shipments →
 * invoice → partial payment → credit note for goods sent back → final payment, with
 * stock, reservations, cost of goods sold, receivables and the trial balance exact at
 * each step; gapless invoice numbers under concurrent issuing; an invoice for a till sale.
 */
describeEachDriver('receivables: invoices, credit notes, payments', (driver) => {
  const t = useApp(driver);
  const h = helpers(t);

  const setup = async () => {
    const db = t.database.db;
    const [wh] = await db.select().from(warehouses).where(eq(warehouses.code, 'S01-WH'));
    const [store] = await db.select().from(stores).where(eq(stores.code, 'S01'));
    const [a] = await db.select().from(products).where(like(products.sku, 'SNK-CHIPS-%')).orderBy(asc(products.sku)).limit(1);
    const [c1] = await db.select().from(customers).orderBy(asc(customers.code)).limit(1);
    const manager = await t.login('manager');
    const adj = await body<{ id: string }>(t.call('POST', '/api/inventory/adjustments', {
      token: manager, body: { warehouseId: wh!.id, reason: 'found', lines: [{ productId: a!.id, qty: '20', unitCost: '300' }] },
    }));
    await t.call('POST', `/api/inventory/adjustments/${adj.id}/post`, { token: manager });
    return { wh: wh!.id, store: store!.id, a: a!, customer: c1!, manager };
  };
  const receivables = async () => {
    const tb = await body<{ rows: { accountCode: string; balance: number }[] }>(t.call('GET', '/api/finance/trial-balance', { token: await t.login('owner') }));
    const bal = (code: string) => tb.rows.find((r) => r.accountCode === code)?.balance ?? 0;
    return { ar: bal('1122'), revenue: bal('6001'), outputTax: bal('222101'), bank: bal('1002') };
  };

  it('runs quotation to final payment with stock, cost, receivables and the books exact at each step', async () => {
    const { wh, store, a, customer, manager } = await setup();
    const arBefore = (await receivables()).ar;
    const order = await body<SalesOrder>(t.call('POST', '/api/sales-orders', {
      token: manager, body: { customerId: customer.id, warehouseId: wh, lines: [{ productId: a.id, qty: '10', price: 1000, taxRateBp: 1300 }] },
    }));
    const confirmed = await body<SalesOrder>(t.call('POST', `/api/sales-orders/${order.id}/confirm`, { token: manager }));
    expect(confirmed.lines[0]!.qtyReserved).toBe('10');
    const line = confirmed.lines[0]!;
    await body(t.call('POST', `/api/sales-orders/${order.id}/shipments`, { token: manager, body: { lines: [{ lineId: line.id, qty: '4' }] } }));
    const shipped = await body<SalesOrder>(t.call('POST', `/api/sales-orders/${order.id}/shipments`, { token: manager, body: { lines: [{ lineId: line.id, qty: '6' }] } }));
    expect(shipped).toMatchObject({ status: 'shipped', billing: 'not_invoiced' });
    expect(shipped.lines[0]).toMatchObject({ qtyShipped: '10', qtyReserved: '0', cost: 3000 });
    let books = await h.booksBalance();
    expect([books.inventory, books.cogs]).toEqual([3000, 3000]);

    // Invoice all ten: 100.00 + 13.00 VAT.
    const over = await t.call('POST', '/api/receivables/invoices', {
      token: manager, body: { customerId: customer.id, storeId: store, invoiceDate: '2026-03-02', lines: [{ orderLineId: line.id, qty: '11' }] },
    });
    expect(over.status).toBe(422);
    expect(((await over.json()) as ErrorBody).error.field).toBe('lines.0.qty');
    const invoice = await body<CustomerInvoice>(t.call('POST', '/api/receivables/invoices', {
      token: manager, body: { customerId: customer.id, storeId: store, invoiceDate: '2026-03-02', lines: [{ orderLineId: line.id, qty: '10' }] },
    }));
    expect(invoice).toMatchObject({ kind: 'invoice', number: 'INV-S01-2026-000001', net: 10_000, tax: 1300, gross: 11_300, open: 11_300 });
    expect(invoice.byRate).toEqual([{ taxRateBp: 1300, net: 10_000, tax: 1300 }]);
    let r = await receivables();
    expect(r.ar - arBefore).toBe(11_300);

    // A partial payment, then 3 come back broken: a credit note takes them into stock at the cost they left with.
    const accountant = await t.login('accountant');
    await body<CustomerPayment>(t.call('POST', '/api/receivables/payments', {
      token: accountant, body: { customerId: customer.id, paymentDate: '2026-03-03', method: 'bank', amount: 5000, allocations: [{ invoiceId: invoice.id, amount: 5000 }] },
    }));
    const credit = await body<CustomerInvoice>(t.call('POST', `/api/receivables/invoices/${invoice.id}/credit`, {
      token: manager, body: { reason: 'three bags torn', creditDate: '2026-03-04', lines: [{ invoiceLineId: invoice.lines[0]!.id, qty: '3' }] },
    }));
    expect(credit).toMatchObject({ kind: 'credit_note', number: 'CN-S01-2026-000001', net: 3000, tax: 390, gross: 3390, open: 0 });
    expect((await h.level(a.id, wh)).qty).toBe(13);
    books = await h.booksBalance();
    expect([books.inventory, books.cogs]).toEqual([3900, 2100]);
    const afterCredit = await body<CustomerInvoice>(t.call('GET', `/api/receivables/invoices/${invoice.id}`, { token: manager }));
    expect(afterCredit).toMatchObject({ open: 11_300 - 5000 - 3390 });
    expect(afterCredit.lines[0]!.qtyCredited).toBe('3');
    const tooMuch = await t.call('POST', `/api/receivables/invoices/${invoice.id}/credit`, {
      token: manager, body: { reason: 'again', creditDate: '2026-03-04', lines: [{ invoiceLineId: invoice.lines[0]!.id, qty: '8' }] },
    });
    expect(tooMuch.status).toBe(422);

    // Aging before the final payment, and the final payment with 1.00 paid too much, kept as credit.
    const aging = await body<{ items: ReceivablesAgingRow[] }>(t.call('GET', '/api/receivables/aging?asOf=2026-03-04', { token: accountant }));
    expect(aging.items.find((x) => x.customerId === customer.id)).toMatchObject({ total: 2910 });
    const final = await body<CustomerPayment>(t.call('POST', '/api/receivables/payments', {
      token: accountant, body: { customerId: customer.id, paymentDate: '2026-03-05', method: 'bank', amount: 3010, allocations: [{ invoiceId: invoice.id, amount: 2910 }] },
    }));
    expect(final.unallocated).toBe(100);
    r = await receivables();
    expect(r.ar - arBefore).toBe(-100);
    const after = await body<{ items: ReceivablesAgingRow[] }>(t.call('GET', '/api/receivables/aging?asOf=2026-03-05', { token: accountant }));
    expect(after.items.find((x) => x.customerId === customer.id)).toMatchObject({ credit: 100, total: -100 });
    // Shipped, invoiced and paid: the order says so, and the list finds it by that.
    expect(await body<SalesOrder>(t.call('GET', `/api/sales-orders/${order.id}`, { token: manager }))).toMatchObject({ status: 'shipped', billing: 'paid' });
    const paid = await body<{ items: SalesOrder[] }>(t.call('GET', '/api/sales-orders?billing=paid', { token: manager }));
    expect(paid.items.map((o) => o.id)).toContain(order.id);
    const unbilled = await body<{ items: SalesOrder[] }>(t.call('GET', '/api/sales-orders?billing=not_invoiced', { token: manager }));
    expect(unbilled.items.map((o) => o.id)).not.toContain(order.id);
    expect((await t.call('GET', '/api/sales-orders?billing=settled', { token: manager })).status).toBe(400);
    const balance = await body<{ balance: number; payments: number }>(t.call('GET', `/api/customers/${customer.id}/balance`, { token: manager }));
    expect(balance).toMatchObject({ payments: 8010 });
    const statement = await body<{ items: StatementEntry[] }>(t.call('GET', `/api/receivables/customers/${customer.id}/statement`, { token: manager }));
    expect(statement.items.map((e) => [e.kind, e.amount, e.balance])).toEqual([
      ['invoice', 11_300, 11_300], ['payment', -5000, 6300], ['credit_note', -3390, 2910], ['payment', -3010, -100],
    ]);
    await h.booksBalance();
  });

  it('applies a payment’s credit to a later invoice without a journal entry, never more than the credit or the invoice', async () => {
    const { wh, store, a, customer, manager } = await setup();
    const accountant = await t.login('accountant');
    // 50.00 paid in advance: all of it credit.
    const advance = await body<CustomerPayment>(t.call('POST', '/api/receivables/payments', {
      token: accountant, body: { customerId: customer.id, paymentDate: '2026-04-01', method: 'bank', amount: 5000 },
    }));
    expect(advance.unallocated).toBe(5000);
    const credits = await body<{ items: CustomerPayment[] }>(t.call('GET', `/api/receivables/credits?customerId=${customer.id}`, { token: accountant }));
    expect(credits.items.map((p) => p.id)).toContain(advance.id);

    // Then an invoice of 3 × 10.00 + 13 % = 33.90.
    const order = await body<SalesOrder>(t.call('POST', '/api/sales-orders', {
      token: manager, body: { customerId: customer.id, warehouseId: wh, lines: [{ productId: a.id, qty: '3', price: 1000, taxRateBp: 1300 }] },
    }));
    await t.call('POST', `/api/sales-orders/${order.id}/confirm`, { token: manager });
    const shipped = await body<SalesOrder>(t.call('POST', `/api/sales-orders/${order.id}/shipments`, { token: manager, body: { lines: [{ lineId: order.lines[0]!.id, qty: '3' }] } }));
    const invoice = await body<CustomerInvoice>(t.call('POST', '/api/receivables/invoices', {
      token: manager, body: { customerId: customer.id, storeId: store, invoiceDate: '2026-04-02', lines: [{ orderLineId: shipped.lines[0]!.id, qty: '3' }] },
    }));
    expect(invoice.gross).toBe(3390);
    const entries = async () => (await rows<{ n: string | number }>(t.database.db, sql`SELECT count(*) AS n FROM journal_entries`))[0]!.n;
    const before = { entries: await entries(), ar: (await receivables()).ar };

    const refusals: [unknown, string][] = [
      [{ allocations: [] }, 'allocations'],
      [{ allocations: [{ invoiceId: invoice.id, amount: 3391 }] }, 'allocations.0.amount'],
      [{ allocations: [{ invoiceId: advance.id, amount: 100 }] }, 'allocations.0.invoiceId'],
    ];
    for (const [input, field] of refusals) {
      const res = await t.call('POST', `/api/receivables/payments/${advance.id}/apply`, { token: accountant, body: input });
      expect([400, 422], field).toContain(res.status);
      expect(((await res.json()) as ErrorBody).error.field).toBe(field);
    }
    expect((await t.call('POST', `/api/receivables/payments/${advance.id}/apply`, { token: manager.replace(/./g, 'x'), body: { allocations: [{ invoiceId: invoice.id, amount: 1 }] } })).status).toBe(401);

    const applied = await body<CustomerPayment>(t.call('POST', `/api/receivables/payments/${advance.id}/apply`, {
      token: accountant, body: { allocations: [{ invoiceId: invoice.id, amount: 3390 }] },
    }));
    expect(applied.unallocated).toBe(1610);
    expect(applied.allocations).toEqual([{ invoiceId: invoice.id, invoiceNumber: invoice.number, amount: 3390 }]);
    const settled = await body<CustomerInvoice>(t.call('GET', `/api/receivables/invoices/${invoice.id}`, { token: accountant }));
    expect(settled.open).toBe(0);
    // Only which invoices the money settles changed: no entry, receivables unchanged.
    expect(await entries()).toBe(before.entries);
    expect((await receivables()).ar).toBe(before.ar);
    // What is left cannot pay more than its credit.
    const more = await t.call('POST', `/api/receivables/payments/${advance.id}/apply`, { token: accountant, body: { allocations: [{ invoiceId: invoice.id, amount: 1 }] } });
    expect(more.status).toBe(422);
    expect((await t.call('POST', `/api/receivables/payments/${invoice.id}/apply`, { token: accountant, body: { allocations: [{ invoiceId: invoice.id, amount: 1 }] } })).status).toBe(404);
    await h.booksBalance();
  });

  it('numbers twenty invoices issued at once without gaps or repeats', async () => {
    const { wh, store, a, customer, manager } = await setup();
    const order = await body<SalesOrder>(t.call('POST', '/api/sales-orders', {
      token: manager, body: { customerId: customer.id, warehouseId: wh, lines: [{ productId: a.id, qty: '20', price: 100 }] },
    }));
    await t.call('POST', `/api/sales-orders/${order.id}/confirm`, { token: manager });
    const shipped = await body<SalesOrder>(t.call('POST', `/api/sales-orders/${order.id}/shipments`, { token: manager, body: { lines: [{ lineId: order.lines[0]!.id, qty: '20' }] } }));
    const lineId = shipped.lines[0]!.id;
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        t.call('POST', '/api/receivables/invoices', { token: manager, body: { customerId: customer.id, storeId: store, invoiceDate: '2027-01-05', lines: [{ orderLineId: lineId, qty: '1' }] } }),
      ),
    );
    expect(results.map((x) => x.status)).toEqual(Array(20).fill(201));
    const numbers = (await Promise.all(results.map((x) => x.json() as Promise<CustomerInvoice>))).map((i) => i.number).sort();
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => `INV-S01-2027-${String(i + 1).padStart(6, '0')}`));
    const [invoiced] = await rows<{ n: string | number }>(t.database.db, sql`SELECT qty_invoiced::int AS n FROM sales_order_lines WHERE id = ${lineId}`);
    expect(Number(invoiced!.n)).toBe(20);
  });

  it('invoices a till sale later for its customer without touching the books, once', async () => {
    const { customer, manager } = await setup();
    const db = t.database.db;
    const till = await registerTill(t, 'S01');
    const [cashier] = await db.select().from(users).where(eq(users.username, 'cashier'));
    const [p] = await db.select().from(products).where(like(products.sku, 'SNK-CHIPS-%')).orderBy(asc(products.sku)).limit(1);
    const sale = saleEvent(till, 1, cashier!.id, [{ productId: p!.id, qty: '2', unitPrice: 565, taxRateBp: 1300 }]);
    await t.call('POST', '/api/sync/push', { token: till.token, body: { events: [sale] } });
    const before = await receivables();
    const noCustomer = await t.call('POST', '/api/receivables/invoices/from-sale', { token: manager, body: { saleId: sale.id, invoiceDate: '2026-03-02' } });
    expect(noCustomer.status).toBe(400);
    expect(((await noCustomer.json()) as ErrorBody).error.field).toBe('customerId');
    const inv = await body<CustomerInvoice>(t.call('POST', '/api/receivables/invoices/from-sale', { token: manager, body: { saleId: sale.id, customerId: customer.id, invoiceDate: '2026-03-02' } }));
    expect(inv).toMatchObject({ source: 'till_sale', gross: 1130, tax: 130, open: 0, buyerTitle: expect.any(String) });
    expect(await receivables()).toEqual(before);
    expect((await t.call('POST', '/api/receivables/invoices/from-sale', { token: manager, body: { saleId: sale.id, customerId: customer.id, invoiceDate: '2026-03-02' } })).status).toBe(409);
    expect((await t.call('POST', `/api/receivables/invoices/${inv.id}/credit`, { token: manager, body: { reason: 'x', creditDate: '2026-03-02', lines: [{ invoiceLineId: inv.lines[0]!.id, qty: '1' }] } })).status).toBe(422);
  });

  it('refuses bad input at every endpoint naming the field, and changes nothing', async () => {
    const { store, customer, manager } = await setup();
    const accountant = await t.login('accountant');
    const footprint = async () =>
      (await rows<{ s: string }>(t.database.db, sql`SELECT concat_ws('|', (SELECT count(*) FROM customer_invoices), (SELECT count(*) FROM customer_payments),
        (SELECT count(*) FROM journal_entries), (SELECT coalesce(sum(qty_invoiced), 0) FROM sales_order_lines)) AS s`))[0]!.s;
    const before = await footprint();
    const nobody = '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a21';
    const cases: [string, string, string, object | undefined, number, string][] = [
      [manager, 'POST', '/api/receivables/invoices', { customerId: 'x', storeId: store, invoiceDate: '2026-03-02', lines: [{ orderLineId: nobody, qty: '1' }] }, 400, 'customerId'],
      [manager, 'POST', '/api/receivables/invoices', { customerId: customer.id, storeId: store, invoiceDate: '2.3.2026', lines: [{ orderLineId: nobody, qty: '1' }] }, 400, 'invoiceDate'],
      [manager, 'POST', '/api/receivables/invoices', { customerId: customer.id, storeId: store, invoiceDate: '2026-03-02', lines: [] }, 400, 'lines'],
      [manager, 'POST', '/api/receivables/invoices', { customerId: customer.id, storeId: store, invoiceDate: '2026-03-02', lines: [{ orderLineId: nobody, qty: '0' }] }, 400, 'lines.0.qty'],
      [manager, 'POST', '/api/receivables/invoices', { customerId: customer.id, storeId: store, invoiceDate: '2026-03-02', lines: [{ orderLineId: nobody, qty: '1' }] }, 422, 'lines.0.orderLineId'],
      [manager, 'POST', '/api/receivables/invoices', { customerId: nobody, storeId: store, invoiceDate: '2026-03-02', lines: [{ orderLineId: nobody, qty: '1' }] }, 422, 'customerId'],
      [manager, 'POST', '/api/receivables/invoices/from-sale', { saleId: nobody, invoiceDate: '2026-03-02' }, 422, 'saleId'],
      [manager, 'POST', `/api/receivables/invoices/${nobody}/credit`, { reason: '', creditDate: '2026-03-02', lines: [{ invoiceLineId: nobody, qty: '1' }] }, 400, 'reason'],
      [manager, 'POST', `/api/receivables/invoices/${nobody}/credit`, { reason: 'x', creditDate: '2026-03-02', lines: [{ invoiceLineId: nobody, qty: '1' }] }, 404, 'id'],
      [accountant, 'POST', '/api/receivables/payments', { customerId: customer.id, paymentDate: '2026-03-02', method: 'cheque', amount: 1 }, 400, 'method'],
      [accountant, 'POST', '/api/receivables/payments', { customerId: customer.id, paymentDate: '2026-03-02', method: 'bank', amount: 0 }, 400, 'amount'],
      [accountant, 'POST', '/api/receivables/payments', { customerId: customer.id, paymentDate: '2026-03-02', method: 'bank', amount: 1, allocations: [{ invoiceId: nobody, amount: 2 }] }, 400, 'allocations'],
      [accountant, 'POST', '/api/receivables/payments', { customerId: customer.id, paymentDate: '2026-03-02', method: 'bank', amount: 1, allocations: [{ invoiceId: nobody, amount: 1 }] }, 422, 'allocations.0.invoiceId'],
      [accountant, 'GET', '/api/receivables/aging?asOf=yesterday', undefined, 400, 'asOf'],
      [manager, 'GET', '/api/receivables/invoiceable?customerId=nope', undefined, 400, 'customerId'],
    ];
    for (const [token, method, path, b, status, field] of cases) {
      const res = await t.call(method as 'POST', path, { token, ...(b ? { body: b } : {}) });
      expect(res.status, `${path} ${field}`).toBe(status);
      expect(((await res.json()) as ErrorBody).error.field, `${path} ${field}`).toBe(field);
    }
    expect(await footprint()).toBe(before);
    expect((await t.call('GET', '/api/receivables/invoices', { token: await t.login('cashier') })).status).toBe(403);
  });
});
