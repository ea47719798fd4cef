import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSuiteReady, launchBrowser, startServer, type RunningServer } from './harness.ts';

const SCREENSHOT_DIR = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

/**
 * The till as a cashier meets it: sign in, land in the till shell, and keep working
 * when the network goes away because the service worker serves the app shell and the
 * session is kept in IndexedDB.
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

  it('signs a cashier in and opens the till shell, online', async () => {
    await page.goto(`${server.url}/pos/`);
    await byTestId('login-username').waitFor();
    expect(new URL(page.url()).pathname).toBe('/pos/login');

    await byTestId('login-username').fill('cashier');
    await byTestId('login-password').fill('demo1234');
    await byTestId('login-submit').click();

    await byTestId('till-shell').waitFor();
    expect(new URL(page.url()).pathname).toBe('/pos/');
    const status = byTestId('sync-status');
    await expect.poll(() => status.getAttribute('data-state')).toBe('online');
    expect(await status.textContent()).toContain('Online');
    expect(await byTestId('sync-pending').textContent()).toContain('0 unsent');
    expect(await byTestId('cashier-name').textContent()).toContain('陈收银');
    expect((await byTestId('store-name').textContent())?.trim()).not.toBe('—');
    expect(await byTestId('cart-total').textContent()).toBe('0.00');
  });

  it('rejects a wrong password with the reason shown', async () => {
    // The signed-in session lives in the first context's IndexedDB: use a fresh one.
    const fresh = await browser.newContext({ locale: 'en-US' });
    const p = await fresh.newPage();
    try {
      await p.goto(`${server.url}/pos/`);
      await p.getByTestId('login-username').fill('cashier');
      await p.getByTestId('login-password').fill('not-the-password');
      await p.getByTestId('login-submit').click();
      await p.getByTestId('login-error').waitFor();
      expect(await p.getByTestId('login-error').textContent()).toContain('Username or password is wrong.');
      expect(await p.getByTestId('till-shell').count()).toBe(0);
    } finally {
      await fresh.close();
    }
  });

  it('reopens the till offline from the service worker, still signed in', async () => {
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
  });
});
