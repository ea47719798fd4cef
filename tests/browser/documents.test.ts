import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { amountInWordsZh, lineAmount, lineTax, newId, parseQuantity } from '@shopbook/shared';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSuiteReady, launchBrowser, startServer, type RunningServer } from './harness.ts';
import { apiLogin } from './till-helpers.ts';

const ARTEFACTS = process.env.SCREENSHOT_DIR ?? join(tmpdir(), 'shopbook-screenshots');
type PulledProduct = { id: string; name: string; price: number; taxRateBp: number; weighed: boolean; batchTracked: boolean; serialTracked: boolean };

async function pdfText(bytes: Uint8Array): Promise<{ pages: number; text: string }> {
  const pdf = await getDocument({ data: bytes }).promise;
  let text = '';
  for (let i = 1; i <= pdf.numPages; i++) {
    text += (await (await pdf.getPage(i)).getTextContent()).items.map((it) => ('str' in it ? it.str : '')).join('');
  }
  return { pages: pdf.numPages, text };
}

/**
 * A shopkeeper prints an A4 invoice for a till sale: sets the company's address and bank
 * once, finds the sale among the till sales, types the buyer in, prints (one A4 page, no
 * menus) and downloads the PDF, whose text, Chinese and the total in capitals included,
 * reads back.
 */
describe.skipIf(!browserSuiteReady())('A4 invoice of a till sale', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let gross = 0;
  let productName = '';

  async function call<T>(token: string, method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${server.url}${path}`, {
      method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }

  beforeAll(async () => {
    mkdirSync(ARTEFACTS, { recursive: true });
    server = await startServer({ demo: true });
    const manager = await apiLogin(server.url, 'manager');
    const stores = await call<{ items: { id: string; code: string }[] }>(manager, 'GET', '/api/org/stores');
    const till = await call<{ deviceId: string; token: string; storeId: string; warehouseId: string }>(manager, 'POST', '/api/devices/register', {
      name: 'Till D', storeId: stores.items.find((s) => s.code === 'S01')!.id,
    });
    const cashiers = await call<{ rows: { id: string; username: string }[] }>(till.token, 'GET', '/api/sync/pull/cashiers');
    const products = await call<{ rows: PulledProduct[] }>(till.token, 'GET', '/api/sync/pull/products?limit=100');
    const p = products.rows.find((r) => !r.weighed && !r.batchTracked && !r.serialTracked && r.price > 0 && /[\u4e00-\u9fff]/.test(r.name))!;
    productName = p.name;
    const split = lineTax(lineAmount(parseQuantity('3'), p.price), p.taxRateBp, true);
    gross = split.gross;
    const saleId = newId();
    const event = {
      id: saleId, deviceId: till.deviceId, seq: 1, type: 'sale', occurredAt: new Date().toISOString(),
      payload: {
        v: 1, saleId, receiptNo: 'T-INV-1', storeId: till.storeId, warehouseId: till.warehouseId, cashierId: cashiers.rows.find((c) => c.username === 'cashier')!.id,
        shiftId: null, customerId: null, pricesIncludeTax: true, cartDiscount: 0, change: 0, approvedBy: null,
        lines: [{ lineId: newId(), productId: p.id, batchId: null, qty: '3', serials: [], unitPrice: p.price, listPrice: p.price, overrideReason: null, discount: 0, taxRateBp: p.taxRateBp, ...split }],
        totals: { ...split, discount: 0 },
        payments: [{ tender: 'cash', amount: split.gross, tendered: split.gross, reference: null }],
      },
    };
    const pushed = await call<{ results: { status: string }[] }>(till.token, 'POST', '/api/sync/push', { events: [event] });
    expect(pushed.results[0]).toMatchObject({ status: 'applied' });

    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' })).newPage();
    await page.goto(`${server.url}/backoffice/`);
    await page.getByTestId('login-username').fill('manager');
    await page.getByTestId('login-password').fill('demo1234');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('side-menu').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('prints the invoice on one A4 page: the seller from the company details, the buyer typed in, the total in words', async () => {
    await page.goto(`${server.url}/backoffice/admin/company`);
    await page.getByTestId('company-details-heading').waitFor();
    await page.getByTestId('company-address').fill('上海市黄浦区人民大道 100 号');
    await page.getByTestId('company-bank-name').fill('中国银行上海分行');
    await page.getByTestId('company-bank-account').fill('4563 5100 0000 1234');
    await page.getByTestId('company-save').click();
    await page.locator('.el-message--success').waitFor();

    await page.goto(`${server.url}/backoffice/sales/till-sales`);
    await page.getByTestId('till-sales-heading').waitFor();
    await page.getByTestId('till-sale-invoice').first().click();
    await page.getByTestId('a4-document').waitFor();
    expect(await page.getByTestId('doc-title').textContent()).toBe('销售发票（增值税）');

    await page.getByTestId('invoice-buyerName').fill('上海示例贸易有限公司');
    await page.getByTestId('invoice-buyerTaxNumber').fill('91310000MA1K123456');
    await page.getByTestId('invoice-apply').click();
    await expect.poll(() => page.getByTestId('doc-party').first().textContent()).toContain('上海示例贸易有限公司');
    expect(await page.getByTestId('doc-party').nth(1).textContent()).toContain('中国银行上海分行 4563 5100 0000 1234');
    expect(await page.getByTestId('doc-lines').textContent()).toContain(productName);
    expect(await page.getByTestId('doc-words-zh').textContent()).toBe(amountInWordsZh(gross));
    expect(await page.getByTestId('doc-tax-summary').locator('tbody tr').count()).toBe(1);

    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('print-toolbar').isVisible()).toBe(false);
    expect(await page.getByTestId('invoice-form').isVisible()).toBe(false);
    await page.screenshot({ path: join(ARTEFACTS, 'invoice-a4.png'), fullPage: true });
    const printed = await pdfText(new Uint8Array(await page.pdf({ preferCSSPageSize: true })));
    expect(printed.pages).toBe(1);
    await page.emulateMedia({ media: 'screen' });
  });

  it('downloads the same invoice as a PDF whose Chinese text reads back', async () => {
    const href = await page.getByTestId('print-pdf').getAttribute('href');
    expect(href).toMatch(/^\/api\/documents\/sales\/[0-9a-f-]+\/invoice\/pdf\?/);
    expect(href).toContain(`buyerName=${encodeURIComponent('上海示例贸易有限公司')}`);
    const res = await page.context().request.get(`${server.url}${href}`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('application/pdf');
    const { text } = await pdfText(new Uint8Array(await res.body()));
    for (const s of ['销售发票（增值税）', '上海示例贸易有限公司', productName, amountInWordsZh(gross), '中国银行上海分行']) expect(text, s).toContain(s);
  });

  it('prints a purchase order from its drawer, the goods received note of its receipt, and a transfer’s delivery note', async () => {
    const [purchaser, clerk, manager] = [await apiLogin(server.url, 'purchaser'), await apiLogin(server.url, 'clerk'), await apiLogin(server.url, 'manager')];
    const suppliers = await call<{ items: { id: string; code: string; name: string }[] }>(purchaser, 'GET', '/api/suppliers?pageSize=100');
    const supplier = suppliers.items.find((x) => x.code === 'SUP-SNK')!;
    const warehouses = await call<{ items: { id: string; code: string }[] }>(manager, 'GET', '/api/org/warehouses');
    const wh = (code: string) => warehouses.items.find((w) => w.code === code)!.id;
    const { items: chips } = await call<{ items: { id: string; name: string }[] }>(purchaser, 'GET', '/api/catalogue/products?q=SNK-CHIPS&pageSize=2');
    const order = await call<{ id: string; number: string; status: string; lines: { id: string }[] }>(purchaser, 'POST', '/api/purchasing/orders', {
      supplierId: supplier.id, warehouseId: wh('S01-WH'), lines: [{ productId: chips[0]!.id, qty: '12', price: 300, taxRateBp: 1300 }],
    });
    const submitted = await call<{ status: string }>(purchaser, 'POST', `/api/purchasing/orders/${order.id}/submit`);
    if (submitted.status !== 'approved') await call(manager, 'POST', `/api/purchasing/orders/${order.id}/approve`);
    await call(purchaser, 'POST', `/api/purchasing/orders/${order.id}/send`);
    const receipt = await call<{ id: string; number: string }>(clerk, 'POST', '/api/purchasing/receipts', {
      orderId: order.id, warehouseId: wh('S01-WH'), reference: '送货单 77', lines: [{ orderLineId: order.lines[0]!.id, qtyReceived: '12', qtyRejected: '2', rejectReason: '包装破损' }],
    });
    await call(clerk, 'POST', `/api/purchasing/receipts/${receipt.id}/post`);

    await page.goto(`${server.url}/backoffice/purchasing/orders?id=${order.id}`);
    const [orderPage] = await Promise.all([page.context().waitForEvent('page'), page.getByTestId('order-print').click()]);
    await orderPage.getByTestId('a4-document').waitFor();
    expect(await orderPage.getByTestId('doc-title').textContent()).toBe('采购订单');
    expect(await orderPage.getByTestId('doc-number').textContent()).toContain(order.number);
    expect(await orderPage.getByTestId('doc-party').first().textContent()).toContain(supplier.name);
    expect(await orderPage.getByTestId('doc-lines').textContent()).toContain(chips[0]!.name);
    expect(await orderPage.getByTestId('doc-totals').textContent()).toContain('¥40.68');

    await orderPage.getByTestId(`order-receipt-link-${receipt.number}`).click();
    await expect.poll(() => orderPage.getByTestId('doc-title').textContent()).toBe('采购入库单');
    const grnLines = await orderPage.getByTestId('doc-lines').textContent();
    expect(grnLines).toContain('包装破损');
    expect(grnLines).toContain('10');
    await orderPage.close();

    const transfer = await call<{ id: string; number: string }>(clerk, 'POST', '/api/inventory/transfers', {
      fromWarehouseId: wh('S01-WH'), toWarehouseId: wh('S02-WH'), lines: [{ productId: chips[0]!.id, qty: '4' }],
    });
    await page.goto(`${server.url}/backoffice/inventory/transfers?id=${transfer.id}`);
    const [notePage] = await Promise.all([page.context().waitForEvent('page'), page.getByTestId('transfer-print').click()]);
    await notePage.getByTestId('a4-document').waitFor();
    expect(await notePage.getByTestId('doc-title').textContent()).toBe('调拨送货单');
    expect(await notePage.getByTestId('doc-number').textContent()).toContain(transfer.number);
    expect(await notePage.getByTestId('doc-lines').textContent()).toContain(chips[0]!.name);
    await notePage.close();
  });

  it('prints a customer invoice from its drawer and the customer’s statement', async () => {
    const manager = await apiLogin(server.url, 'manager');
    const customer = await call<{ id: string }>(manager, 'POST', '/api/customers', {
      code: 'C-PRINT', name: '杭州西湖餐饮有限公司', invoiceTitle: '杭州西湖餐饮有限公司', taxNumber: '91330100MAWL0001X', address: '杭州市西湖区南山路 8 号',
      bankName: '招商银行杭州分行', bankAccount: '5719 0812 3456 001',
    });
    const { items: sales } = await call<{ items: { id: string }[] }>(manager, 'GET', '/api/sales');
    const inv = await call<{ id: string; number: string }>(manager, 'POST', '/api/receivables/invoices/from-sale', {
      saleId: sales[0]!.id, customerId: customer.id, invoiceDate: new Date().toISOString().slice(0, 10),
    });

    await page.goto(`${server.url}/backoffice/sales/invoices?id=${inv.id}`);
    const [invoicePage] = await Promise.all([page.context().waitForEvent('page'), page.getByTestId('customer-invoice-print').click()]);
    await invoicePage.getByTestId('a4-document').waitFor();
    expect(await invoicePage.getByTestId('doc-number').textContent()).toContain(inv.number);
    expect(await invoicePage.getByTestId('doc-party').first().textContent()).toContain('招商银行杭州分行');
    expect(await invoicePage.getByTestId('doc-words-zh').textContent()).toBe(amountInWordsZh(gross));
    await invoicePage.close();

    await page.goto(`${server.url}/backoffice/print/customers/${customer.id}/statement`);
    await page.getByTestId('a4-document').waitFor();
    expect(await page.getByTestId('doc-title').textContent()).toBe('客户对账单');
    expect(await page.getByTestId('doc-lines').textContent()).toContain(inv.number);
  });
});
