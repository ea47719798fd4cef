import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSuiteReady, launchBrowser, startServer, type RunningServer } from './harness.ts';
import { apiLogin, openShift, payCashExact, registerTill, scanInto, simpleProducts, unlock, waitForCatalogue } from './till-helpers.ts';

const SCREENSHOT_DIR = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

/**
 * The till as a cashier meets it: a manager sets the device up once, cashiers unlock it
 * with a PIN, and it keeps working when the network goes away because the service worker
 * serves the app shell and everything lives in IndexedDB.
 */
describe.skipIf(!browserSuiteReady())('till (pos) in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startServer({ demo: true });
    browser = await launchBrowser();
    // A 10-inch tablet in landscape; English so the assertions read the same everywhere.
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    page = await context.newPage();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  const byTestId = (id: string) => page.getByTestId(id);

  it('is set up by a manager, then unlocked by a cashier’s PIN', async () => {
    await registerTill(page, server.url);
    expect(new URL(page.url()).pathname).toBe('/pos/lock');
    await unlock(page, 'cashier', '1234');
    expect(new URL(page.url()).pathname).toBe('/pos/');
    const status = byTestId('sync-status');
    await expect.poll(() => status.getAttribute('data-state')).toBe('online');
    expect(await byTestId('cashier-name').textContent()).toContain('陈收银');
    expect((await byTestId('store-name').textContent())?.trim()).not.toBe('—');
    expect(await byTestId('cart-total').textContent()).toBe('0.00');
  });

  it('refuses a wrong PIN with the attempts left, on a fresh device', async () => {
    await byTestId('sign-out').click();
    await byTestId('pin-page').waitFor();
    await byTestId('pin-cashier-cashier').click();
    await byTestId('pin-input').fill('9999');
    await byTestId('pin-submit').click();
    await expect.poll(() => byTestId('pin-error').textContent()).toContain('4 attempt(s) left');
    await unlock(page, 'cashier', '1234');
  });

  it('sells: scan, pay cash, receipt', async () => {
    await waitForCatalogue(page);
    await openShift(page);
    const [p] = await simpleProducts(server.url, await apiLogin(server.url), 1);
    await scanInto(page, p!.barcode, 1);
    await payCashExact(page);
    await expect.poll(() => byTestId('sync-pending').textContent(), { timeout: 30_000 }).toContain('0 unsent');
  });

  it('reopens the till offline from the service worker, still unlocked', async () => {
    // The first visit installs the worker; it controls the page from the next load on.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await byTestId('till-shell').waitFor();

    await context.setOffline(true);
    await page.reload();

    await byTestId('till-shell').waitFor();
    const status = byTestId('sync-status');
    await expect.poll(() => status.getAttribute('data-state')).toBe('offline');
    expect(await status.textContent()).toContain('Offline');
    expect(await byTestId('cashier-name').textContent()).toContain('陈收银');

    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: `${SCREENSHOT_DIR}pos.png` });
  });

  it('switches to Chinese and keeps the choice across a reload', async () => {
    await page.getByTestId('language-zh-CN').click();
    await expect.poll(() => byTestId('sync-status').textContent()).toContain('离线');
    await page.reload();
    await byTestId('till-shell').waitFor();
    expect(await byTestId('sign-out').textContent()).toContain('退出登录');
    // leave the context in English for anyone reading the screenshot's neighbours
    await page.getByTestId('language-en').click();
    await context.setOffline(false);
  });
});
