import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type StoreReceiptSettings, base64ToBytes, decodeEscPos } from '@shopbook/shared';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeSerialPrinter } from './fake-serial-printer.ts';
import { browserSuiteReady, launchBrowser, startServer, type RunningServer } from './harness.ts';
import { apiGet, apiLogin, openShift, registerTill, scanInto, simpleProducts, unlock, waitForCatalogue } from './till-helpers.ts';

const ARTEFACTS = process.env.SCREENSHOT_DIR ?? join(tmpdir(), 'shopbook-screenshots');
const WIDTH = 200;
const HEIGHT = 60;

/** A PNG logo: its left half black, its right half transparent (paper, once printed). */
function logoPng(): Buffer {
  const data = Buffer.alloc(WIDTH * HEIGHT * 4);
  for (let y = 0; y < HEIGHT; y++) for (let x = 0; x < WIDTH / 2; x++) data.writeUInt32BE(0x000000ff, (y * WIDTH + x) * 4);
  return PNG.sync.write({ width: WIDTH, height: HEIGHT, data });
}

/**
 * A shopkeeper puts the shop's logo on its receipts: uploads an image in the back office,
 * sees the dots it will print, saves; a till of the store pulls it, and the next sale's
 * receipt prints it through the ESC/POS printer and shows it on screen.
 */
describe.skipIf(!browserSuiteReady())('receipt logo', () => {
  let server: RunningServer;
  let browser: Browser;
  let office: BrowserContext;
  let tillContext: BrowserContext;
  let page: Page;
  let manager = '';
  let storeId = '';

  beforeAll(async () => {
    mkdirSync(ARTEFACTS, { recursive: true });
    server = await startServer({ demo: true });
    browser = await launchBrowser();
    manager = await apiLogin(server.url);
    const stores = await apiGet<{ items: { id: string; code: string }[] }>(server.url, manager, '/api/org/stores');
    storeId = stores.items.find((s) => s.code === 'S01')!.id;
    office = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    page = await office.newPage();
  });

  afterAll(async () => {
    await office?.close();
    await tillContext?.close();
    await browser?.close();
    await server?.stop();
  });

  it('uploads a logo in the back office, previews its dots and saves it with the header and footer', async () => {
    await page.goto(`${server.url}/backoffice/`);
    await page.getByTestId('login-username').fill('manager');
    await page.getByTestId('login-password').fill('demo1234');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('side-menu').waitFor();
    await page.goto(`${server.url}/backoffice/admin/receipt`);
    await page.getByTestId('receipt-settings-heading').waitFor();

    // Not an image: refused with a message, nothing taken.
    await page.getByTestId('receipt-logo-file').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
    await expect.poll(() => page.getByTestId('receipt-logo-error').textContent()).toContain('Choose an image file');
    expect(await page.getByTestId('receipt-preview-logo').count()).toBe(0);

    await page.getByTestId('receipt-logo-file').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: logoPng() });
    await expect.poll(() => page.getByTestId('receipt-logo-size').textContent()).toContain(`${WIDTH} × ${HEIGHT} dots`);
    const preview = page.getByTestId('receipt-preview-logo');
    await preview.waitFor();
    expect(await preview.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(WIDTH);

    await page.getByTestId('receipt-header').fill('人民路 1 号 Tel 021-5555 0101');
    await page.getByTestId('receipt-footer').fill('谢谢惠顾 Thank you');
    await page.getByTestId('receipt-save').click();
    await page.getByText('Receipt layout of').waitFor();
    await page.screenshot({ path: join(ARTEFACTS, 'receipt-settings.png'), fullPage: true });

    const saved = await apiGet<StoreReceiptSettings>(server.url, manager, `/api/org/stores/${storeId}/receipt`);
    expect(saved.receiptHeader).toBe('人民路 1 号 Tel 021-5555 0101');
    expect(saved.receiptLogo).toMatchObject({ width: WIDTH, height: HEIGHT });
  });

  it('prints the logo on the till’s receipt, dot for dot, and shows it on screen', async () => {
    const saved = await apiGet<StoreReceiptSettings>(server.url, manager, `/api/org/stores/${storeId}/receipt`);
    const [product] = await simpleProducts(server.url, manager, 1);
    tillContext = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    await tillContext.addInitScript(fakeSerialPrinter);
    const till = await tillContext.newPage();
    await registerTill(till, server.url, 'Till L');
    await unlock(till);
    await waitForCatalogue(till);
    await openShift(till, '100');
    await till.getByTestId('open-printer').click();
    await till.getByTestId('printer-choice-serial').click();
    await till.getByTestId('printer-pair-serial').click();
    await expect.poll(() => till.getByTestId('printer-current').textContent()).toContain('0416:5011');
    await till.keyboard.press('Escape');

    await scanInto(till, product!.barcode, 1);
    await till.getByTestId('cart-pay').click();
    await till.getByTestId('pay-exact').click();
    await till.getByTestId('pay-complete').click();
    await till.getByTestId('receipt').waitFor();
    await expect.poll(() => till.getByTestId('print-state').textContent(), { timeout: 15_000 }).toBe('Printed');

    const bytes = await till.evaluate(() => (window as unknown as { fakePrinter: { written: number[] } }).fakePrinter.written.slice());
    const decoded = decodeEscPos(Uint8Array.from(bytes));
    const image = decoded.ops.find((op) => op.op === 'image');
    expect(image).toMatchObject({ width: WIDTH, height: HEIGHT });
    expect(image?.op === 'image' && [...image.bits]).toEqual([...base64ToBytes(saved.receiptLogo!.data)]);
    // Left half black, right half paper, on every row.
    const row = [...base64ToBytes(saved.receiptLogo!.data).subarray(0, WIDTH / 8)];
    expect(row).toEqual([...Array(12).fill(0xff), 0xf0, ...Array(12).fill(0)]);
    // The logo comes first: before the store name and the header.
    const kinds = decoded.items.filter((i) => i.kind !== 'drawer').map((i) => (i.kind === 'line' ? i.text.trim() : i.kind));
    expect(kinds[0]).toBe('image');
    expect(decoded.lines.join('\n')).toContain('人民路 1 号 Tel 021-5555 0101');
    expect(decoded.lines.join('\n')).toContain('谢谢惠顾 Thank you');

    const onScreen = till.getByTestId('receipt-logo');
    await onScreen.waitFor();
    expect(await onScreen.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(WIDTH);
    await till.getByTestId('receipt').screenshot({ path: join(ARTEFACTS, 'receipt-with-logo.png') });
  });
});
