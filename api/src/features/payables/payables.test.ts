import { expect, it } from 'vitest';
import { asc, eq, like } from 'drizzle-orm';
import type { AgingRow, InvoiceableLine, LedgerEntry, PurchaseOrder, PurchaseReceipt, SupplierInvoice, SupplierPayment } from '@shopbook/shared';
import { describeEachDriver } from '../../../test/databases.ts';
import { useApp } from '../../../test/harness.ts';
import { products, suppliers, warehouses } from '../../db/schema/index.ts';
import { body, helpers, type ErrorBody } from '../purchasing/test-support.ts';

/**
 * Payables on one order: two partial deliveries (one line partly rejected), an invoice
 * that bills the first delivery at a higher price (approved by a manager), a second
 * invoice for the rest, payments in part and in full, with goods received not
 * invoiced, input VAT, payables, the price variance, aging and the supplier's account
 * checked at each step against a balanced trial balance.
 */
describeEachDriver('payables: supplier invoices matched to receipts, and payments', (driver) => {
  const t = useApp(driver);
  const h = helpers(t);

  const setup = async () => {
    const db = t.database.db;
    const [wh] = await db.select().from(warehouses).where(eq(warehouses.code, 'S02-WH'));
    const [p1, p2] = await db.select().from(products).where(like(products.sku, 'SNK-CHIPS-%')).orderBy(asc(products.sku)).limit(2);
    const [snk] = await db.select().from(suppliers).where(eq(suppliers.code, 'SUP-SNK'));
    const tokens = { manager: await t.login('manager'), purchaser: await t.login('purchaser'), clerk: await t.login('clerk'), accountant: await t.login('accountant') };
    // A case of 10 at 200.00 and single packs at 5.00, 13 % VAT.
    for (const [p, b] of [[p1!, { packSize: '10', price: 20_000 }], [p2!, { packSize: '1', price: 500 }]] as const) {
      expect((await t.call('PUT', `/api/suppliers/${snk!.id}/products/${p.id}`, { token: tokens.purchaser, body: b })).status).toBe(200);
    }
    const order = await body<PurchaseOrder>(t.call('POST', '/api/purchasing/orders', {
      token: tokens.purchaser, body: { supplierId: snk!.id, warehouseId: wh!.id, lines: [{ productId: p1!.id, qty: '3' }, { productId: p2!.id, qty: '40' }] },
    }));
    expect((await body<PurchaseOrder>(t.call('POST', `/api/purchasing/orders/${order.id}/submit`, { token: tokens.purchaser }))).status).toBe('approved');
    expect((await t.call('POST', `/api/purchasing/orders/${order.id}/send`, { token: tokens.purchaser })).status).toBe(200);
    const receive = async (lines: object[]) => {
      const draft = await body<PurchaseReceipt>(t.call('POST', '/api/purchasing/receipts', { token: tokens.clerk, body: { orderId: order.id, warehouseId: wh!.id, lines } }));
      return body<PurchaseReceipt>(t.call('POST', `/api/purchasing/receipts/${draft.id}/post`, { token: tokens.clerk }));
    };
    return { supplierId: snk!.id, termsDays: snk!.paymentTermsDays, order, receive, tokens };
  };

  it('matches invoices to receipts, books GRNI, VAT, payables and the variance, and pays them in part and in full', async () => {
    const { supplierId, termsDays, order, receive, tokens } = await setup();
    const [l1, l2] = order.lines as [PurchaseOrder['lines'][number], PurchaseOrder['lines'][number]];
    // Delivery 1: 20 of P1 (2 cases) and 25 of P2 with 5 rejected. Delivery 2: the last case of P1, 15 of P2.
    const r1 = await receive([{ orderLineId: l1.id, qtyReceived: '20' }, { orderLineId: l2.id, qtyReceived: '25', qtyRejected: '5', rejectReason: 'torn bags' }]);
    const r2 = await receive([{ orderLineId: l1.id, qtyReceived: '10' }, { orderLineId: l2.id, qtyReceived: '15' }]);
    let books = await h.booksBalance();
    expect(books.grni).toBe(-(40_000 + 10_000 + 20_000 + 7_500)); // 20 × 20.00 + 20 × 5.00 + 10 × 20.00 + 15 × 5.00

    const { accountant, manager } = tokens;
    const open = await body<{ items: InvoiceableLine[] }>(t.call('GET', `/api/payables/invoiceable?supplierId=${supplierId}`, { token: accountant }));
    expect(open.items.map((l) => [l.receiptNumber, l.sku, l.qtyOpen])).toEqual([
      [r1.number, l1.sku, '20'], [r1.number, l2.sku, '20'], [r2.number, l1.sku, '10'], [r2.number, l2.sku, '15'],
    ]);
    const [a1, a2, b1, b2] = open.items.map((l) => l.receiptLineId) as [string, string, string, string];

    // Billing more than was accepted is refused, naming the line, and leaves nothing behind.
    const tooMuch = await t.call('POST', '/api/payables/invoices', {
      token: accountant, body: { supplierId, supplierInvoiceNo: 'SNK-9001', invoiceDate: '2026-03-02', lines: [{ receiptLineId: a1, qty: '21' }] },
    });
    expect(tooMuch.status).toBe(422);
    expect(((await tooMuch.json()) as ErrorBody).error).toMatchObject({ field: 'lines.0.qty', message: expect.stringContaining('only 20') });
    expect((await body<{ items: unknown[] }>(t.call('GET', '/api/payables/invoices', { token: accountant }))).items).toEqual([]);

    // Invoice 1 bills delivery 1; P1 at 210.00 a case instead of 200.00: 5 % over, so it needs an approver.
    const inv1 = await body<SupplierInvoice>(t.call('POST', '/api/payables/invoices', {
      token: accountant,
      body: { supplierId, supplierInvoiceNo: 'SNK-9001', invoiceDate: '2026-03-02', lines: [{ receiptLineId: a1, qty: '20', price: 21_000 }, { receiptLineId: a2, qty: '20' }] },
    }));
    expect(inv1).toMatchObject({ status: 'draft', needsApproval: true, net: 52_000, tax: 6760, gross: 58_760, dueDate: addDays('2026-03-02', termsDays) });
    expect(inv1.lines.map((l) => [l.net, l.expectedBaseNet, l.differences])).toEqual([[42_000, 40_000, ['price']], [10_000, 10_000, []]]);
    const dup = await t.call('POST', '/api/payables/invoices', {
      token: accountant, body: { supplierId, supplierInvoiceNo: 'SNK-9001', invoiceDate: '2026-03-02', lines: [{ receiptLineId: b1, qty: '1' }] },
    });
    expect(dup.status).toBe(409);

    expect((await t.call('POST', `/api/payables/invoices/${inv1.id}/post`, { token: accountant })).status).toBe(403);
    expect((await t.call('POST', `/api/payables/invoices/${inv1.id}/approve`, { token: accountant })).status).toBe(403); // no purchasing.approve
    const approved = await body<SupplierInvoice>(t.call('POST', `/api/payables/invoices/${inv1.id}/approve`, { token: manager }));
    expect(approved.approvedBy).not.toBeNull();
    const posted1 = await body<SupplierInvoice>(t.call('POST', `/api/payables/invoices/${inv1.id}/post`, { token: accountant }));
    expect(posted1).toMatchObject({ status: 'posted', open: 58_760 });
    expect(posted1.lines.map((l) => [l.grniCleared, l.variance])).toEqual([[40_000, 2000], [10_000, 0]]);
    expect((await t.call('POST', `/api/payables/invoices/${inv1.id}/post`, { token: accountant })).status).toBe(409);
    books = await h.booksBalance();
    expect([books.grni, books.inputVat, books.payables]).toEqual([-27_500, 6760, -58_760]);

    // Invoice 2 bills the rest at the order's prices: it matches, posts straight away and clears GRNI to zero.
    const inv2 = await body<SupplierInvoice>(t.call('POST', '/api/payables/invoices', {
      token: accountant, body: { supplierId, supplierInvoiceNo: 'SNK-9002', invoiceDate: '2026-03-02', lines: [{ receiptLineId: b1, qty: '10' }, { receiptLineId: b2, qty: '15' }] },
    }));
    expect(inv2.needsApproval).toBe(false);
    await body(t.call('POST', `/api/payables/invoices/${inv2.id}/post`, { token: accountant }));
    books = await h.booksBalance();
    expect([books.grni, books.payables]).toEqual([0, -(58_760 + 31_075)]); // 27 500 + 13 % = 31 075
    expect((await body<{ items: unknown[] }>(t.call('GET', `/api/payables/invoiceable?supplierId=${supplierId}`, { token: accountant }))).items).toEqual([]);

    // A payment over what is open on an invoice is refused; then one pays invoice 1 in part, another the rest and invoice 2.
    const over = await t.call('POST', '/api/payables/payments', {
      token: accountant, body: { supplierId, paymentDate: '2026-03-05', method: 'bank', amount: 60_000, allocations: [{ invoiceId: inv1.id, amount: 60_000 }] },
    });
    expect(over.status).toBe(422);
    expect(((await over.json()) as ErrorBody).error.field).toBe('allocations.0.amount');
    const mismatch = await t.call('POST', '/api/payables/payments', {
      token: accountant, body: { supplierId, paymentDate: '2026-03-05', method: 'bank', amount: 100, allocations: [{ invoiceId: inv1.id, amount: 99 }] },
    });
    expect(mismatch.status).toBe(400);
    expect(((await mismatch.json()) as ErrorBody).error.field).toBe('allocations');

    const pay1 = await body<SupplierPayment>(t.call('POST', '/api/payables/payments', {
      token: accountant, body: { supplierId, paymentDate: '2026-03-05', method: 'bank', amount: 30_000, reference: 'TT-1', allocations: [{ invoiceId: inv1.id, amount: 30_000 }] },
    }));
    expect(pay1.number).toMatch(/^SP-2026-/);
    books = await h.booksBalance();
    expect(books.payables).toBe(-(58_760 + 31_075 - 30_000));

    // Aging on the due date + 40 days: both invoices are 31–60 days late.
    const late = addDays(addDays('2026-03-02', termsDays), 40);
    const aging = await body<{ items: AgingRow[] }>(t.call('GET', `/api/payables/aging?asOf=${late}`, { token: accountant }));
    expect(aging.items).toEqual([expect.objectContaining({ supplierId, current: 0, d31_60: 59_835, total: 59_835 })]);
    const before = await body<{ items: AgingRow[] }>(t.call('GET', '/api/payables/aging?asOf=2026-03-04', { token: accountant }));
    expect(before.items[0]).toMatchObject({ current: 89_835, total: 89_835 }); // before the payment
    expect(aging.items[0]!.total).toBe(-books.payables);

    await body(t.call('POST', '/api/payables/payments', {
      token: accountant,
      body: { supplierId, paymentDate: '2026-03-06', method: 'cash', amount: 59_835, allocations: [{ invoiceId: inv1.id, amount: 28_760 }, { invoiceId: inv2.id, amount: 31_075 }] },
    }));
    books = await h.booksBalance();
    expect(books.payables).toBe(0);
    expect((await body<{ items: AgingRow[] }>(t.call('GET', '/api/payables/aging?asOf=2026-03-06', { token: accountant }))).items).toEqual([]);
    const ledger = await body<{ items: LedgerEntry[] }>(t.call('GET', `/api/payables/suppliers/${supplierId}/ledger`, { token: accountant }));
    expect(ledger.items.map((e) => [e.kind, e.amount, e.balance])).toEqual([
      ['invoice', 58_760, 58_760], ['invoice', 31_075, 89_835], ['payment', -30_000, 59_835], ['payment', -59_835, 0],
    ]);
    const trial = await body<{ rows: { accountCode: string; balance: number }[] }>(t.call('GET', '/api/finance/trial-balance', { token: await t.login('owner') }));
    expect(trial.rows.find((r) => r.accountCode === '640102')?.balance).toBe(2000);
  });

  it('refuses bad input at every endpoint with the field named, and a cashier altogether', async () => {
    const { supplierId, tokens } = await setup();
    const { accountant } = tokens;
    const cases: [string, string, object, number, string][] = [
      ['POST', '/api/payables/invoices', { supplierId: 'x', supplierInvoiceNo: 'A', invoiceDate: '2026-03-02', lines: [] }, 400, 'supplierId'],
      ['POST', '/api/payables/invoices', { supplierId, supplierInvoiceNo: '', invoiceDate: '2026-03-02', lines: [] }, 400, 'supplierInvoiceNo'],
      ['POST', '/api/payables/invoices', { supplierId, supplierInvoiceNo: 'A', invoiceDate: '2.3.2026', lines: [] }, 400, 'invoiceDate'],
      ['POST', '/api/payables/invoices', { supplierId, supplierInvoiceNo: 'A', invoiceDate: '2026-03-02', lines: [] }, 400, 'lines'],
      ['POST', '/api/payables/invoices', { supplierId, supplierInvoiceNo: 'A', invoiceDate: '2026-03-02', lines: [{ receiptLineId: supplierId, qty: '1' }] }, 422, 'lines.0.receiptLineId'],
      ['POST', '/api/payables/invoices', { supplierId, supplierInvoiceNo: 'A', invoiceDate: '2026-03-02', lines: [{ receiptLineId: supplierId, qty: '-1' }] }, 400, 'lines.0.qty'],
      ['POST', '/api/payables/payments', { supplierId, paymentDate: '2026-03-02', method: 'cheque', amount: 1, allocations: [] }, 400, 'method'],
      ['POST', '/api/payables/payments', { supplierId, paymentDate: '2026-03-02', method: 'bank', amount: 1, allocations: [{ invoiceId: supplierId, amount: 1 }] }, 422, 'allocations.0.invoiceId'],
      ['GET', '/api/payables/aging?asOf=yesterday', {}, 400, 'asOf'],
      ['GET', '/api/payables/invoiceable?supplierId=nope', {}, 400, 'supplierId'],
    ];
    const footprint = await h.footprint();
    for (const [method, path, b, status, field] of cases) {
      const res = await t.call(method as 'POST', path, { token: accountant, ...(method === 'POST' ? { body: b } : {}) });
      expect(res.status, `${path} ${field}`).toBe(status);
      expect(((await res.json()) as ErrorBody).error.field, path).toBe(field);
    }
    expect(await h.footprint()).toEqual(footprint);
    const cashier = await t.login('cashier');
    expect((await t.call('GET', '/api/payables/invoices', { token: cashier })).status).toBe(403);
  });
});

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
