import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSuiteReady, launchBrowser, startServer, type RunningServer } from './harness.ts';
import { apiLogin } from './till-helpers.ts';

async function signIn(page: Page, url: string, username: string): Promise<void> {
  await page.goto(`${url}/backoffice/`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill('demo1234');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('side-menu').waitFor();
}

/**
 * The purchasing rules a manager or owner sets and the corrections a clerk makes: the
 * owner raises the purchaser's approval limit; the clerk sends part of a delivery back
 * to the supplier from the order, and the order owes it again.
 */
describe.skipIf(!browserSuiteReady())('approval limits and returns to the supplier', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let orderNumber = '';
  let token = '';

  async function newPage(username: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
    contexts.push(context);
    const page = await context.newPage();
    await signIn(page, server.url, username);
    return page;
  }
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${server.url}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<any>;
  };

  beforeAll(async () => {
    server = await startServer({ demo: true });
    browser = await launchBrowser();
    token = await apiLogin(server.url, 'manager');
    const supplier = (await call('GET', '/api/suppliers?q=SUP-SNK')).items.find((s: { code: string }) => s.code === 'SUP-SNK');
    const product = (await call('GET', '/api/catalogue/products?q=SNK-CHIPS&pageSize=1')).items[0];
    const wh = (await call('GET', '/api/org/warehouses')).items.find((w: { code: string }) => w.code === 'S01-WH');
    await call('PUT', `/api/suppliers/${supplier.id}/products/${product.id}`, { packSize: '1', price: 500 });
    const order = await call('POST', '/api/purchasing/orders', { supplierId: supplier.id, warehouseId: wh.id, lines: [{ productId: product.id, qty: '20' }] });
    orderNumber = order.number;
    await call('POST', `/api/purchasing/orders/${order.id}/submit`);
    await call('POST', `/api/purchasing/orders/${order.id}/send`);
    const receipt = await call('POST', '/api/purchasing/receipts', { orderId: order.id, warehouseId: wh.id, lines: [{ orderLineId: order.lines[0].id, qtyReceived: '20' }] });
    await call('POST', `/api/purchasing/receipts/${receipt.id}/post`);
  });

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.stop();
  });

  it("lets the owner raise the purchaser's approval limit", async () => {
    const page = await newPage('owner');
    await page.goto(`${server.url}/backoffice/purchasing/orders`);
    await page.getByTestId('orders-limits').click();
    const amount = page.getByTestId('limits-purchaser-amount');
    await expect.poll(() => amount.inputValue()).toBe('5000.00');
    await amount.fill('8000');
    await page.getByTestId('limits-save').click();
    await page.getByTestId('limits-dialog').waitFor({ state: 'hidden' });
    const limits = await call('GET', '/api/purchasing/approval-limits');
    expect(limits.items).toContainEqual({ role: 'purchaser', maxAmount: 800_000 });
    expect(await (await newPage('purchaser')).getByTestId('orders-limits').count()).toBe(0);
  });

  it('sends part of a delivery back to the supplier from the order, which then owes it again', async () => {
    const page = await newPage('clerk');
    await page.goto(`${server.url}/backoffice/purchasing/orders`);
    await page.getByTestId('orders-table').locator('tbody tr', { hasText: orderNumber }).click();
    await page.getByTestId('order-receipt-0-return').click();
    await page.getByTestId('return-line-0-qty').fill('21');
    await page.getByTestId('return-post').click();
    await expect.poll(() => page.getByTestId('return-lines').textContent()).toContain('only 20 is left to return');
    await page.getByTestId('return-line-0-qty').fill('4');
    await page.getByTestId('return-reason').fill('torn bags');
    await page.getByTestId('return-post').click();
    await expect.poll(() => page.getByTestId('order-returns').textContent()).toContain('torn bags');
    await expect.poll(() => page.getByTestId('order-line-outstanding').textContent()).toBe('4');
  });
});
