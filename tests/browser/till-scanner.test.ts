import { makeWeighedBarcode } from '@shopbook/shared';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSuiteReady, launchBrowser, startServer, type RunningServer } from './harness.ts';
import { apiGet, apiLogin, openShift, registerTill, scan, simpleProducts, unlock, waitForCatalogue, type DemoProduct } from './till-helpers.ts';

/**
 * A USB scanner types the whole code in a few milliseconds and presses Enter, wherever
 * focus is; a person types slowly. The till must add the scanned product even while the
 * cashier is typing in another field, and keep the scanner's digits out of that field.
 */
describe.skipIf(!browserSuiteReady())('till scanner', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let products: (DemoProduct & { barcode: string })[];
  let token: string;

  beforeAll(async () => {
    server = await startServer({ demo: true });
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    page = await context.newPage();
    token = await apiLogin(server.url);
    products = await simpleProducts(server.url, token, 3);
    await registerTill(page, server.url);
    await unlock(page);
    await waitForCatalogue(page);
    await openShift(page);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  const items = () => page.getByTestId('cart-items').textContent();

  it('adds the scanned product with focus in the customer search, and the field stays empty', async () => {
    await page.getByTestId('cart-customer').click();
    const field = page.getByTestId('customer-search-input');
    await field.click();
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid)).toBe('customer-search-input');

    await scan(page, products[0]!.barcode);
    await expect.poll(items, { timeout: 10_000 }).toBe('1');
    expect(await field.inputValue()).toBe('');
    expect(await page.getByTestId(`cart-line-${products[0]!.sku}`).count()).toBe(1);

    await scan(page, products[1]!.barcode);
    await expect.poll(items, { timeout: 10_000 }).toBe('2');
    expect(await field.inputValue()).toBe('');
  });

  it('a person typing the same digits (120 ms a key) adds nothing; the digits stay in the field', async () => {
    const field = page.getByTestId('customer-search-input');
    await field.click();
    await page.keyboard.type(products[2]!.barcode, { delay: 120 });
    await page.keyboard.press('Enter');
    await page.waitForTimeout(500);
    expect(await items()).toBe('2');
    expect(await field.inputValue()).toBe(products[2]!.barcode);
    await page.keyboard.press('Escape');
    await page.getByTestId('customer-dialog').waitFor({ state: 'hidden' });
  });

  it('a person typing in the product search gets a search, not a scan', async () => {
    const search = page.getByTestId('search-input');
    await search.click();
    await page.keyboard.type(products[2]!.name.slice(0, 4), { delay: 120 });
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    expect(await items()).toBe('2');
    expect(await search.inputValue()).toBe(products[2]!.name.slice(0, 4));
    await search.fill('');
  });

  it('a case barcode adds its pack quantity, a scale label its weight', async () => {
    const { items: all } = await apiGet<{ items: DemoProduct[] }>(server.url, token, '/api/catalogue/products?pageSize=500');
    const cased = all.find((p) => !p.batchTracked && p.barcodes.some((b) => Number(b.packQty) === 12))!;
    await scan(page, cased.barcodes.find((b) => Number(b.packQty) === 12)!.barcode);
    await expect.poll(items, { timeout: 10_000 }).toBe('14');

    const weighed = all.find((p) => p.weighed && (p as DemoProduct & { plu: string | null }).plu)! as DemoProduct & { plu: string };
    await scan(page, makeWeighedBarcode({ itemCode: weighed.plu, kind: 'weight', value: 1234 }));
    await expect.poll(() => page.getByTestId(`cart-line-${weighed.sku}`).getByTestId('line-qty').textContent(), { timeout: 10_000 }).toBe('1.234');
  });

  it('names an unknown barcode and offers a search', async () => {
    await scan(page, '6900000000007');
    await expect.poll(() => page.getByTestId('scan-notice-text').textContent(), { timeout: 10_000 }).toBe('Unknown barcode 6900000000007');
    await page.getByTestId('scan-quick-search').click();
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid)).toBe('search-input');
  });
});
