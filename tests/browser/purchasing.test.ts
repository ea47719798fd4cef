import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSuiteReady, launchBrowser, startServer, type RunningServer } from './harness.ts';

const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR ?? join(tmpdir(), 'shopbook-screenshots');
const DESKTOP = { width: 1440, height: 900 };
/** A 10-inch tablet held sideways: where the receiving happens. */
const TABLET = { width: 1280, height: 800 };
const ready = browserSuiteReady();
const SUPPLIER = 'SUP-BEV';
const WAREHOUSE = 'S01-WH';

async function signIn(page: Page, url: string, username: string): Promise<void> {
  await page.goto(`${url}/backoffice/`);
  await page.getByTestId('login-username').waitFor();
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill('demo1234');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('side-menu').waitFor();
}

async function openMenu(page: Page, group: string, item: string): Promise<void> {
  await page.getByTestId(`menu-${group}`).click();
  await page.getByTestId(`menu-${item}`).click();
}

async function choose(page: Page, select: string, option: string): Promise<void> {
  await page.getByTestId(select).click();
  await page.getByTestId(option).click();
}

const confirmBox = (page: Page) => page.locator('.el-message-box__btns .el-button--primary').click();

/**
 * Purchasing through the back office over the demo company: the purchaser puts a
 * product on a supplier's price list; the manager's stock rule makes it due, and the
 * purchaser turns the reorder suggestion (100 cases of 24, above their own 5,000.00
 * limit) into a draft order and submits it; the purchaser cannot approve, the manager
 * does; the purchaser marks it sent; the clerk, on a tablet, receives 3 by scanning and
 * posts; the order is partially received and the stock page shows the 3 more.
 */
describe.skipIf(!ready)('purchase order: price list → reorder suggestion → order → approval → send → receive by scanning on a tablet → stock', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let purchaser: Page;
  let product: { id: string; sku: string; barcode: string };
  let stockBefore = 0;
  let orderNumber = '';

  async function newPage(username: string, viewport = DESKTOP): Promise<Page> {
    const context = await browser.newContext({ viewport, locale: 'en-US' });
    contexts.push(context);
    const page = await context.newPage();
    await signIn(page, server.url, username);
    return page;
  }

  async function openOrder(page: Page): Promise<void> {
    await openMenu(page, 'purchasing', 'purchaseOrders');
    await page.getByTestId('orders-heading').waitFor();
    const row = page.getByTestId('orders-table').locator('tbody tr', { hasText: orderNumber });
    await row.waitFor();
    await row.click();
    await expect.poll(() => page.getByTestId('order-number').textContent()).toBe(orderNumber);
  }

  beforeAll(async () => {
    server = await startServer({ demo: true });
    browser = await launchBrowser();
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
  });

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.stop();
  });

  it("puts a demo product on the supplier's price list as the purchaser", async () => {
    purchaser = await newPage('purchaser');
    // A plain (not batch-tracked) demo product with a barcode, and its stock in S01 now.
    const found = (await (await purchaser.request.get(`${server.url}/api/catalogue/products?q=Cola&status=active&page=1&pageSize=20`)).json()) as {
      items: { id: string; sku: string; batchTracked: boolean; barcodes: { barcode: string; packQty: string }[] }[];
    };
    const p = found.items.find((i) => !i.batchTracked && i.barcodes.some((b) => Number(b.packQty) === 1))!;
    product = { id: p.id, sku: p.sku, barcode: p.barcodes.find((b) => Number(b.packQty) === 1)!.barcode };
    const levels = (await (await purchaser.request.get(`${server.url}/api/inventory/levels?q=${encodeURIComponent(p.sku)}&page=1&pageSize=50`)).json()) as {
      items: { productId: string; warehouseCode?: string; warehouseId: string; qty: string }[];
    };
    const whs = (await (await purchaser.request.get(`${server.url}/api/org/warehouses`)).json()) as { items: { id: string; code: string }[] };
    const s01 = whs.items.find((w) => w.code === WAREHOUSE)!.id;
    stockBefore = levels.items.filter((l) => l.productId === p.id && l.warehouseId === s01).reduce((s, l) => s + Number(l.qty), 0);

    await openMenu(purchaser, 'purchasing', 'suppliers');
    await purchaser.getByTestId('suppliers-heading').waitFor();
    await purchaser.getByTestId('suppliers-search').fill(SUPPLIER);
    await purchaser.getByTestId('suppliers-search').press('Enter');
    const row = purchaser.getByTestId('suppliers-table').locator('tbody tr', { hasText: SUPPLIER });
    await expect.poll(() => row.count()).toBe(1);
    await row.click();
    await expect.poll(() => purchaser.getByTestId('supplier-code').inputValue()).toBe(SUPPLIER);
    await purchaser.getByRole('tab', { name: 'Price list' }).click();
    await purchaser.getByTestId('price-product-search').fill(product.sku);
    await purchaser.getByTestId('price-product-search-option').first().click();
    await expect.poll(() => purchaser.getByTestId('price-product').textContent()).toContain(product.sku);
    await purchaser.getByTestId('price-pack-size').fill('24');
    await purchaser.getByTestId('price-price').fill('60.00');
    await purchaser.getByTestId('price-save').click();
    await expect.poll(() => purchaser.getByTestId('price-table').textContent()).toContain(product.sku);
    expect(await purchaser.getByTestId('price-table').textContent()).toContain('60.00');
    await purchaser.keyboard.press('Escape');
  });

  it('turns the reorder suggestion into a draft order above the purchaser’s limit and submits it; the purchaser cannot approve it', async () => {
    // The manager's stock rule makes the product due: nothing on hand against a reorder point of 24, filled to 2,400 (100 cases).
    const manager = await newPage('manager');
    const whs = (await (await manager.request.get(`${server.url}/api/org/warehouses`)).json()) as { items: { id: string; code: string }[] };
    const rule = await manager.request.put(`${server.url}/api/inventory/rules`, {
      data: { rules: [{ productId: product.id, warehouseId: whs.items.find((w) => w.code === WAREHOUSE)!.id, reorderPoint: '24', minQty: '0', maxQty: String(2400 + stockBefore) }] },
    });
    expect(rule.status()).toBe(200);

    await openMenu(purchaser, 'purchasing', 'purchaseSuggestions');
    await purchaser.getByTestId('suggestions-heading').waitFor();
    await choose(purchaser, 'suggestions-warehouse', `suggestions-warehouse-${WAREHOUSE}`);
    await expect.poll(() => purchaser.getByTestId(`suggestions-group-${SUPPLIER}`).textContent()).toContain(product.sku);
    // Everything else that is due stays for another day.
    for (const box of await purchaser.locator('[data-testid^="suggestion-check-"] input:checked').all()) {
      const id = await box.locator('xpath=ancestor::*[@data-testid][1]').getAttribute('data-testid');
      if (id !== `suggestion-check-${product.sku}`) await box.click({ force: true });
    }
    expect(await purchaser.getByTestId(`suggestion-qty-${product.sku}`).inputValue()).toBe('100');
    await purchaser.getByTestId('suggestions-create').click();

    await expect.poll(() => purchaser.getByTestId('order-number').textContent()).toMatch(/PO/);
    orderNumber = ((await purchaser.getByTestId('order-number').textContent()) ?? '').trim();
    expect(await purchaser.getByTestId('order-status').textContent()).toContain('Draft');
    // 100 cases × 60.00 = 6,000.00 net, 13 % tax → 6,780.00.
    expect(await purchaser.getByTestId('order-totals').textContent()).toContain('6,780.00');
    expect(await purchaser.getByTestId('order-base-totals').textContent()).toContain('6,780.00');

    await purchaser.getByTestId('order-submit').click();
    await expect.poll(() => purchaser.getByTestId('order-status').textContent()).toContain('Awaiting approval');
    expect(await purchaser.getByTestId('order-approve').count()).toBe(0);
    expect(await purchaser.getByTestId('order-reject').count()).toBe(0);
    // And the API refuses it too.
    const orders = (await (await purchaser.request.get(`${server.url}/api/purchasing/orders?q=${orderNumber}`)).json()) as { items: { id: string }[] };
    const refused = await purchaser.request.post(`${server.url}/api/purchasing/orders/${orders.items[0]!.id}/approve`, { data: {} });
    expect(refused.status()).toBe(403);
    await purchaser.screenshot({ path: join(SCREENSHOT_DIR, 'backoffice-purchase-order.png') });
  });

  it('is approved by the manager', async () => {
    const manager = await newPage('manager');
    await openOrder(manager);
    expect(await manager.getByTestId('order-status').textContent()).toContain('Awaiting approval');
    await manager.getByTestId('order-approve').click();
    await expect.poll(() => manager.getByTestId('order-status').textContent()).toContain('Approved');
  });

  it('is marked sent by the purchaser', async () => {
    await purchaser.goto(`${server.url}/backoffice/purchasing/orders`);
    await purchaser.getByTestId('side-menu').waitFor();
    await openOrder(purchaser);
    await expect.poll(() => purchaser.getByTestId('order-status').textContent()).toContain('Approved');
    await purchaser.getByTestId('order-send').click();
    await expect.poll(() => purchaser.getByTestId('order-status').textContent()).toContain('Sent');
    expect(await purchaser.getByTestId('order-receive').count()).toBe(0); // receiving is the clerk's
  });

  it('is partly received by the clerk scanning a barcode, and the stock shows it', async () => {
    const clerk = await newPage('clerk', TABLET);
    await openOrder(clerk);
    await clerk.getByTestId('order-receive').click();
    await clerk.getByTestId('receive-dialog').waitFor();
    // Prefilled with all that is outstanding: 100 × 24.
    await expect.poll(() => clerk.getByTestId('receive-line-0-received').inputValue()).toBe('2400');
    await clerk.getByTestId('receive-from-zero').click();
    expect(await clerk.getByTestId('receive-line-0-received').inputValue()).toBe('');
    await clerk.getByTestId('receive-scan').click();
    for (let i = 0; i < 3; i++) {
      await clerk.keyboard.type(product.barcode, { delay: 2 });
      await clerk.keyboard.press('Enter');
    }
    await expect.poll(() => clerk.getByTestId('receive-line-0-received').inputValue()).toBe('3');
    expect(await clerk.getByTestId('receive-line-0-accepted').textContent()).toBe('3');
    await clerk.screenshot({ path: join(SCREENSHOT_DIR, 'backoffice-purchase-receive.png') });
    await clerk.getByTestId('receive-post').click();
    await confirmBox(clerk);
    await expect.poll(() => clerk.getByTestId('order-status').textContent()).toContain('Partially received');
    expect(await clerk.getByTestId('order-line-received').first().textContent()).toBe('3');
    expect(await clerk.getByTestId('order-line-outstanding').first().textContent()).toBe('2397');
    await clerk.keyboard.press('Escape');

    await openMenu(clerk, 'inventory', 'stock');
    await clerk.getByTestId('stock-search').fill(product.sku);
    await clerk.getByTestId('stock-search').press('Enter');
    const rows = clerk.getByTestId('stock-table').locator('tbody tr', { hasText: WAREHOUSE });
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    await expect.poll(async () => (await rows.getByTestId('stock-qty').allTextContents()).reduce((s, q) => s + Number(q), 0)).toBe(stockBefore + 3);
  });
});
