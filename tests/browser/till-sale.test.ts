import { makeWeighedBarcode } from '@shopbook/shared';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSuiteReady, launchBrowser, startServer, type RunningServer } from './harness.ts';
import { apiGet, apiLogin, openShift, registerTill, scan, scanInto, simpleProducts, unlock, waitForCatalogue, type DemoProduct } from './till-helpers.ts';

const SCREENSHOT_DIR = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

/**
 * One sale the long way round, as a cashier meets it on a 10-inch tablet: scans, a scale
 * label, a customer, a discount above the cashier's limit approved with the manager's PIN,
 * split payment, the receipt with its per-rate tax; then the shift's Z report.
 * Screenshots go to docs/screenshots/.
 */
describe.skipIf(!browserSuiteReady())('till sale, start to finish', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let token: string;
  let products: (DemoProduct & { barcode: string })[];

  beforeAll(async () => {
    server = await startServer({ demo: true });
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    page = await context.newPage();
    token = await apiLogin(server.url);
    products = await simpleProducts(server.url, token, 3);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await registerTill(page, server.url);
    await unlock(page);
    await waitForCatalogue(page);
    await openShift(page, '300');
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  const byTestId = (id: string) => page.getByTestId(id);

  it('rings up scans, a scale label and a customer', async () => {
    await scanInto(page, products[0]!.barcode, 1);
    await scanInto(page, products[0]!.barcode, 2);
    await scanInto(page, products[1]!.barcode, 3);
    const { items } = await apiGet<{ items: (DemoProduct & { plu: string | null })[] }>(server.url, token, '/api/catalogue/products?pageSize=500');
    const apples = items.find((p) => p.weighed && p.plu)!;
    await scan(page, makeWeighedBarcode({ itemCode: apples.plu!, kind: 'weight', value: 850 }));
    await expect.poll(() => byTestId(`cart-line-${apples.sku}`).getByTestId('line-qty').textContent()).toBe('0.850');

    await byTestId('cart-customer').click();
    await byTestId('customer-search-input').fill('C001');
    await byTestId('customer-C001').click();
    await expect.poll(() => byTestId('cart-customer-name').textContent()).toContain('Customer Co. 1');
  });

  it('asks for the manager’s PIN for a discount above the cashier’s limit', async () => {
    await byTestId(`line-edit-${products[0]!.sku}`).click();
    await byTestId('line-discount-value').fill('10');
    await byTestId('line-save').click();
    await byTestId('manager-dialog').waitFor();
    expect(await byTestId('manager-reasons').textContent()).toContain('line discount above the limit');
    await byTestId('manager-manager').click();
    await byTestId('manager-pin-input').fill('5678');
    await byTestId('manager-pin-submit').click();
    await byTestId('manager-dialog').waitFor({ state: 'hidden' });
    await expect.poll(() => byTestId(`cart-line-${products[0]!.sku}`).getByTestId('line-discount').count()).toBe(1);
    expect(await byTestId('cart-tax-row').count()).toBeGreaterThanOrEqual(1);
    await page.screenshot({ path: `${SCREENSHOT_DIR}till-cart.png` });
  });

  it('takes a split payment and prints the receipt with the tax per rate', async () => {
    const total = (await byTestId('cart-total').textContent())!;
    await byTestId('cart-pay').click();
    await byTestId('pay-tender-card').click();
    await byTestId('pay-amount-input').fill('10.00');
    await byTestId('pay-reference-input').fill('POS-778812');
    await byTestId('pay-add').click();
    await byTestId('pay-line-0').waitFor();
    await byTestId('pay-amount-input').fill('100');
    await byTestId('pay-add').click();
    await expect.poll(() => byTestId('pay-remaining').textContent()).toBe('0.00');
    expect(Number(await byTestId('pay-change').textContent())).toBeGreaterThan(0);
    await page.screenshot({ path: `${SCREENSHOT_DIR}till-payment.png` });
    await byTestId('pay-complete').click();
    await byTestId('receipt').waitFor();
    expect(await byTestId('receipt-total').textContent()).toBe(total);
    const rates = await byTestId('receipt-tax-row').allTextContents();
    expect(rates.length).toBe(2); // 13 % goods and the 9 % fruit
    expect(await byTestId('receipt-change').count()).toBe(1);
    await byTestId('receipt').screenshot({ path: `${SCREENSHOT_DIR}till-receipt.png` });
    await byTestId('receipt-next').click();
  });

  it('closes the shift with the count and shows the Z report', async () => {
    await byTestId('open-shift-panel').click();
    await byTestId('shift-summary').waitFor();
    await byTestId('shift-move-amount').fill('50');
    await byTestId('shift-move-reason').fill('bank drop');
    await byTestId('shift-cash-out').click();
    await byTestId('shift-start-close').click();
    await byTestId('shift-count-cash').fill('300');
    await byTestId('shift-count-card').fill('10');
    await byTestId('shift-close-confirm').click();
    await byTestId('z-report').waitFor();
    expect(await byTestId('z-sales-count').textContent()).toBe('1');
    expect(await byTestId('z-diff-card').textContent()).toBe('0.00');
    await page.screenshot({ path: `${SCREENSHOT_DIR}till-z-report.png` });
    await byTestId('shift-done').click();
    await byTestId('no-shift').waitFor();
  });

  it('reads in Chinese, PIN screen included', async () => {
    await byTestId('language-zh-CN').click();
    await expect.poll(() => byTestId('no-shift').textContent()).toContain('当前没有开班');
    await byTestId('sign-out').click();
    await byTestId('pin-page').waitFor();
    await byTestId('pin-cashier-cashier').click();
    expect(await byTestId('pin-entry').textContent()).toContain('的 PIN');
    await page.screenshot({ path: `${SCREENSHOT_DIR}till-pin-zh.png` });
    await byTestId('language-en').click();
  });
});
