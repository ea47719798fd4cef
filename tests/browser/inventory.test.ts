import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withCheckDigit } from '@shopbook/shared';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSuiteReady, launchBrowser, startServer, type RunningServer } from './harness.ts';

const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR ?? join(tmpdir(), 'shopbook-screenshots');
const VIEWPORT = { width: 1440, height: 900 };
const ready = browserSuiteReady();

// Three new products with GS1 China barcodes outside the demo's range (6910…).
const BARCODES = ['690999000001', '690999000002', '690999000003'].map(withCheckDigit);
const HEADER = 'sku,name,category_code,unit,tax_rate,purchase_price,sale_price,barcodes,weighed,plu,batch_tracked,tracks_expiry,shelf_life_days,status';
const row = (n: number, barcode: string) =>
  `E2E-00${n},E2E tea ${n} 测试茶,BEV-TEA,each,13,2.80,4.50,${barcode},false,,false,false,,active`;
/** The same file with the second product's check digit wrong (data row 2 is file row 3). */
const badBarcode = `${BARCODES[1]!.slice(0, 12)}${(Number(BARCODES[1]!.at(-1)) + 1) % 10}`;
const BAD_CSV = [HEADER, row(1, BARCODES[0]!), row(2, badBarcode), row(3, BARCODES[2]!)].join('\n');
const GOOD_CSV = [HEADER, ...BARCODES.map((b, i) => row(i + 1, b))].join('\n');
const PRODUCT_SKU = 'E2E-002';
const PRODUCT_BARCODE = BARCODES[1]!;

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

async function uploadCsv(page: Page, name: string, csv: string): Promise<void> {
  await page.getByTestId('import-file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
}

/**
 * Catalogue and stock through the back office over the demo company: the owner
 * imports products from CSV (a bad file first), a clerk drafts a "found" adjustment,
 * a manager posts it, and the stock page and the product's ledger show it.
 */
describe.skipIf(!ready)('catalogue import and a stock adjustment', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let adjustmentNumber = '';

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-US' });
    contexts.push(context);
    return context.newPage();
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

  it('imports products from CSV after a dry run shows the bad row, and finds one by barcode', async () => {
    const page = await newPage();
    await signIn(page, server.url, 'owner');
    await openMenu(page, 'catalogue', 'products');
    await page.getByTestId('products-table').waitFor();
    // The demo catalogue is listed.
    await expect.poll(() => page.getByTestId('products-table').locator('tbody tr').count()).toBeGreaterThan(10);

    await page.getByTestId('products-import').click();
    await page.getByTestId('import-dialog').waitFor();
    await uploadCsv(page, 'products-bad.csv', BAD_CSV);
    await page.getByTestId('import-errors').waitFor();
    const summary = await page.getByTestId('import-summary').textContent();
    expect(summary).toContain('Checked 3 rows: 2 can be imported, 1 have errors.');
    const errorRow = page.getByTestId('import-errors').locator('tbody tr').first();
    const cells = await errorRow.locator('td').allTextContents();
    expect(cells[0]?.trim()).toBe('3');
    expect(cells[1]?.trim()).toBe('barcodes');
    expect(cells[2]).toContain('check digit');
    expect(await page.getByTestId('import-all').isDisabled()).toBe(true);
    expect(await page.getByTestId('import-valid').isEnabled()).toBe(true);

    // The fixed file checks clean; only then may everything be imported.
    await uploadCsv(page, 'products.csv', GOOD_CSV);
    await expect.poll(() => page.getByTestId('import-summary').textContent()).toContain('all 3 rows can be imported');
    expect(await page.getByTestId('import-errors').count()).toBe(0);
    await page.getByTestId('import-all').click();
    await expect.poll(() => page.getByTestId('import-summary').textContent()).toContain('Imported: 3 created, 0 updated.');
    await page.keyboard.press('Escape');

    await page.getByTestId('products-search').fill(PRODUCT_BARCODE);
    await page.getByTestId('products-search').press('Enter');
    const rows = page.getByTestId('products-table').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(1);
    const text = (await rows.first().textContent()) ?? '';
    expect(text).toContain(PRODUCT_SKU);
    expect(text).toContain('E2E tea 2 测试茶');
    expect(text).toContain('13%');
    expect(text).toContain('4.50');
    expect(text).toContain(PRODUCT_BARCODE);

    // The picture shows the whole list, not just the one hit.
    await page.getByTestId('products-search').fill('E2E');
    await page.getByTestId('products-search').press('Enter');
    await expect.poll(() => rows.count()).toBe(3);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'backoffice-products.png') });
  });

  it('lets a clerk draft a "found" adjustment but not post it', async () => {
    const page = await newPage();
    await signIn(page, server.url, 'clerk');
    await openMenu(page, 'inventory', 'adjustments');
    await page.getByTestId('adjustments-heading').waitFor();
    await page.getByTestId('adjustments-new').click();
    await page.getByTestId('adjustment-dialog').waitFor();

    await page.getByTestId('adjustment-warehouse').click();
    await page.getByTestId('adjustment-warehouse-S01-WH').click();
    await page.getByTestId('adjustment-reason').click();
    await page.getByTestId('adjustment-reason-found').click();
    await page.getByTestId('adjustment-note').fill('found behind the shelf');

    // Saving without lines says what is missing.
    await page.getByTestId('adjustment-save').click();
    await expect.poll(() => page.getByTestId('adjustment-dialog').textContent()).toContain('Add at least one line');

    await page.getByTestId('adjustment-product-search').fill(PRODUCT_SKU);
    await page.getByTestId('adjustment-product-search-option').first().click();
    await page.getByTestId('adjustment-line-0-qty').fill('20');
    await page.getByTestId('adjustment-line-0-cost').fill('3.50');
    await page.getByTestId('adjustment-save').click();

    await page.getByTestId('adjustment-drawer').waitFor();
    await expect.poll(() => page.getByTestId('adjustment-number').textContent()).toMatch(/ADJ/);
    adjustmentNumber = ((await page.getByTestId('adjustment-number').textContent()) ?? '').trim();
    expect(await page.getByTestId('adjustment-status').textContent()).toContain('Draft');
    expect(await page.getByTestId('adjustment-detail-lines').textContent()).toContain('+20');
    expect(await page.getByTestId('adjustment-post').count()).toBe(0);
  });

  it('lets a manager post the draft', async () => {
    expect(adjustmentNumber).not.toBe('');
    const page = await newPage();
    await signIn(page, server.url, 'manager');
    await openMenu(page, 'inventory', 'adjustments');
    await page.getByTestId('adjustments-table').locator('tbody tr', { hasText: adjustmentNumber }).click();
    await page.getByTestId('adjustment-post').click();
    await page.locator('.el-message-box__btns .el-button--primary').click();
    await expect.poll(() => page.getByTestId('adjustment-status').textContent()).toContain('Posted');
    expect(await page.getByTestId('adjustment-post').count()).toBe(0);
  });

  it('shows the new level and the move in the product ledger', async () => {
    const page = await newPage();
    await signIn(page, server.url, 'manager');
    await openMenu(page, 'inventory', 'stock');
    await page.getByTestId('stock-search').fill(PRODUCT_SKU);
    await page.getByTestId('stock-search').press('Enter');
    const rows = page.getByTestId('stock-table').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(1);
    const row = rows.first();
    expect(await row.getByTestId('stock-qty').textContent()).toBe('20');
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('S01-WH');
    expect(text).toContain('3.50'); // average cost
    expect(text).toContain('70.00'); // value: 20 × 3.50

    await page.getByTestId('stock-search').fill('');
    await page.getByTestId('stock-search').press('Enter');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    // Let the loading masks of both searches fade out before the picture.
    await expect.poll(() => page.getByTestId('stock-table').locator('.el-loading-mask').count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'backoffice-stock.png') });

    await page.getByTestId('stock-table').locator('tbody tr', { hasText: PRODUCT_SKU }).click();
    await page.getByTestId('ledger-drawer').waitFor();
    const moves = page.getByTestId('ledger-table').locator('tbody tr');
    await expect.poll(() => moves.count()).toBe(1);
    expect(await moves.first().getByTestId('ledger-move-type').textContent()).toBe('Adjustment');
    expect(await moves.first().getByTestId('ledger-qty').textContent()).toBe('+20');
    expect(await moves.first().getByTestId('ledger-balance').textContent()).toBe('20');
    expect(await moves.first().textContent()).toContain('Stock adjustment');
    await page.waitForTimeout(500); // the drawer's slide-in, for the picture only
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'backoffice-ledger.png') });
  });
});
