import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSuiteReady, launchBrowser, startServer, type RunningServer } from './harness.ts';

const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR ?? join(tmpdir(), 'shopbook-screenshots');
const VIEWPORT = { width: 1440, height: 900 };
const SALESPERSON = '孙销售 Salesperson';

async function signIn(page: Page, url: string, username: string): Promise<void> {
  await page.goto(`${url}/backoffice/`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill('demo1234');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('side-menu').waitFor();
}

/**
 * Sales staff through the back office: a manager sets this month's target for store S01
 * and for the salesperson and sees the progress on the dashboard, then assigns customer
 * C003 to the salesperson. The salesperson signs in, sees only C003 among the customers,
 * no Finance, Invoices or Till sales, their own target on the dashboard, and quotes to
 * C003 without choosing a salesperson: the order is theirs.
 */
describe.skipIf(!browserSuiteReady())('sales staff: targets, assigned customers and what a salesperson sees', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let manager: Page;

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-US' });
    contexts.push(context);
    return context.newPage();
  }

  beforeAll(async () => {
    server = await startServer({ demo: true });
    browser = await launchBrowser();
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    manager = await newPage();
    await signIn(manager, server.url, 'manager');
  });

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.stop();
  });

  it("a manager sets this month's targets for S01 and the salesperson, and sees the progress on the dashboard", async () => {
    await manager.getByTestId('menu-sales').click();
    await manager.getByTestId('menu-salesTargets').click();
    const store = manager.getByTestId('sales-targets-store-S01');
    await store.waitFor();
    expect(await manager.getByTestId('sales-targets-month').locator('input').inputValue()).toBe(new Date().toISOString().slice(0, 7));

    await manager.getByTestId('target-S01-store-amount').fill('100000');
    await manager.getByTestId('target-S01-store-save').click();
    await expect.poll(() => manager.getByTestId('target-S01-store-progress').textContent()).toMatch(/Behind|On pace|Reached/);
    expect(await manager.getByTestId('target-S01-store-amount').inputValue()).toBe('100000.00');

    await manager.getByTestId('sales-targets-add-S01').click();
    await manager.getByTestId('sales-targets-add-S01-salesperson').click();
    await manager.getByTestId('sales-targets-add-S01-confirm').click();
    await manager.getByTestId('target-S01-salesperson-amount').fill('30000');
    await manager.getByTestId('target-S01-salesperson-save').click();
    await expect.poll(() => manager.getByTestId('target-S01-salesperson-progress').textContent()).toMatch(/Behind|On pace|Reached/);
    await manager.screenshot({ path: join(SCREENSHOT_DIR, 'backoffice-sales-targets.png') });

    await manager.getByTestId('menu-dashboard').click();
    const card = manager.getByTestId('target-progress');
    await expect.poll(() => card.textContent()).toContain('100,000.00');
    expect(await card.textContent()).toContain('30,000.00');
    expect(await card.textContent()).toContain(SALESPERSON);
  });

  it('the manager assigns a customer to the salesperson', async () => {
    await manager.goto(`${server.url}/backoffice/sales/customers`);
    const table = manager.getByTestId('customers-table');
    const row = table.locator('tbody tr', { hasText: 'C003' });
    await row.click();
    await manager.getByTestId('customer-edit').click();
    const dialog = manager.getByTestId('customer-dialog');
    await expect.poll(() => manager.getByTestId('customer-code').inputValue()).toBe('C003');
    await manager.getByTestId('customer-salesperson').click();
    await manager.getByTestId('customer-salesperson-salesperson').click();
    await manager.getByTestId('customer-save').click();
    await dialog.waitFor({ state: 'hidden' });
    await manager.keyboard.press('Escape');
    await expect.poll(() => row.getByTestId('customer-salesperson-name').textContent()).toBe(SALESPERSON);
    // The manager looks after nobody: "Mine" lists no customer.
    await manager.getByTestId('customers-scope-mine').click();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(0);
  });

  it('the salesperson sees only their customer, no finance, invoices or till sales, their own target, and quotes to their customer', async () => {
    const page = await newPage();
    await signIn(page, server.url, 'salesperson');
    const menu = page.getByTestId('side-menu');
    expect(await menu.getByTestId('menu-finance').count()).toBe(0);
    await page.getByTestId('menu-sales').click();
    await menu.getByTestId('menu-customers').waitFor();
    expect(await menu.getByTestId('menu-salesOrders').count()).toBe(1);
    for (const hidden of ['menu-invoices', 'menu-tillSales', 'menu-salesTargets']) expect(await menu.getByTestId(hidden).count(), hidden).toBe(0);

    await page.goto(`${server.url}/backoffice/dashboard`);
    const card = page.getByTestId('target-progress');
    await expect.poll(() => card.textContent()).toContain('30,000.00');
    expect(await card.textContent()).toContain(SALESPERSON);
    expect(await card.textContent()).not.toContain('100,000.00');

    await page.goto(`${server.url}/backoffice/sales/customers`);
    const rows = page.getByTestId('customers-table').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('C003');
    expect(await page.getByTestId('customers-table').textContent()).not.toContain('C001');
    expect(await page.getByTestId('customers-scope').count()).toBe(0);

    await page.goto(`${server.url}/backoffice/sales/orders`);
    await page.getByTestId('sales-orders-new').click();
    expect(await page.getByTestId('sales-order-salesperson').count()).toBe(0);
    await page.getByTestId('sales-order-customer').click();
    await page.getByTestId('sales-order-customer-C003').click();
    expect(await page.getByTestId('sales-order-customer-C001').count()).toBe(0);
    await page.getByTestId('sales-order-warehouse').click();
    await page.getByTestId('sales-order-warehouse-S01-WH').click();
    await page.getByTestId('sales-order-product-search').fill('SNK-CHIPS');
    await page.getByTestId('sales-order-product-search-option').first().click();
    await page.getByTestId('sales-order-line-0-qty').fill('3');
    await page.getByTestId('sales-order-save').click();
    const drawer = page.getByTestId('sales-order-drawer');
    await expect.poll(() => drawer.getByTestId('sales-order-status').textContent()).toContain('Quotation');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    const orderRow = page.getByTestId('sales-orders-table').locator('tbody tr', { hasText: 'C003' });
    await expect.poll(() => orderRow.getByTestId('sales-order-salesperson-name').textContent()).toBe(SALESPERSON);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'backoffice-sales-staff-orders.png') });
  });
});
