import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSuiteReady, launchBrowser, startServer, type RunningServer } from './harness.ts';
import { apiLogin, openShift, registerTill, simpleProducts, unlock, waitForCatalogue, type DemoProduct } from './till-helpers.ts';

/** Renders a barcode into a .y4m clip for Chromium's fake camera (see /work/shared/TESTING.md). */
const TOOL = process.env.FAKE_CAMERA_TOOL ?? fileURLToPath(new URL('../tools/fake-camera-y4m.cjs', import.meta.url));
const TESTS_NODE_MODULES = fileURLToPath(new URL('../node_modules', import.meta.url));

/**
 * Camera scanning on a tablet: Chromium's fake camera plays a clip of a demo product's
 * EAN-13, @zxing/browser decodes it from getUserMedia as from a real camera, and opening
 * the camera dialog adds that product to the cart.
 */
if (!existsSync(TOOL)) throw new Error(`the fake camera tool is missing at ${TOOL}`);

describe.skipIf(!browserSuiteReady())('till camera scanning', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let product: DemoProduct & { barcode: string };
  let dir: string;

  beforeAll(async () => {
    server = await startServer({ demo: true });
    [product] = (await simpleProducts(server.url, await apiLogin(server.url), 1)) as [DemoProduct & { barcode: string }];
    expect(product.barcode).toMatch(/^\d{13}$/);
    dir = mkdtempSync(join(tmpdir(), 'shopbook-camera-'));
    const clip = join(dir, 'ean13.y4m');
    execFileSync(process.execPath, [TOOL, 'ean13', product.barcode, clip], { env: { ...process.env, NODE_PATH: TESTS_NODE_MODULES } });
    browser = await launchBrowser(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${clip}`]);
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US', permissions: ['camera'] });
    page = await context.newPage();
    await registerTill(page, server.url);
    await unlock(page);
    await waitForCatalogue(page);
    await openShift(page);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('adds the product the camera sees, once, and closes the camera', async () => {
    await page.getByTestId('open-camera').click();
    await page.getByTestId('camera-dialog').waitFor();
    await expect.poll(() => page.getByTestId('cart-items').textContent(), { timeout: 30_000 }).toBe('1');
    expect(await page.getByTestId(`cart-line-${product.sku}`).count()).toBe(1);
    await page.getByTestId('camera-dialog').waitFor({ state: 'hidden' });
    // the camera is off: the clip keeps playing in Chromium, but nothing more is added
    await page.waitForTimeout(1500);
    expect(await page.getByTestId('cart-items').textContent()).toBe('1');
    expect(await page.getByTestId('camera-error').count()).toBe(0);
  });
});
