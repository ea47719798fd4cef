import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSuiteReady, launchBrowser, startServer, type RunningServer } from './harness.ts';

const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR ?? join(tmpdir(), 'shopbook-screenshots');
const DESKTOP = { width: 1440, height: 900 };
const ready = browserSuiteReady();
const SUPPLIER = 'SUP-BEV';

/** A UTC day some days from today, as the API dates receipts. */
const utcDay = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * Supplier performance in the back office. Through the API the purchaser orders 10 of A
 * (due three days ago) and 20 of B (due in three days) from SUP-BEV; the clerk receives
 * 6 of A (late) and all 20 of B with 4 rejected (on time); the purchaser closes the order
 * short, then orders A again at 11.00. The manager opens Suppliers → Supplier
 * performance and sees on-time 50.0 %, fill (6 × 10.00 + 16 × 5.00) ÷ 200.00 = 70.0 %,
 * rejected 20.00 ÷ 160.00 = 12.5 %, a price change of +10.0 %, the chart, and the same
 * figures with the price trend in the supplier's drawer.
 */
describe.skipIf(!ready)('supplier performance: comparison table, chart and the supplier drawer', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  async function newPage(username: string): Promise<Page> {
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'en-US' });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${server.url}/backoffice/`);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill('demo1234');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('side-menu').waitFor();
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

  it('builds a late delivery, a partial receipt with a rejected part and an order closed short', async () => {
    const purchaser = await newPage('purchaser');
    const clerk = await newPage('clerk');
    const get = async <T,>(page: Page, path: string) => (await (await page.request.get(`${server.url}${path}`)).json()) as T;
    const post = async <T,>(page: Page, path: string, data: unknown) => {
      const res = await page.request.post(`${server.url}${path}`, { data });
      expect(res.status(), `${path}: ${await res.text()}`).toBeLessThan(300);
      return (await res.json()) as T;
    };
    const suppliers = await get<{ items: { id: string; code: string }[] }>(purchaser, `/api/suppliers?q=${SUPPLIER}`);
    const supplierId = suppliers.items.find((s) => s.code === SUPPLIER)!.id;
    const whs = await get<{ items: { id: string; code: string }[] }>(purchaser, '/api/org/warehouses');
    const warehouseId = whs.items.find((w) => w.code === 'S01-WH')!.id;
    const found = await get<{ items: { id: string; batchTracked: boolean; serialTracked?: boolean }[] }>(
      purchaser, '/api/catalogue/products?q=BEV-SOFT&status=active&page=1&pageSize=20',
    );
    const [a, b] = found.items.filter((p) => !p.batchTracked && !p.serialTracked);

    const order = await post<{ id: string; lines: { id: string }[] }>(purchaser, '/api/purchasing/orders', {
      supplierId, warehouseId, expectedDate: utcDay(-3),
      lines: [
        { productId: a!.id, qty: '10', packSize: '1', price: 1000 },
        { productId: b!.id, qty: '20', packSize: '1', price: 500, expectedDate: utcDay(3) },
      ],
    });
    await post(purchaser, `/api/purchasing/orders/${order.id}/submit`, {});
    await post(purchaser, `/api/purchasing/orders/${order.id}/send`, {});
    const receipt = await post<{ id: string }>(clerk, '/api/purchasing/receipts', {
      orderId: order.id, warehouseId,
      lines: [
        { orderLineId: order.lines[0]!.id, qtyReceived: '6' },
        { orderLineId: order.lines[1]!.id, qtyReceived: '20', qtyRejected: '4', rejectReason: 'torn shrink wrap' },
      ],
    });
    await post(clerk, `/api/purchasing/receipts/${receipt.id}/post`, {});
    await post(purchaser, `/api/purchasing/orders/${order.id}/close`, { reason: 'rest not needed' });
    // A again, at 11.00: a price trend of +10 % for A; B has one price and no trend.
    const second = await post<{ id: string }>(purchaser, '/api/purchasing/orders', {
      supplierId, warehouseId, expectedDate: utcDay(7), lines: [{ productId: a!.id, qty: '5', packSize: '1', price: 1100 }],
    });
    await post(purchaser, `/api/purchasing/orders/${second.id}/submit`, {});
    await post(purchaser, `/api/purchasing/orders/${second.id}/send`, {});
  });

  it('shows the manager the comparison with its chart, and the figures in the supplier drawer', async () => {
    const manager = await newPage('manager');
    await manager.getByTestId('menu-purchasing').click();
    await manager.getByTestId('menu-suppliers').click();
    await manager.getByTestId('suppliers-heading').waitFor();
    await manager.getByRole('tab', { name: 'Supplier performance' }).click();

    const row = manager.getByTestId('supplier-comparison-table').locator('tbody tr', { hasText: SUPPLIER });
    await row.waitFor();
    expect(await row.getByTestId('cmp-on-time').textContent()).toBe('50.0%');
    expect(await row.getByTestId('cmp-fill').textContent()).toBe('70.0%');
    expect(await row.getByTestId('cmp-rejection').textContent()).toBe('12.5%');
    expect(await row.getByTestId('cmp-price').textContent()).toBe('+10.0%');
    // A supplier with no documents shows dashes, not 0 %.
    const idle = manager.getByTestId('supplier-comparison-table').locator('tbody tr', { hasText: 'SUP-SNK' });
    expect(await idle.getByTestId('cmp-on-time').textContent()).toBe('—');
    await manager.getByTestId('supplier-comparison-chart').locator('canvas').waitFor();
    expect(manager.url()).toContain('tab=performance');
    await manager.waitForTimeout(1200); // the bars grow in
    await manager.screenshot({ path: join(SCREENSHOT_DIR, 'backoffice-supplier-performance.png'), fullPage: true });

    // A period with nothing in it: the figures go to dashes.
    const ends = manager.getByTestId('supplier-comparison').locator('.el-range-input');
    await ends.nth(0).fill('2020-01-01');
    await ends.nth(1).fill('2020-01-31');
    await ends.nth(1).press('Enter');
    await expect.poll(() => row.getByTestId('cmp-on-time').textContent()).toBe('—');
    await manager.reload();

    // The supplier's own page: its drawer opens on the performance tab from the comparison.
    const again = manager.getByTestId('supplier-comparison-table').locator('tbody tr', { hasText: SUPPLIER });
    await again.click();
    const figures = manager.getByTestId('supplier-performance-figures');
    await figures.waitFor();
    expect(await figures.getByTestId('figure-on-time').textContent()).toContain('50.0%');
    expect(await figures.getByTestId('figure-on-time').textContent()).toContain('1 on time / 1 late');
    expect(await figures.getByTestId('figure-fill').textContent()).toContain('70.0%');
    expect(await figures.getByTestId('figure-rejection').textContent()).toContain('12.5%');
    const trend = manager.getByTestId('price-trend-table').locator('tbody tr').first();
    await expect.poll(() => trend.textContent()).toContain('¥11.00');
    expect(await trend.textContent()).toContain('¥10.00');
    expect(await trend.textContent()).toContain('+10.0%');
    await manager.getByTestId('price-trend-chart').locator('canvas').waitFor();
    await manager.waitForTimeout(1200); // the drawer slides in
    await manager.screenshot({ path: join(SCREENSHOT_DIR, 'backoffice-supplier-performance-drawer.png') });
  });
});
