import { type AccountLines, type CustomerInvoice, newId, type PurchaseOrder, type PurchaseReceipt, type PushResult, type SalesOrder, type SupplierInvoice, type TaxReport } from '@shopbook/shared';
import { asc, eq, like } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEachDriver } from '../../../test/databases.ts';
import { useApp } from '../../../test/harness.ts';
import { registerTill, saleEvent } from '../../../test/till.ts';
import { customers, products, stores, suppliers, users } from '../../db/schema/index.ts';
import { body, type ErrorBody } from '../purchasing/test-support.ts';

/**
 * March: till sales at 13 % and 9 % and a return, a wholesale invoice at 13 % with a
 * credit note, an invoice for a till sale (a tax document only), a supplier invoice at
 * 13 % and an expense with input VAT but no rate. Every figure is worked out by hand,
 * and the totals equal the movement of output VAT (222101) and input VAT (222102).
 */
describeEachDriver('finance: tax report per rate', (driver) => {
  const t = useApp(driver);

  it('reports output and input tax per rate to the cent, equal to the VAT accounts', async () => {
    const db = t.database.db;
    const manager = await t.login('manager');
    const accountant = await t.login('accountant');
    const purchaser = await t.login('purchaser');
    const clerk = await t.login('clerk');
    const till = await registerTill(t);
    const [chips, other] = await db.select().from(products).where(like(products.sku, 'SNK-CHIPS-%')).orderBy(asc(products.sku)).limit(2);
    const [customer] = await db.select().from(customers).orderBy(asc(customers.code)).limit(1);
    const [store] = await db.select().from(stores).where(eq(stores.code, 'S01'));
    const [supplier] = await db.select().from(suppliers).where(eq(suppliers.code, 'SUP-SNK'));
    const cashierId = (await db.select().from(users).where(eq(users.username, 'cashier')))[0]!.id;

    // Till: T-1 2 × 11.30 at 13 % (20.00 + 2.60) and 1 × 10.90 at 9 % (10.00 + 0.90); T-2 1 × 11.30 at 13 %.
    // R-1 takes one 13 % unit of T-1 back (−10.00, −1.30).
    const s1 = saleEvent(till, 1, cashierId, [
      { productId: chips!.id, qty: '2', unitPrice: 1130, taxRateBp: 1300 },
      { productId: other!.id, qty: '1', unitPrice: 1090, taxRateBp: 900 },
    ]);
    const s2 = saleEvent(till, 2, cashierId, [{ productId: chips!.id, qty: '1', unitPrice: 1130, taxRateBp: 1300 }]);
    const returnId = newId();
    const ret = {
      id: returnId, deviceId: till.deviceId, seq: 3, type: 'return' as const, occurredAt: '2026-03-02T11:00:00.000Z',
      payload: {
        v: 1, returnId, receiptNo: 'R-1', originalSaleId: s1.id, storeId: till.storeId, warehouseId: till.warehouseId, cashierId, shiftId: null, reason: 'damaged', approvedBy: null,
        lines: [{ lineId: newId(), originalLineId: s1.payload.lines[0]!.lineId, productId: chips!.id, qty: '1', taxRateBp: 1300, net: 1000, tax: 130, gross: 1130 }],
        totals: { net: 1000, tax: 130, gross: 1130 }, refunds: [{ tender: 'cash', amount: 1130, tendered: null, reference: null }],
      },
    };
    const pushed = await body<{ results: PushResult[] }>(t.call('POST', '/api/sync/push', { token: till.token, body: { events: [s1, s2, ret] } }));
    expect(pushed.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);

    // T-2 invoiced for the customer: a tax document for a sale already counted, so it adds nothing.
    const saleInvoice = await t.call('POST', '/api/receivables/invoices/from-sale', {
      token: manager, body: { saleId: s2.id, customerId: customer!.id, invoiceDate: '2026-03-02' },
    });
    expect(saleInvoice.status).toBe(201);

    // Wholesale: 5 at 10.00 net at 13 %, invoiced 2 March (50.00 + 6.50); one credited on 3 March (−10.00, −1.30).
    const order = await body<SalesOrder>(t.call('POST', '/api/sales-orders', {
      token: manager, body: { customerId: customer!.id, warehouseId: till.warehouseId, lines: [{ productId: chips!.id, qty: '5', price: 1000, taxRateBp: 1300 }] },
    }));
    const confirmed = await body<SalesOrder>(t.call('POST', `/api/sales-orders/${order.id}/confirm`, { token: manager }));
    const lineId = confirmed.lines[0]!.id;
    await body(t.call('POST', `/api/sales-orders/${order.id}/shipments`, { token: manager, body: { lines: [{ lineId, qty: '5' }] } }));
    const invoice = await body<CustomerInvoice>(t.call('POST', '/api/receivables/invoices', {
      token: manager, body: { customerId: customer!.id, storeId: store!.id, invoiceDate: '2026-03-02', lines: [{ orderLineId: lineId, qty: '5' }] },
    }));
    expect([invoice.net, invoice.tax]).toEqual([5000, 650]);
    const credit = await t.call('POST', `/api/receivables/invoices/${invoice.id}/credit`, {
      token: manager, body: { reason: 'one bag torn', creditDate: '2026-03-03', lines: [{ invoiceLineId: invoice.lines[0]!.id, qty: '1' }] },
    });
    expect(credit.status).toBe(201);

    // Bought: 10 single packs at 5.00, 13 %, received and invoiced 4 March (50.00 + 6.50 input tax).
    expect((await t.call('PUT', `/api/suppliers/${supplier!.id}/products/${chips!.id}`, { token: purchaser, body: { packSize: '1', price: 500 } })).status).toBe(200);
    const po = await body<PurchaseOrder>(t.call('POST', '/api/purchasing/orders', {
      token: purchaser, body: { supplierId: supplier!.id, warehouseId: till.warehouseId, lines: [{ productId: chips!.id, qty: '10' }] },
    }));
    expect((await body<PurchaseOrder>(t.call('POST', `/api/purchasing/orders/${po.id}/submit`, { token: purchaser }))).status).toBe('approved');
    expect((await t.call('POST', `/api/purchasing/orders/${po.id}/send`, { token: purchaser })).status).toBe(200);
    const draft = await body<PurchaseReceipt>(t.call('POST', '/api/purchasing/receipts', {
      token: clerk, body: { orderId: po.id, warehouseId: till.warehouseId, lines: [{ orderLineId: po.lines[0]!.id, qtyReceived: '10' }] },
    }));
    const receipt = await body<PurchaseReceipt>(t.call('POST', `/api/purchasing/receipts/${draft.id}/post`, { token: clerk }));
    const si = await body<SupplierInvoice>(t.call('POST', '/api/payables/invoices', {
      token: accountant, body: { supplierId: supplier!.id, supplierInvoiceNo: 'SNK-TAX-1', invoiceDate: '2026-03-04', lines: [{ receiptLineId: receipt.lines[0]!.id, qty: '10' }] },
    }));
    expect([si.net, si.tax, si.lines[0]!.taxRateBp]).toEqual([5000, 650, 1300]);
    expect((await t.call('POST', `/api/payables/invoices/${si.id}/post`, { token: accountant })).status).toBe(200);

    // Electricity 113.00 with 13.00 input VAT on an invoice that names no rate (an expense document).
    expect((await t.call('POST', '/api/expenses', {
      token: accountant, body: { kind: 'expense', documentDate: '2026-03-05', accountCode: '6602', description: 'electricity', amount: 11_300, tax: 1300, method: 'bank' },
    })).status).toBe(201);

    // 13 %: 20.00 + 10.00 − 10.00 (till) + 50.00 − 10.00 (invoice, credit note) = 60.00 net, 7.80 tax; 9 %: 10.00, 0.90.
    const report = await body<TaxReport>(t.call('GET', '/api/finance/tax-report?from=2026-03-01&to=2026-03-31', { token: accountant }));
    expect(report.rows).toEqual([
      { taxRateBp: 1300, outputNet: 6000, outputTax: 780, inputNet: 5000, inputTax: 650 },
      { taxRateBp: 900, outputNet: 1000, outputTax: 90, inputNet: 0, inputTax: 0 },
      { taxRateBp: null, outputNet: 0, outputTax: 0, inputNet: 10_000, inputTax: 1300 },
    ]);
    expect(report.totals).toEqual({ outputNet: 7000, outputTax: 870, inputNet: 15_000, inputTax: 1950 });
    expect(report.taxPayable).toBe(-1080);

    // The books agree: output tax is 222101's credit − debit in March, input tax 222102's debit − credit.
    const movement = async (code: string) => {
      const lines = await body<AccountLines>(t.call('GET', `/api/finance/accounts/${code}/lines?from=2026-03-01&to=2026-03-31`, { token: accountant }));
      return lines.totals.debit - lines.totals.credit;
    };
    expect(-(await movement('222101'))).toBe(report.totals.outputTax);
    expect(await movement('222102')).toBe(report.totals.inputTax);

    // By day: 2 March has the till (30.00 + 3.50) and the invoice (50.00 + 6.50); 3 March only the credit note; 4 March only the purchase.
    const day = async (d: string) => body<TaxReport>(t.call('GET', `/api/finance/tax-report?from=${d}&to=${d}`, { token: accountant }));
    expect((await day('2026-03-02')).totals).toEqual({ outputNet: 8000, outputTax: 1000, inputNet: 0, inputTax: 0 });
    expect((await day('2026-03-03')).rows).toEqual([{ taxRateBp: 1300, outputNet: -1000, outputTax: -130, inputNet: 0, inputTax: 0 }]);
    const on4 = await day('2026-03-04');
    expect([on4.totals, on4.taxPayable]).toEqual([{ outputNet: 0, outputTax: 0, inputNet: 5000, inputTax: 650 }, -650]);
    const feb = await body<TaxReport>(t.call('GET', '/api/finance/tax-report?from=2026-02-01&to=2026-02-28', { token: manager }));
    expect([feb.rows, feb.taxPayable]).toEqual([[], 0]);
  });

  it('refuses bad dates naming the field, and those without finance.read', async () => {
    const accountant = await t.login('accountant');
    const field = async (path: string) => {
      const res = await t.call('GET', path, { token: accountant });
      expect(res.status).toBe(400);
      return ((await res.json()) as ErrorBody).error.field;
    };
    expect(await field('/api/finance/tax-report?from=2026-02-30x&to=2026-03-31')).toBe('from');
    expect(await field('/api/finance/tax-report?from=2026-03-01')).toBe('to');
    expect(await field('/api/finance/tax-report?from=2026-03-02&to=2026-03-01')).toBe('from');
    for (const role of ['cashier', 'clerk', 'purchaser']) {
      expect((await t.call('GET', '/api/finance/tax-report?from=2026-03-01&to=2026-03-31', { token: await t.login(role) })).status).toBe(403);
    }
  });
});
