import { withCheckDigit } from '@shopbook/shared';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSuiteReady, launchBrowser, startServer, type RunningServer } from './harness.ts';
import { apiGet, apiLogin, openShift, registerTill, scan, unlock, waitForCatalogue, type DemoProduct } from './till-helpers.ts';

const PHONE = { sku: 'SER-PHONE-1', name: 'Phone X1 手机', barcode: withCheckDigit('690999200001') };
const UNITS = ['IMEI-0001', 'IMEI-0002'];

async function signIn(page: Page, url: string, username: string): Promise<void> {
  await page.goto(`${url}/backoffice/`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill('demo1234');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('side-menu').waitFor();
}

/**
 * A serial-tracked phone from delivery to sale: the clerk receives two units by scanning
 * their serials in the back office, the cashier sells one by scanning the box's serial,
 * takes it back on a return naming it, and the back office finds that unit by its serial with
 * the receipt, the sale and the return behind it.
 */
describe.skipIf(!browserSuiteReady())('serial numbers, receipt to sale', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let token: string;

  beforeAll(async () => {
    server = await startServer({ demo: true });
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
    token = await apiLogin(server.url);
    const { items } = await apiGet<{ items: (DemoProduct & { taxRateId: string })[] }>(server.url, token, '/api/catalogue/products?pageSize=1');
    const res = await fetch(`${server.url}/api/catalogue/products`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        sku: PHONE.sku, name: PHONE.name, taxRateId: items[0]!.taxRateId, purchasePrice: 150_000, salePrice: 199_900, serialTracked: true,
        barcodes: [{ barcode: PHONE.barcode }],
      }),
    });
    expect(res.status).toBe(201);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it('receives two units by their serials, refusing the receipt until each unit has one', async () => {
    const page = await context.newPage();
    await signIn(page, server.url, 'clerk');
    await page.goto(`${server.url}/backoffice/inventory/receipts`);
    await page.getByTestId('receipts-new').click();
    await page.getByTestId('receipt-dialog').waitFor();
    await page.getByTestId('receipt-warehouse').click();
    await page.getByTestId('receipt-warehouse-S01-WH').click();
    await page.getByTestId('receipt-product-search').click();
    await scan(page, PHONE.barcode);
    await expect.poll(() => page.getByTestId('receipt-lines').textContent()).toContain(PHONE.sku);
    await page.getByTestId('receipt-line-0-qty').fill('2');

    await page.getByTestId('receipt-save').click();
    await expect.poll(() => page.getByTestId('receipt-lines').textContent()).toContain('2 needed, 0 given');

    // The serial box takes scans one after another: each ends with Enter, a new line.
    await page.getByTestId('receipt-line-0-serials').click();
    for (const unit of UNITS) await scan(page, unit.toLowerCase());
    await expect.poll(() => page.getByTestId('receipt-lines').textContent()).toContain('2 of 2 serial numbers');
    await page.getByTestId('receipt-save').click();
    await page.getByTestId('receipt-drawer').waitFor();
    await page.getByTestId('receipt-post').click();
    await page.locator('.el-message-box__btns .el-button--primary').click();
    await expect.poll(() => page.getByTestId('receipt-status').textContent()).toContain('Posted');
    await page.close();
  });

  it('sells one unit at the till by scanning the serial on its box, will not sell the same unit twice, and takes that unit back', async () => {
    const page = await context.newPage();
    await registerTill(page, server.url);
    await unlock(page);
    await waitForCatalogue(page);
    await openShift(page);

    await scan(page, PHONE.barcode);
    await page.getByTestId('serial-dialog').waitFor();
    await scan(page, UNITS[0]!);
    await expect.poll(() => page.getByTestId('cart-items').textContent()).toBe('1');
    await expect.poll(() => page.getByTestId('line-serials').textContent()).toContain(UNITS[0]);
    await page.getByTestId('serial-dialog').waitFor({ state: 'hidden' });

    await scan(page, PHONE.barcode);
    await page.getByTestId('serial-dialog').waitFor();
    await scan(page, UNITS[0]!);
    await expect.poll(() => page.getByTestId('serial-error').textContent()).toContain(`${UNITS[0]} is already in this sale`);
    await page.getByTestId('serial-cancel').click();
    expect(await page.getByTestId('cart-items').textContent()).toBe('1');

    await page.getByTestId('cart-pay').click();
    await page.getByTestId('pay-exact').click();
    await page.getByTestId('pay-complete').click();
    await page.getByTestId('receipt').waitFor();
    await page.getByTestId('receipt-next').click();
    // The sale reaches the server with the unit's serial: the unit is out of stock there.
    await expect
      .poll(async () => (await apiGet<{ items: { state: string }[] }>(server.url, token, `/api/inventory/serials?q=${UNITS[0]}`)).items[0]?.state, { timeout: 30_000 })
      .toBe('out');

    // The customer brings that very unit back: the return names it, and it is back in stock.
    await page.getByTestId('open-returns').click();
    await page.locator('[data-testid^="returns-recent-"]').first().click();
    await page.getByTestId('returns-sale-receipt').waitFor();
    await page.getByTestId(`returns-serial-${UNITS[0]}`).click();
    await expect.poll(() => page.getByTestId('returns-refunds').textContent()).toContain('1999.00');
    await page.getByTestId('returns-complete').click();
    await page.getByTestId('receipt').waitFor();
    await page.getByTestId('receipt-next').click();
    await expect
      .poll(async () => (await apiGet<{ items: { state: string }[] }>(server.url, token, `/api/inventory/serials?q=${UNITS[0]}`)).items[0]?.state, { timeout: 30_000 })
      .toBe('in_stock');
    await page.close();
  });

  it('finds each unit by its serial in the back office, with the documents behind its moves', async () => {
    const page = await context.newPage();
    await signIn(page, server.url, 'clerk');
    await page.goto(`${server.url}/backoffice/inventory/stock?tab=serials`);
    const table = page.getByTestId('serials-table');
    await expect.poll(() => table.textContent()).toContain(UNITS[1]);
    expect(await table.locator('tbody tr', { hasText: UNITS[1]! }).textContent()).toContain('In stock');

    await page.getByTestId('serials-query').fill(UNITS[0]!.toLowerCase());
    await page.getByTestId('serials-query').press('Enter');
    const history = page.getByTestId('serial-history');
    await history.waitFor();
    await expect.poll(() => history.locator('tbody tr').count()).toBe(3);
    const rows = await history.locator('tbody tr').allTextContents();
    expect(rows[0]).toMatch(/In.*Goods receipt/);
    expect(rows[1]).toMatch(/Out.*Sale/);
    expect(rows[2]).toMatch(/In.*Till return/);
    expect(await page.getByTestId('serial-drawer').textContent()).toContain('In stock');
    await page.close();
  });
});
