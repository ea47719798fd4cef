import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CustomerPoints, lineTax, newId } from '@shopbook/shared';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSuiteReady, launchBrowser, startServer, type RunningServer } from './harness.ts';
import { apiGet, apiLogin, openShift, registerTill, scanInto, simpleProducts, unlock, waitForCatalogue, type DemoProduct } from './till-helpers.ts';

const ARTEFACTS = process.env.SCREENSHOT_DIR ?? join(tmpdir(), 'shopbook-screenshots');

/**
 * A shop runs loyalty points: the manager sets the programme up and gives a customer
 * welcome points in the back office; the cashier lets the customer spend points at the
 * till; the back office shows the points ledger; points spent twice at two offline
 * tills show up as a problem the manager resolves.
 */
describe.skipIf(!browserSuiteReady())('loyalty points', () => {
  let server: RunningServer;
  let browser: Browser;
  let office: BrowserContext;
  let page: Page;
  let manager = '';
  let customerId = '';
  let product: DemoProduct & { barcode: string };

  async function call<T>(token: string, method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${server.url}${path}`, {
      method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }
  const points = () => apiGet<CustomerPoints>(server.url, manager, `/api/loyalty/customers/${customerId}`);

  beforeAll(async () => {
    mkdirSync(ARTEFACTS, { recursive: true });
    server = await startServer({ demo: true });
    browser = await launchBrowser();
    manager = await apiLogin(server.url);
    customerId = (await apiGet<{ items: { id: string }[] }>(server.url, manager, '/api/customers?q=C001')).items[0]!.id;
    product = (await simpleProducts(server.url, manager, 1))[0]!;
    office = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
    page = await office.newPage();
    await page.goto(`${server.url}/backoffice/`);
    await page.getByTestId('login-username').fill('manager');
    await page.getByTestId('login-password').fill('demo1234');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('side-menu').waitFor();
  });

  afterAll(async () => {
    await office?.close();
    await browser?.close();
    await server?.stop();
  });

  it('sets the programme up, refusing a spend of nothing, and gives a customer welcome points', async () => {
    await page.goto(`${server.url}/backoffice/sales/loyalty`);
    await page.getByTestId('loyalty-heading').waitFor();
    await page.getByTestId('loyalty-enabled').click();
    await page.getByTestId('loyalty-spend-per-point').fill('0');
    await page.getByTestId('loyalty-point-value').fill('0.01');
    await page.getByTestId('loyalty-min-redeem').fill('100');
    await page.getByTestId('loyalty-save').click();
    await page.getByText('Enter an amount above 0').waitFor();
    expect((await apiGet<{ enabled: boolean }>(server.url, manager, '/api/loyalty/program')).enabled).toBe(false);
    await page.getByTestId('loyalty-spend-per-point').fill('1');
    await page.getByTestId('loyalty-save').click();
    await page.getByText('Programme saved').waitFor();
    expect(await apiGet(server.url, manager, '/api/loyalty/program')).toEqual({ enabled: true, earnPerAmount: 100, pointValue: 1, minRedeem: 100 });

    await page.goto(`${server.url}/backoffice/sales/customers`);
    await page.getByTestId('customers-search').fill('C001');
    await page.getByTestId('customers-search').press('Enter');
    await page.getByTestId('customers-table').locator('.el-table__row', { hasText: 'C001' }).click();
    const drawer = page.getByTestId('customer-drawer');
    await drawer.getByRole('tab', { name: 'Points' }).click();
    await expect.poll(() => drawer.getByTestId('customer-points').textContent()).toBe('0');
    await drawer.getByTestId('customer-points-adjust').click();
    await page.getByTestId('points-adjust-points').fill('500');
    await page.getByTestId('points-adjust-reason').fill('Welcome gift');
    await page.getByTestId('points-adjust-save').click();
    await expect.poll(() => drawer.getByTestId('customer-points').textContent()).toBe('500');
    expect(await drawer.getByTestId('customer-points-entries').textContent()).toContain('Welcome gift');
  });

  it('lets the customer spend points at the till, and the back office shows what they spent and earned', async () => {
    const tillContext = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    const till = await tillContext.newPage();
    await registerTill(till, server.url, 'Till P');
    await unlock(till);
    await waitForCatalogue(till);
    await openShift(till, '100');
    await scanInto(till, product.barcode, 1);
    await till.getByTestId('cart-customer').click();
    await till.getByTestId('customer-search-input').fill('C001');
    await till.getByTestId('customer-C001').click();
    await till.keyboard.press('Escape');
    await till.getByTestId('cart-pay').click();
    const gross = product.salePrice;
    const spend = Math.min(300, Math.floor(gross / 100) * 100);
    await till.getByTestId('pay-tender-points').click();
    await expect.poll(() => till.getByTestId('pay-points-available').textContent()).toContain('holds 500 points');
    await till.getByTestId('pay-amount-input').fill(String(spend));
    await till.getByTestId('pay-add').click();
    await expect.poll(() => till.getByTestId('pay-line-0').textContent()).toContain(`${spend} points`);
    await till.screenshot({ path: join(ARTEFACTS, 'till-points.png') });
    await till.getByTestId('pay-exact').click();
    await till.getByTestId('pay-complete').click();
    await till.getByTestId('receipt').waitFor();
    expect(await till.getByTestId('receipt').textContent()).toContain('Points');

    const earned = Math.floor((gross - spend) / 100);
    await expect.poll(async () => (await points()).points, { timeout: 30_000 }).toBe(500 - spend + earned);
    await tillContext.close();

    const drawer = page.getByTestId('customer-drawer');
    await drawer.getByRole('tab', { name: 'Purchases' }).click();
    await drawer.getByRole('tab', { name: 'Points' }).click();
    await expect.poll(() => drawer.getByTestId('customer-points').textContent()).toBe(String(500 - spend + earned));
    const ledger = await drawer.getByTestId('customer-points-entries').textContent();
    expect(ledger).toContain('Spent');
    expect(ledger).toContain(`-${spend}`);
    if (earned > 0) expect(ledger).toContain(`+${earned}`);
    await page.screenshot({ path: join(ARTEFACTS, 'backoffice-customer-points.png') });
  });

  it('lists points spent twice at two offline tills, and the manager resolves it', async () => {
    const held = (await points()).points;
    const stores = await apiGet<{ items: { id: string; code: string }[] }>(server.url, manager, '/api/org/stores');
    const device = await call<{ deviceId: string; token: string; storeId: string; warehouseId: string }>(manager, 'POST', '/api/devices/register', {
      name: 'Till Q', storeId: stores.items.find((s) => s.code === 'S01')!.id,
    });
    const pulled = await fetch(`${server.url}/api/sync/pull/cashiers`, { headers: { authorization: `Bearer ${device.token}` } });
    const cashierId = ((await pulled.json()) as { rows: { id: string; username: string }[] }).rows.find((c) => c.username === 'cashier')!.id;
    // The same points spent on two sales made while offline: each pays 1.00 with 100 points on a sale of exactly 1.00.
    const spendAll = (seq: number) => {
      const saleId = newId();
      const split = lineTax(100, 1300, true);
      return {
        id: saleId, deviceId: device.deviceId, seq, type: 'sale', occurredAt: new Date().toISOString(),
        payload: {
          v: 1, saleId, receiptNo: `Q-${seq}`, storeId: device.storeId, warehouseId: device.warehouseId, cashierId, shiftId: null, customerId, pricesIncludeTax: true,
          lines: [{ lineId: newId(), productId: product.id, batchId: null, qty: '1', unitPrice: 100, listPrice: 100, discount: 0, taxRateBp: 1300, ...split }],
          totals: { ...split, discount: 0 },
          payments: [{ tender: 'points', amount: 100, tendered: null, reference: null, points: 100 }],
        },
      };
    };
    const n = Math.floor(held / 100) + 1;
    const events = Array.from({ length: n }, (_, i) => spendAll(i + 1));
    await call(device.token, 'POST', '/api/sync/push', { events });
    expect((await points()).points).toBe(held - n * 100);

    await page.goto(`${server.url}/backoffice/sales/loyalty`);
    const table = page.getByTestId('loyalty-problems');
    await expect.poll(() => table.textContent()).toContain(`Q-${n}`);
    await page.screenshot({ path: join(ARTEFACTS, 'backoffice-loyalty-problems.png'), fullPage: true });
    await page.getByTestId(`loyalty-resolve-Q-${n}`).click();
    await page.locator('.el-message-box input').fill('Customer told; 100 points owed');
    await page.locator('.el-message-box').getByRole('button', { name: 'Mark resolved' }).click();
    await page.getByText('Marked resolved').waitFor();
    await expect.poll(() => table.textContent()).not.toContain(`Q-${n}`);
  });
});
