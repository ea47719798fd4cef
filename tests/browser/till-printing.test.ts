import { decodeEscPos } from '@shopbook/shared';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSuiteReady, launchBrowser, startServer, type RunningServer } from './harness.ts';
import { fakeSerialPrinter } from './fake-serial-printer.ts';
import { apiLogin, openShift, registerTill, scanInto, simpleProducts, unlock, waitForCatalogue, type DemoProduct } from './till-helpers.ts';

const ESC_P = [0x1b, 0x70];

function contains(haystack: number[], needle: number[]): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * Receipts on a real till build (the bundled escpos-buffer, with the browser's Buffer and
 * string_decoder), printed over Web Serial to a fake printer: a cash sale prints and kicks
 * the drawer; a printer that fails leaves the sale saved, says why, and prints on Retry;
 * a past sale reprints from Returns; closing the shift prints its Z report the same way.
 */
describe.skipIf(!browserSuiteReady())('till receipt printing', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let products: (DemoProduct & { barcode: string })[];

  beforeAll(async () => {
    server = await startServer({ demo: true });
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    await context.addInitScript(fakeSerialPrinter);
    page = await context.newPage();
    products = await simpleProducts(server.url, await apiLogin(server.url), 2);
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
  const written = () => page.evaluate(() => (window as unknown as { fakePrinter: { written: number[] } }).fakePrinter.written.slice());
  const clearWritten = () => page.evaluate(() => void ((window as unknown as { fakePrinter: { written: number[] } }).fakePrinter.written.length = 0));
  const setDown = (down: boolean) => page.evaluate((d) => void ((window as unknown as { fakePrinter: { down: boolean } }).fakePrinter.down = d), down);

  async function sellForCash(product: DemoProduct & { barcode: string }): Promise<string> {
    await scanInto(page, product.barcode, 1);
    await byTestId('cart-pay').click();
    await byTestId('pay-exact').click();
    await byTestId('pay-complete').click();
    await byTestId('receipt').waitFor();
    return (await byTestId('receipt-number').textContent())!.trim();
  }

  it('pairs the serial printer once and remembers it', async () => {
    await byTestId('open-printer').click();
    await byTestId('printer-choice-serial').click();
    await byTestId('printer-pair-serial').click();
    await expect.poll(() => byTestId('printer-current').textContent()).toContain('0416:5011');
    await page.keyboard.press('Escape');
    await byTestId('printer-dialog').waitFor({ state: 'hidden' });
    const saved = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const req = indexedDB.open('shopbook-pos');
          req.onsuccess = () => {
            const get = req.result.transaction('meta').objectStore('meta').get('printer');
            get.onsuccess = () => resolve(get.result?.value);
          };
        }),
    );
    expect(saved).toMatchObject({ transport: 'serial', usbVendorId: 0x0416, usbProductId: 0x5011 });
  });

  it('prints a cash sale’s receipt as ESC/POS with the drawer kick', async () => {
    const receiptNo = await sellForCash(products[0]!);
    await expect.poll(() => byTestId('print-state').textContent(), { timeout: 15_000 }).toBe('Printed');
    const bytes = await written();
    expect(contains(bytes, ESC_P)).toBe(true);
    const decoded = decodeEscPos(Uint8Array.from(bytes));
    expect(decoded.items[0]).toEqual({ kind: 'drawer' });
    const text = decoded.lines.join('\n');
    expect(text).toContain(receiptNo);
    expect(text).toContain(products[0]!.name);
    expect(decoded.items.at(-1)).toEqual({ kind: 'cut' });
    await byTestId('receipt-next').click();
  });

  it('says what is wrong when the printer fails, keeps the sale, and prints on Retry', async () => {
    await clearWritten();
    await setDown(true);
    const receiptNo = await sellForCash(products[1]!);
    await byTestId('print-error').waitFor({ timeout: 15_000 });
    const message = (await byTestId('print-error').textContent())!;
    expect(message).toContain('the printer did not take the receipt');
    expect(message).toContain('The sale is saved');
    expect(await written()).toEqual([]);

    await setDown(false);
    await byTestId('print-retry').click();
    await expect.poll(() => byTestId('print-state').textContent(), { timeout: 15_000 }).toBe('Printed');
    expect(decodeEscPos(Uint8Array.from(await written())).lines.join('\n')).toContain(receiptNo);
    await byTestId('receipt-next').click();

    // The sale was saved all along: Returns lists it.
    await byTestId('open-returns').click();
    await byTestId(`returns-recent-${receiptNo}`).waitFor();
    await page.keyboard.press('Escape');
    await byTestId('returns-dialog').waitFor({ state: 'hidden' });
  });

  it('reprints a past sale from Returns, marked as a reprint and without opening the drawer', async () => {
    await clearWritten();
    await byTestId('open-returns').click();
    const first = page.locator('[data-testid^="returns-recent-"]').last();
    const receiptNo = (await first.getAttribute('data-testid'))!.replace('returns-recent-', '');
    await first.click();
    await byTestId('returns-reprint').click();
    await byTestId('receipt').waitFor();
    await expect.poll(() => byTestId('print-state').textContent(), { timeout: 15_000 }).toBe('Printed');
    const bytes = await written();
    const decoded = decodeEscPos(Uint8Array.from(bytes));
    expect(decoded.lines.join('\n')).toContain('** REPRINT **');
    expect(decoded.lines.join('\n')).toContain(receiptNo);
    expect(contains(bytes, ESC_P)).toBe(false);
    await byTestId('receipt-next').click();
  });

  it('closes the shift and prints its Z report through the same queue, without opening the drawer', async () => {
    await clearWritten();
    await byTestId('open-shift-panel').click();
    await byTestId('shift-start-close').click();
    await byTestId('shift-count-cash').fill('300');
    await byTestId('shift-close-confirm').click();
    await byTestId('z-report').waitFor();
    await expect.poll(() => byTestId('print-state').textContent(), { timeout: 15_000 }).toBe('Printed');
    const bytes = await written();
    const decoded = decodeEscPos(Uint8Array.from(bytes));
    const text = decoded.lines.join('\n');
    expect(text).toContain('Z REPORT');
    expect(text).toContain('Counted');
    expect(contains(bytes, ESC_P)).toBe(false);
    expect(decoded.items.at(-1)).toEqual({ kind: 'cut' });

    // Reprinted from the closed shift, marked as such.
    await clearWritten();
    await byTestId('shift-print-z').click();
    await expect.poll(async () => decodeEscPos(Uint8Array.from(await written())).lines.join('\n'), { timeout: 15_000 }).toContain('** REPRINT **');
    await byTestId('shift-done').click();
    await byTestId('no-shift').waitFor();
  });
});
