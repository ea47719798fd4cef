import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withCheckDigit } from '@shopbook/shared';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSuiteReady, launchBrowser, startServer, type RunningServer } from './harness.ts';

const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR ?? join(tmpdir(), 'shopbook-screenshots');
const DESKTOP = { width: 1440, height: 900 };
/** A 10-inch tablet held sideways: where the counting happens. */
const TABLET = { width: 1280, height: 800 };
const ready = browserSuiteReady();

// Two new products with GS1 China barcodes outside the demo's range: A plain, B batch-tracked with expiry.
const A = { sku: 'FLOW-A01', name: 'Flow oolong A 乌龙茶', barcode: withCheckDigit('690999100001') };
const B = { sku: 'FLOW-B01', name: 'Flow yogurt B 酸奶', barcode: withCheckDigit('690999100002') };
const CSV = [
  'sku,name,category_code,unit,tax_rate,purchase_price,sale_price,barcodes,weighed,plu,batch_tracked,tracks_expiry,shelf_life_days,status',
  `${A.sku},${A.name},BEV-TEA,each,13,2.80,4.50,${A.barcode},false,,false,false,,active`,
  `${B.sku},${B.name},DAIRY-YOG,each,13,5.00,7.90,${B.barcode},false,,true,true,20,active`,
].join('\n');
const LOT = 'LOT-B1';

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

/** Types a code into the focused input the way a USB scanner does: fast keystrokes, then Enter. */
async function scan(page: Page, code: string): Promise<void> {
  await page.keyboard.type(code, { delay: 2 });
  await page.keyboard.press('Enter');
}

const activeTestId = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
const rowOf = (table: Locator, text: string) => table.locator('tbody tr', { hasText: text });
const confirmBox = (page: Page) => page.locator('.el-message-box__btns .el-button--primary').click();
const localDate = (offsetDays = 0) => {
  const d = new Date();
  d.setDate(d.getDate() + offsetDays);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/**
 * Stock from delivery to count through the back office over the demo company: the
 * owner imports two products, a clerk receives them on a goods receipt (B with its
 * batch and expiry), a manager sets A's reorder point, the clerk and the manager count
 * the warehouse blind on tablets by scanning, the manager reviews and approves, and the
 * ledger, the low-stock list and the dashboard show the result. Last, a transfer that
 * arrives one short.
 */
describe.skipIf(!ready)('goods receipt → reorder rule → stock-take → ledger and low stock', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let stockTakeUrl = '';

  async function newPage(username: string, viewport = DESKTOP): Promise<Page> {
    const context = await browser.newContext({ viewport, locale: 'en-US' });
    contexts.push(context);
    const page = await context.newPage();
    await signIn(page, server.url, username);
    return page;
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

  it('imports two products from CSV as the owner', async () => {
    const page = await newPage('owner');
    await openMenu(page, 'catalogue', 'products');
    await page.getByTestId('products-import').click();
    await page.getByTestId('import-file').setInputFiles({ name: 'flow.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV, 'utf8') });
    await expect.poll(() => page.getByTestId('import-summary').textContent()).toContain('all 2 rows can be imported');
    await page.getByTestId('import-all').click();
    await expect.poll(() => page.getByTestId('import-summary').textContent()).toContain('Imported: 2 created, 0 updated.');
  });

  it('receives 30 of A and 10 of B (with batch and expiry) on a goods receipt as the clerk, and posts it', async () => {
    const page = await newPage('clerk');
    await openMenu(page, 'inventory', 'receipts');
    await page.getByTestId('receipts-heading').waitFor();
    await page.getByTestId('receipts-new').click();
    await page.getByTestId('receipt-dialog').waitFor();
    await choose(page, 'receipt-warehouse', 'receipt-warehouse-S01-WH');
    await page.getByTestId('receipt-reference').fill('DN-1001');

    // Both products arrive by scanning their barcodes into the product box.
    await page.getByTestId('receipt-product-search').click();
    await scan(page, A.barcode);
    await expect.poll(() => page.getByTestId('receipt-lines').textContent()).toContain(A.sku);
    await page.getByTestId('receipt-product-search').click();
    await scan(page, B.barcode);
    await expect.poll(() => page.getByTestId('receipt-lines').textContent()).toContain(B.sku);

    // The cost starts at the purchase price, in yuan.
    expect(await page.getByTestId('receipt-line-0-cost').inputValue()).toBe('2.80');
    await page.getByTestId('receipt-line-0-qty').fill('30');
    await page.getByTestId('receipt-line-1-qty').fill('10');
    await page.getByTestId('receipt-line-1-cost').fill('5.00');

    // B is batch-tracked: saving without its batch and expiry says so on those fields.
    await page.getByTestId('receipt-save').click();
    const lines = page.getByTestId('receipt-lines');
    await expect.poll(() => lines.textContent()).toContain('This product is batch-tracked: enter a batch number');
    expect(await lines.textContent()).toContain('This product tracks expiry: enter an expiry date');

    await page.getByTestId('receipt-line-1-batch').fill(LOT);
    // A production date fills the expiry from the 20-day shelf life.
    const produced = page.getByTestId('receipt-line-1-produced').locator('input');
    await produced.fill(localDate());
    await produced.press('Enter');
    await expect.poll(() => page.getByTestId('receipt-line-1-expiry').locator('input').inputValue()).toBe(localDate(20));
    expect(await page.getByTestId('receipt-total').textContent()).toContain('134.00'); // 30 × 2.80 + 10 × 5.00
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'backoffice-receipt-draft.png') });

    await page.getByTestId('receipt-save').click();
    await page.getByTestId('receipt-drawer').waitFor();
    await expect.poll(() => page.getByTestId('receipt-number').textContent()).toMatch(/GR/);
    expect(await page.getByTestId('receipt-status').textContent()).toContain('Draft');
    const detail = (await page.getByTestId('receipt-detail-lines').textContent()) ?? '';
    expect(detail).toContain(LOT);
    expect(detail).toContain(localDate(20));

    await page.getByTestId('receipt-post').click();
    await confirmBox(page);
    await expect.poll(() => page.getByTestId('receipt-status').textContent()).toContain('Posted');
    expect(await page.getByTestId('receipt-post').count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'backoffice-receipt.png') });
  });

  it("sets A's reorder point in that warehouse as the manager; at 30 on hand it is not low yet", async () => {
    const page = await newPage('manager');
    await openMenu(page, 'inventory', 'lowStock');
    await page.getByTestId('low-stock-heading').waitFor();
    await page.getByTestId('low-stock-new-rule').click();
    await page.getByTestId('rule-dialog').waitFor();
    await page.getByTestId('rule-product-search').fill(A.sku);
    await page.getByTestId('rule-product-search-option').first().click();
    await expect.poll(() => page.getByTestId('rule-product').textContent()).toContain(A.sku);
    await choose(page, 'rule-warehouse', 'rule-warehouse-S01-WH');

    // Maximum below minimum is refused on the maximum.
    await page.getByTestId('rule-reorder-point').fill('28');
    await page.getByTestId('rule-min').fill('20');
    await page.getByTestId('rule-max').fill('10');
    await page.getByTestId('rule-save').click();
    await expect.poll(() => page.getByTestId('rule-dialog').textContent()).toContain('Maximum must not be below the minimum');

    await page.getByTestId('rule-max').fill('60');
    await page.getByTestId('rule-save').click();
    await expect.poll(() => page.getByTestId('rule-dialog').isVisible()).toBe(false);
    await expect.poll(() => page.getByTestId('low-stock-table').locator('.el-loading-mask').count()).toBe(0);
    expect(await rowOf(page.getByTestId('low-stock-table'), A.sku).count()).toBe(0);

    // B's batch shows among the batches expiring within 30 days.
    await openMenu(page, 'inventory', 'stock');
    await page.getByTestId('stock-tab-expiring').click();
    const expiring = rowOf(page.getByTestId('expiring-table'), B.sku);
    await expect.poll(() => expiring.count()).toBe(1);
    expect(await expiring.textContent()).toContain(LOT);
    expect(await expiring.getByTestId('expiring-left').textContent()).toMatch(/^(19|20|21) days$/);
  });

  it('counts the warehouse blind on two tablets by scanning: the clerk counts A 28 and B 6, the manager B 4', async () => {
    const clerk = await newPage('clerk', TABLET);
    await openMenu(clerk, 'inventory', 'stockTakes');
    await clerk.getByTestId('stocktakes-new').click();
    await clerk.getByTestId('stocktake-dialog').waitFor();
    await choose(clerk, 'stocktake-warehouse', 'stocktake-warehouse-S01-WH');
    await clerk.getByTestId('stocktake-blind').click();
    await clerk.getByTestId('stocktake-start').click();

    await clerk.getByTestId('count-screen').waitFor();
    stockTakeUrl = clerk.url();
    expect(new URL(stockTakeUrl).searchParams.get('mode')).toBe('count');
    await expect.poll(() => clerk.getByTestId('count-progress').textContent()).toBe('0 of 2 lines counted');
    // Blind: the clerk sees no book quantities.
    expect(await clerk.getByTestId('count-totals-table').textContent()).not.toContain('Book');
    // The barcode box has the focus from the start.
    await expect.poll(() => activeTestId(clerk)).toBe('count-scan');

    // 28 of A: the quantity, Enter (back to the barcode box), then the scanner.
    await clerk.getByTestId('count-qty').fill('28');
    await clerk.getByTestId('count-qty').press('Enter');
    await expect.poll(() => activeTestId(clerk)).toBe('count-scan');
    await scan(clerk, A.barcode);
    const newest = clerk.getByTestId('count-entry').first();
    await expect.poll(() => newest.getAttribute('data-status')).toBe('saved');
    expect(await newest.getByTestId('count-entry-name').textContent()).toContain(A.sku);
    expect(await newest.getByTestId('count-entry-qty').textContent()).toBe('+28');
    // The quantity is back to 1 and the barcode box still has the focus for the next scan.
    expect(await clerk.getByTestId('count-qty').inputValue()).toBe('1');
    expect(await activeTestId(clerk)).toBe('count-scan');

    // An unknown code is refused on its own entry; nothing else is lost.
    await scan(clerk, '6909990009999');
    await expect.poll(() => newest.getAttribute('data-status')).toBe('rejected');
    expect(await newest.getByTestId('count-entry-error').textContent()).toContain('6909990009999');

    // B is counted by batch: the screen asks which one.
    await clerk.getByTestId('count-qty').fill('6');
    await clerk.getByTestId('count-qty').press('Enter');
    await scan(clerk, B.barcode);
    await clerk.getByTestId(`batch-choice-${LOT}`).click();
    await expect.poll(() => newest.getAttribute('data-status')).toBe('saved');
    expect(await newest.getByTestId('count-entry-name').textContent()).toContain(B.sku);
    expect(await newest.textContent()).toContain(LOT);

    // A second counter on another tablet counts the other 4 of B on the same stock-take.
    const manager = await newPage('manager', TABLET);
    await manager.goto(stockTakeUrl);
    await manager.getByTestId('count-screen').waitFor();
    await expect.poll(() => activeTestId(manager)).toBe('count-scan');
    await manager.getByTestId('count-qty').fill('4');
    await manager.getByTestId('count-qty').press('Enter');
    await scan(manager, B.barcode);
    await manager.getByTestId(`batch-choice-${LOT}`).click();
    await expect.poll(() => manager.getByTestId('count-entry').first().getAttribute('data-status')).toBe('saved');

    // The clerk's screen picks up the manager's entry on its own within a few seconds.
    const totals = clerk.getByTestId('count-totals-table');
    await expect.poll(() => rowOf(totals, B.sku).getByTestId('count-total-qty').textContent(), { timeout: 10_000 }).toBe('10');
    expect(await rowOf(totals, A.sku).getByTestId('count-total-qty').textContent()).toBe('28');
    await expect.poll(() => clerk.getByTestId('count-progress').textContent()).toBe('2 of 2 lines counted');
    await clerk.screenshot({ path: join(SCREENSHOT_DIR, 'backoffice-stocktake-count.png') });
    // Held upright, the same screen stacks the totals under the entries.
    await clerk.setViewportSize({ width: TABLET.height, height: TABLET.width });
    await clerk.waitForTimeout(300);
    await clerk.screenshot({ path: join(SCREENSHOT_DIR, 'backoffice-stocktake-count-portrait.png') });
  });

  it('shows the manager the variance of A (−2 at 2.80 = −5.60) and the recount flag on B, and approves', async () => {
    expect(stockTakeUrl).not.toBe('');
    const page = await newPage('manager');
    await page.goto(stockTakeUrl.replace('&mode=count', ''));
    await page.getByTestId('stocktake-review').waitFor();
    const table = page.getByTestId('review-table');
    const a = rowOf(table, A.sku);
    await expect.poll(() => a.count()).toBe(1);
    expect(await a.getByTestId('review-expected').textContent()).toBe('30');
    expect(await a.getByTestId('review-counted').textContent()).toBe('28');
    expect(await a.getByTestId('review-variance').textContent()).toBe('-2');
    expect(await a.getByTestId('review-variance-value').textContent()).toMatch(/-.*5\.60/);

    const b = rowOf(table, B.sku);
    expect(await b.getByTestId('review-counted').textContent()).toBe('10');
    expect(await b.getByTestId('review-variance').textContent()).toBe('0');
    expect(await b.getByTestId('review-needs-review').count()).toBe(1);
    expect(await b.textContent()).toContain('clerk 6, manager 4');
    expect(await page.getByTestId('review-net').textContent()).toMatch(/-.*5\.60/);

    await page.getByTestId('review-filter-differences').click();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
    await page.getByTestId('review-filter-all').click();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(2);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'backoffice-stocktake-review.png') });

    await page.getByTestId('review-approve').click();
    expect(await page.locator('.el-message-box').textContent()).toMatch(/Net difference -.*5\.60/);
    await confirmBox(page);
    await expect.poll(() => page.getByTestId('review-status').textContent()).toContain('Approved');
    expect(await page.getByTestId('review-approve').count()).toBe(0);
  });

  it("shows A's ledger (receipt +30, stock-take −2, balance 28), A on the low-stock list and the dashboard's alerts", async () => {
    const page = await newPage('manager');
    await openMenu(page, 'inventory', 'stock');
    await page.getByTestId('stock-search').fill(A.sku);
    await page.getByTestId('stock-search').press('Enter');
    const rows = page.getByTestId('stock-table').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().getByTestId('stock-qty').textContent()).toBe('28');
    await rows.first().click();
    await page.getByTestId('ledger-drawer').waitFor();
    const moves = page.getByTestId('ledger-table').locator('tbody tr');
    await expect.poll(() => moves.count()).toBe(2);
    const cells = async (i: number) => [
      await moves.nth(i).getByTestId('ledger-move-type').textContent(),
      await moves.nth(i).getByTestId('ledger-qty').textContent(),
      await moves.nth(i).getByTestId('ledger-balance').textContent(),
    ];
    expect(await cells(0)).toEqual(['Receipt', '+30', '30']);
    expect(await cells(1)).toEqual(['Stock-take', '-2', '28']);
    expect(await moves.nth(0).textContent()).toContain('Goods receipt');
    await page.waitForTimeout(500); // the drawer's slide-in, for the picture only
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'backoffice-ledger-after-count.png') });
    await page.keyboard.press('Escape');

    await openMenu(page, 'inventory', 'lowStock');
    const low = rowOf(page.getByTestId('low-stock-table'), A.sku);
    await expect.poll(() => low.count()).toBe(1);
    expect(await low.getByTestId('low-stock-qty').textContent()).toBe('28');
    expect(await low.getByTestId('low-stock-reorder-point').textContent()).toBe('28');
    expect(await low.getByTestId('low-stock-suggested').textContent()).toBe('32'); // up to the maximum of 60

    await page.getByTestId('menu-dashboard').click();
    await page.getByTestId('dashboard-alerts').waitFor();
    expect(await page.getByTestId('alert-lowStock-value').textContent()).toBe('1');
    expect(await page.getByTestId('alert-negativeStock-value').textContent()).toBe('0');
    expect(await page.getByTestId('alert-expiringSoon-value').textContent()).toBe('1');
    await page.getByTestId('alert-lowStock').click();
    await page.getByTestId('low-stock-heading').waitFor();
    await expect.poll(() => rowOf(page.getByTestId('low-stock-table'), A.sku).count()).toBe(1);
  });

  it('transfers 3 of A to the other store, ships, and receives 2 with the shortfall shown before and after', async () => {
    const page = await newPage('clerk');
    await openMenu(page, 'inventory', 'transfers');
    await page.getByTestId('transfers-new').click();
    await page.getByTestId('transfer-dialog').waitFor();
    await choose(page, 'transfer-from', 'transfer-from-S01-WH');
    await choose(page, 'transfer-to', 'transfer-to-S02-WH');
    await page.getByTestId('transfer-product-search').click();
    await scan(page, A.barcode);
    await expect.poll(() => page.getByTestId('transfer-lines').textContent()).toContain(A.sku);
    await page.getByTestId('transfer-line-0-qty').fill('3');
    await page.getByTestId('transfer-save').click();

    await page.getByTestId('transfer-drawer').waitFor();
    await expect.poll(() => page.getByTestId('transfer-status').textContent()).toContain('Draft');
    await page.getByTestId('transfer-ship').click();
    await confirmBox(page);
    await expect.poll(() => page.getByTestId('transfer-status').textContent()).toContain('In transit');

    // Prefilled with what was shipped; typing 2 shows the shortfall at once.
    expect(await page.getByTestId('transfer-receive-0').inputValue()).toBe('3');
    expect(await page.getByTestId('transfer-discrepancy-0').textContent()).toBe('As shipped');
    await page.getByTestId('transfer-receive-0').fill('2');
    await expect.poll(() => page.getByTestId('transfer-discrepancy-0').textContent()).toBe('Short 1');
    expect(await page.getByTestId('transfer-diff-count').textContent()).toBe('1 line(s) differ');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'backoffice-transfer-receive.png') });

    await page.getByTestId('transfer-receive').click();
    expect(await page.locator('.el-message-box').textContent()).toContain('1 line(s) differ from what was shipped');
    await confirmBox(page);
    await expect.poll(() => page.getByTestId('transfer-status').textContent()).toContain('Received');
    expect(await page.getByTestId('transfer-received-summary').textContent()).toContain('differs from what was shipped');
    expect(await page.getByTestId('transfer-discrepancy-0').textContent()).toBe('Short 1');
    expect(await page.getByTestId('transfer-detail-lines').textContent()).toMatch(/-.*2\.80/);
  });
});
