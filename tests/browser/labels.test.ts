import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeEan13, scanPng, svgModules } from './barcode-reading.ts';
import { browserSuiteReady, launchBrowser, startServer, type RunningServer } from './harness.ts';

const ARTEFACTS = process.env.SCREENSHOT_DIR ?? join(tmpdir(), 'shopbook-screenshots');
const ready = browserSuiteReady();

/** The input itself, whether the test id landed on it or on its wrapper. */
function inputOf(locator: Locator): Locator {
  return locator.locator('xpath=self::input | .//input').first();
}

/** Pages the browser prints, with the print CSS as the print dialog would apply it. */
async function pdfPages(page: Page): Promise<number> {
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: false });
  return (await getDocument({ data: new Uint8Array(pdf) }).promise).numPages;
}

/**
 * Shelf labels from the back office: two products picked in the product list, one found
 * by SKU, copies set per product; the sheet holds exactly that many labels, and every
 * barcode reads back to the product's own EAN-13 or, without one, its SKU.
 */
describe.skipIf(!ready)('shelf labels', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(ARTEFACTS, { recursive: true });
    server = await startServer({ demo: true });
    browser = await launchBrowser();
    // 3 device pixels per CSS pixel: the screenshots a scanner reads are sharp, as on paper.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en', deviceScaleFactor: 3 });
    page = await context.newPage();
    await page.goto(`${server.url}/backoffice/`);
    await page.getByTestId('login-username').fill('clerk');
    await page.getByTestId('login-password').fill('demo1234');
    await page.getByTestId('login-submit').click();
    await page.waitForURL(/dashboard|catalogue/);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('prints the labels picked, with barcodes that read back', async () => {
    await page.goto(`${server.url}/backoffice/catalogue/products`);
    await page.getByTestId('products-search').fill('可口可乐');
    await page.getByTestId('products-search-submit').click();
    const rows = page.getByTestId('products-table').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(3);
    await rows.nth(0).locator('.el-checkbox').click();
    await rows.nth(1).locator('.el-checkbox').click();
    await page.getByTestId('products-print-labels').click();

    await page.getByTestId('labels-heading').waitFor();
    const table = page.getByTestId('labels-table').locator('tbody tr');
    await expect.poll(() => table.count()).toBe(2);
    // A weighed product has only a scale code: its label carries the SKU in Code 128.
    await inputOf(page.getByTestId('labels-product-search')).fill('Apples');
    await page.getByTestId('labels-product-search-option').first().click();
    await expect.poll(() => table.count()).toBe(3);
    const appleSku = (await table.nth(2).locator('td').first().textContent())!.trim();
    expect(appleSku).toMatch(/^FRESH-FRUIT-\d+$/);
    await inputOf(page.getByTestId('labels-copies').nth(0)).fill('3');
    await inputOf(page.getByTestId('labels-copies').nth(0)).blur();
    await expect.poll(() => page.getByTestId('labels-count').textContent()).toContain('5 labels on 1 pages');

    await page.getByTestId('labels-print').click();
    await page.getByTestId('label').first().waitFor();
    expect(await page.getByTestId('label').count()).toBe(5);
    expect(await page.getByTestId('label-page').count()).toBe(1);
    expect(await page.locator('style[data-print-page]').textContent()).toContain('size: 210mm 297mm');

    const labels = await page.getByTestId('label').evaluateAll((els) =>
      els.map((el) => {
        const svg = el.querySelector('svg')!;
        return { name: el.querySelector('[data-testid=label-name]')!.textContent, price: el.querySelector('[data-testid=label-price]')!.textContent, kind: svg.dataset.kind, code: svg.dataset.code, svg: svg.outerHTML };
      }),
    );
    expect(labels.map((l) => l.kind)).toEqual(['ean13', 'ean13', 'ean13', 'ean13', 'code128']);
    expect(labels[0]!.name).toContain('可口可乐');
    expect(labels[0]!.price).toMatch(/^¥\d+\.\d\d$/);
    expect(labels[4]!.code).toBe(appleSku);
    for (const l of labels.filter((x) => x.kind === 'ean13')) {
      expect(decodeEan13(svgModules(l.svg))).toBe(l.code);
      expect(l.code).toMatch(/^69\d{11}$/);
    }

    // As a scanner sees the paper: the pixels of the first EAN-13 label and of the Code 128 one.
    const bars = page.getByTestId('label').locator('svg');
    expect(scanPng(await bars.nth(0).screenshot())).toEqual({ text: labels[0]!.code, format: 'EAN_13' });
    expect(scanPng(await bars.nth(4).screenshot())).toEqual({ text: appleSku, format: 'CODE_128' });

    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('print-toolbar').isVisible()).toBe(false);
    await page.screenshot({ path: join(ARTEFACTS, 'labels-a4.png'), fullPage: true });
    expect(await pdfPages(page)).toBe(1);
  });

  it('on a 40 × 30 mm roll each label is a page of its own', async () => {
    const url = new URL(page.url());
    url.searchParams.set('layout', 'roll-40x30');
    await page.goto(url.toString());
    await page.getByTestId('label').first().waitFor();
    expect(await page.getByTestId('label-page').count()).toBe(5);
    expect(await page.locator('style[data-print-page]').textContent()).toContain('size: 40mm 30mm');
    expect(await pdfPages(page)).toBe(5);
  });
});
