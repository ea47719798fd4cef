import { lineAmount, lineTax, newId, parseQuantity } from '@shopbook/shared';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSuiteReady, launchBrowser, startServer, type RunningServer } from './harness.ts';
import { apiLogin } from './till-helpers.ts';

const DESKTOP = { width: 1440, height: 900 };

type PulledProduct = { id: string; price: number; taxRateBp: number; weighed: boolean; batchTracked: boolean; serialTracked: boolean };

/**
 * A manager keeps a customer in the back office: creates them, raises their credit
 * limit; a till (registered and pushing through the API, as a till does) sells to them
 * on account, and the customer's purchases and balance show the sale.
 */
describe.skipIf(!browserSuiteReady())('customer record → credit limit → a till sale on account in history and balance', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  async function call<T>(token: string, method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${server.url}${path}`, {
      method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }

  /** Registers a till at S01 and pushes one sale of 2 units to the customer, all on account; returns the sale's gross. */
  async function sellOnAccount(customerId: string): Promise<number> {
    const manager = await apiLogin(server.url, 'manager');
    const stores = await call<{ items: { id: string; code: string }[] }>(manager, 'GET', '/api/org/stores');
    const till = await call<{ deviceId: string; token: string; storeId: string; warehouseId: string }>(manager, 'POST', '/api/devices/register', {
      name: 'Till C', storeId: stores.items.find((s) => s.code === 'S01')!.id,
    });
    const cashiers = await call<{ rows: { id: string; username: string }[] }>(till.token, 'GET', '/api/sync/pull/cashiers');
    const products = await call<{ rows: PulledProduct[] }>(till.token, 'GET', '/api/sync/pull/products?limit=100');
    const p = products.rows.find((r) => !r.weighed && !r.batchTracked && !r.serialTracked && r.price > 0)!;
    const { net, tax, gross } = lineTax(lineAmount(parseQuantity('2'), p.price), p.taxRateBp, true);
    const saleId = newId();
    const event = {
      id: saleId, deviceId: till.deviceId, seq: 1, type: 'sale', occurredAt: new Date().toISOString(),
      payload: {
        v: 1, saleId, receiptNo: 'T-CUST-1', storeId: till.storeId, warehouseId: till.warehouseId, cashierId: cashiers.rows.find((c) => c.username === 'cashier')!.id,
        shiftId: null, customerId, pricesIncludeTax: true, cartDiscount: 0, change: 0, approvedBy: null,
        lines: [{
          lineId: newId(), productId: p.id, batchId: null, qty: '2', serials: [], unitPrice: p.price, listPrice: p.price, overrideReason: null, discount: 0,
          taxRateBp: p.taxRateBp, net, tax, gross,
        }],
        totals: { net, tax, gross, discount: 0 },
        payments: [{ tender: 'account', amount: gross, tendered: null, reference: null }],
      },
    };
    const pushed = await call<{ results: { status: string; reason?: string }[] }>(till.token, 'POST', '/api/sync/push', { events: [event] });
    expect(pushed.results[0]).toMatchObject({ status: 'applied' });
    return gross;
  }

  beforeAll(async () => {
    server = await startServer({ demo: true });
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: DESKTOP, locale: 'en-US' });
    page = await context.newPage();
    await page.goto(`${server.url}/backoffice/`);
    await page.getByTestId('login-username').fill('manager');
    await page.getByTestId('login-password').fill('demo1234');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('side-menu').waitFor();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it('is created by the manager and opens in the drawer', async () => {
    await page.goto(`${server.url}/backoffice/sales/customers`);
    await page.getByTestId('customers-heading').waitFor();
    await page.getByTestId('customers-new').click();
    const dialog = page.getByTestId('customer-dialog');
    await dialog.getByTestId('customer-code').fill('C-WEB-1');
    await dialog.getByTestId('customer-name').fill('Lakeside Tea House');
    await dialog.getByTestId('customer-phone').fill('0571-8765 4321');
    await dialog.getByTestId('customer-credit-limit').fill('5000');
    // Payment terms that are not whole days are refused on their field before anything is sent.
    await dialog.getByTestId('customer-terms').fill('2.5');
    await dialog.getByTestId('customer-save').click();
    await expect.poll(() => dialog.locator('.el-form-item__error').count()).toBeGreaterThan(0);
    await dialog.getByTestId('customer-terms').fill('30');
    await dialog.getByTestId('customer-save').click();
    const drawer = page.getByTestId('customer-drawer');
    await expect.poll(() => drawer.getByTestId('customer-credit-limit-shown').textContent()).toContain('5,000.00');
    await expect.poll(() => page.getByTestId('customers-table').textContent()).toContain('C-WEB-1');
  });

  it('has its credit limit raised through the edit dialog', async () => {
    const drawer = page.getByTestId('customer-drawer');
    await drawer.getByTestId('customer-edit').click();
    const dialog = page.getByTestId('customer-dialog');
    const limit = dialog.getByTestId('customer-credit-limit');
    await expect.poll(() => limit.inputValue()).toBe('5000.00');
    await limit.fill('8000');
    await dialog.getByTestId('customer-save').click();
    await expect.poll(() => drawer.getByTestId('customer-credit-limit-shown').textContent()).toContain('8,000.00');
  });

  it('shows a till sale on account in the purchases and the balance', async () => {
    const manager = await apiLogin(server.url, 'manager');
    const found = await call<{ items: { id: string; code: string }[] }>(manager, 'GET', '/api/customers?q=C-WEB-1');
    const gross = await sellOnAccount(found.items[0]!.id);
    const owed = (gross / 100).toLocaleString('en-US', { minimumFractionDigits: 2 });

    // Open the customer afresh from the list, as the manager would after the sale.
    await page.keyboard.press('Escape');
    await page.getByTestId('customers-search').fill('C-WEB');
    await page.getByTestId('customers-search').press('Enter');
    const row = page.getByTestId('customers-table').locator('.el-table__row', { hasText: 'C-WEB-1' });
    await expect.poll(() => row.textContent()).toContain(owed);
    await row.click();
    const drawer = page.getByTestId('customer-drawer');
    await drawer.getByRole('tab', { name: 'Purchases' }).click();
    await expect.poll(() => drawer.getByTestId('customer-history').textContent()).toContain('T-CUST-1');
    const history = await drawer.getByTestId('customer-history').textContent();
    expect(history).toContain('S01');
    expect(history).toContain(owed);
    await expect.poll(() => drawer.getByTestId('customer-balance-amount').textContent()).toContain(owed);
    expect(await drawer.getByTestId('customer-balance-limit').textContent()).toContain('8,000.00');
  });
});
