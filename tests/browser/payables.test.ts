import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSuiteReady, launchBrowser, startServer, type RunningServer } from './harness.ts';
import { apiLogin } from './till-helpers.ts';

const DESKTOP = { width: 1440, height: 900 };

async function signIn(page: Page, url: string, username: string): Promise<void> {
  await page.goto(`${url}/backoffice/`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill('demo1234');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('side-menu').waitFor();
}

const confirmBox = (page: Page) => page.locator('.el-message-box__btns .el-button--primary').click();

/**
 * Payables through the back office: goods from SUP-SNK were received against an order
 * (set up through the API); the accountant enters the supplier's invoice, which bills
 * one line dearer than ordered; it waits for the manager's approval, is posted, paid in
 * part, and the payables page shows what is still owed and the supplier's account.
 */
describe.skipIf(!browserSuiteReady())('supplier invoice → approval → post → payment → aging', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let invoiceNumber = '';

  async function newPage(username: string): Promise<Page> {
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'en-US' });
    contexts.push(context);
    const page = await context.newPage();
    await signIn(page, server.url, username);
    return page;
  }

  beforeAll(async () => {
    server = await startServer({ demo: true });
    browser = await launchBrowser();
    const call = async (token: string, method: string, path: string, body?: unknown) => {
      const res = await fetch(`${server.url}${path}`, {
        method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}),
      });
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
      return res.json() as Promise<any>;
    };
    const purchaser = await apiLogin(server.url, 'purchaser');
    const clerk = await apiLogin(server.url, 'clerk');
    const suppliers = await call(purchaser, 'GET', '/api/suppliers?q=SUP-SNK');
    const supplier = suppliers.items.find((s: { code: string }) => s.code === 'SUP-SNK');
    const products = await call(purchaser, 'GET', '/api/catalogue/products?q=SNK-CHIPS&pageSize=2');
    const warehouses = await call(purchaser, 'GET', '/api/org/warehouses');
    const wh = warehouses.items.find((w: { code: string }) => w.code === 'S01-WH');
    // 2 cases of 10 at 200.00 and 10 single packs at 5.00.
    await call(purchaser, 'PUT', `/api/suppliers/${supplier.id}/products/${products.items[0].id}`, { packSize: '10', price: 20_000 });
    await call(purchaser, 'PUT', `/api/suppliers/${supplier.id}/products/${products.items[1].id}`, { packSize: '1', price: 500 });
    const order = await call(purchaser, 'POST', '/api/purchasing/orders', {
      supplierId: supplier.id, warehouseId: wh.id, lines: [{ productId: products.items[0].id, qty: '2' }, { productId: products.items[1].id, qty: '10' }],
    });
    await call(purchaser, 'POST', `/api/purchasing/orders/${order.id}/submit`);
    await call(purchaser, 'POST', `/api/purchasing/orders/${order.id}/send`);
    const receipt = await call(clerk, 'POST', '/api/purchasing/receipts', {
      orderId: order.id, warehouseId: wh.id, lines: order.lines.map((l: { id: string; stockQty: string }) => ({ orderLineId: l.id, qtyReceived: l.stockQty })),
    });
    await call(clerk, 'POST', `/api/purchasing/receipts/${receipt.id}/post`);
  });

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.stop();
  });

  it('is entered by the accountant against the receipt; a dearer line is flagged and the invoice waits for approval', async () => {
    const page = await newPage('accountant');
    await page.goto(`${server.url}/backoffice/finance/supplier-invoices`);
    await page.getByTestId('invoices-new').click();
    await page.getByTestId('invoice-supplier').click();
    await page.getByTestId('invoice-supplier-SUP-SNK').click();
    const lines = page.getByTestId('invoice-lines');
    await expect.poll(() => lines.locator('tbody tr').count()).toBe(2);
    await page.getByTestId('invoice-no').fill('SNK-INV-77');
    await expect.poll(() => page.getByTestId('invoice-line-0-match').textContent()).toContain('Matches');
    await page.getByTestId('invoice-line-0-price').fill('210');
    await expect.poll(() => page.getByTestId('invoice-line-0-match').textContent()).toContain('Price off by');
    expect(await lines.textContent()).toContain('Beyond tolerance: needs approval');
    expect(await page.getByTestId('invoice-totals').textContent()).toContain('470.00'); // 2 × 210.00 + 10 × 5.00
    await page.getByTestId('invoice-save').click();
    await page.getByTestId('invoice-drawer').waitFor();
    await expect.poll(() => page.getByTestId('invoice-drawer').textContent()).toContain('Needs approval');
    expect(await page.getByTestId('invoice-approve').count()).toBe(0); // the accountant cannot approve
    expect(await page.getByTestId('invoice-post').isDisabled()).toBe(true);
    invoiceNumber = (await page.locator('.el-drawer__title').textContent())!.split(' · ')[0]!.trim();
    expect(invoiceNumber).toMatch(/^SI-\d{4}-\d{6}$/);
  });

  it('is approved by the manager and posted by the accountant', async () => {
    const manager = await newPage('manager');
    await manager.goto(`${server.url}/backoffice/finance/supplier-invoices`);
    await manager.getByTestId('invoices-table').locator('tbody tr', { hasText: invoiceNumber }).click();
    await manager.getByTestId('invoice-approve').click();
    await expect.poll(() => manager.getByTestId('invoice-drawer').textContent()).toContain('Approved');

    const page = await newPage('accountant');
    await page.goto(`${server.url}/backoffice/finance/supplier-invoices`);
    await page.getByTestId('invoices-table').locator('tbody tr', { hasText: invoiceNumber }).click();
    await page.getByTestId('invoice-post').click();
    await confirmBox(page);
    await expect.poll(() => page.getByTestId('invoice-drawer').getByTestId('invoice-status').textContent()).toContain('Posted');
    expect(await page.getByTestId('invoice-open').textContent()).toContain('531.10'); // 470.00 + 13 %
  });

  it('is paid in part, and the payables page shows what is still owed and the supplier account', async () => {
    const page = await newPage('accountant');
    await page.goto(`${server.url}/backoffice/finance/supplier-payments`);
    await page.getByTestId('payments-new').click();
    await page.getByTestId('payment-supplier').click();
    await page.getByTestId('payment-supplier-SUP-SNK').click();
    await expect.poll(() => page.getByTestId('payment-allocation-0').inputValue()).toBe('531.10');
    await page.getByTestId('payment-allocation-0').fill('600');
    await page.getByTestId('payment-save').click();
    await expect.poll(() => page.getByTestId('payment-allocations').textContent()).toContain('only 531.10 is open');
    await page.getByTestId('payment-allocation-0').fill('300');
    await expect.poll(() => page.getByTestId('payment-total').textContent()).toContain('300.00');
    await page.getByTestId('payment-reference').fill('TT-2026-1');
    await page.getByTestId('payment-save').click();
    await expect.poll(() => page.getByTestId('payments-table').textContent()).toContain('TT-2026-1');

    await page.goto(`${server.url}/backoffice/finance/payables`);
    const row = page.getByTestId('aging-table').locator('tbody tr', { hasText: 'SUP-SNK' });
    await expect.poll(() => row.getByTestId('aging-total').textContent()).toContain('231.10');
    expect(await row.getByTestId('aging-current').textContent()).toContain('231.10');
    await page.getByTestId('aging-chart').waitFor();
    expect(await page.getByTestId('due-table').textContent()).toContain(invoiceNumber);
    await row.click();
    const ledger = page.getByTestId('supplier-ledger');
    await expect.poll(() => ledger.locator('tbody tr').count()).toBe(2);
    expect(await ledger.getByTestId('ledger-balance').allTextContents()).toEqual([expect.stringContaining('531.10'), expect.stringContaining('231.10')]);
  });
});
