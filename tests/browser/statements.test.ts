import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lineAmount, lineTax, newId, parseQuantity } from '@shopbook/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSuiteReady, launchBrowser, startServer, type RunningServer } from './harness.ts';
import { apiLogin } from './till-helpers.ts';

const ARTEFACTS = process.env.SCREENSHOT_DIR ?? join(tmpdir(), 'shopbook-screenshots');
type PulledProduct = { id: string; price: number; taxRateBp: number; weighed: boolean; batchTracked: boolean; serialTracked: boolean };
/** The digits of a formatted amount ("¥1,234.56" → 123456), to compare with minor units whatever the format. */
const digits = (text: string | null) => Number((text ?? '').replace(/[^\d-]/g, ''));

/**
 * The accountant reads this month's profit and loss after a till sale, drills into the
 * revenue and finds the sale's receipt, sees the balance sheet balance, and reads the
 * sale's VAT in the tax report's 13 % row.
 */
describe.skipIf(!browserSuiteReady())('profit and loss, balance sheet and drill-down', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let accountant = '';
  let net = 0;
  let tax = 0;

  async function call<T>(token: string, method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${server.url}${path}`, {
      method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }

  beforeAll(async () => {
    mkdirSync(ARTEFACTS, { recursive: true });
    server = await startServer({ demo: true });
    const manager = await apiLogin(server.url, 'manager');
    accountant = await apiLogin(server.url, 'accountant');
    const stores = await call<{ items: { id: string; code: string }[] }>(manager, 'GET', '/api/org/stores');
    const till = await call<{ deviceId: string; token: string; storeId: string; warehouseId: string }>(manager, 'POST', '/api/devices/register', {
      name: 'Till P', storeId: stores.items.find((s) => s.code === 'S01')!.id,
    });
    const cashiers = await call<{ rows: { id: string; username: string }[] }>(till.token, 'GET', '/api/sync/pull/cashiers');
    const products = await call<{ rows: PulledProduct[] }>(till.token, 'GET', '/api/sync/pull/products?limit=100');
    // At 13 %, so the tax report's 13 % row carries the sale's tax.
    const p = products.rows.find((r) => !r.weighed && !r.batchTracked && !r.serialTracked && r.price > 0 && r.taxRateBp === 1300)!;
    const split = lineTax(lineAmount(parseQuantity('2'), p.price), p.taxRateBp, true);
    net = split.net;
    tax = split.tax;
    const saleId = newId();
    const event = {
      id: saleId, deviceId: till.deviceId, seq: 1, type: 'sale', occurredAt: new Date().toISOString(),
      payload: {
        v: 1, saleId, receiptNo: 'T-PL-1', storeId: till.storeId, warehouseId: till.warehouseId, cashierId: cashiers.rows.find((c) => c.username === 'cashier')!.id,
        shiftId: null, customerId: null, pricesIncludeTax: true, cartDiscount: 0, change: 0, approvedBy: null,
        lines: [{ lineId: newId(), productId: p.id, batchId: null, qty: '2', serials: [], unitPrice: p.price, listPrice: p.price, overrideReason: null, discount: 0, taxRateBp: p.taxRateBp, ...split }],
        totals: { ...split, discount: 0 },
        payments: [{ tender: 'cash', amount: split.gross, tendered: split.gross, reference: null }],
      },
    };
    const pushed = await call<{ results: { status: string }[] }>(till.token, 'POST', '/api/sync/push', { events: [event] });
    expect(pushed.results[0]).toMatchObject({ status: 'applied' });

    browser = await launchBrowser();
    // The sale's entry is dated its UTC day; the page's "this month" and "today" follow the browser's clock.
    page = await (await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US', timezoneId: 'UTC' })).newPage();
    await page.goto(`${server.url}/backoffice/`);
    await page.getByTestId('login-username').fill('accountant');
    await page.getByTestId('login-password').fill('demo1234');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('side-menu').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows this month\'s revenue and gross margin, and the revenue drills down to the sale\'s receipt', async () => {
    await page.goto(`${server.url}/backoffice/finance/profit-and-loss`);
    await page.getByTestId('pl-heading').waitFor();
    const today = new Date().toISOString().slice(0, 10);
    const pl = await call<{ revenue: { total: number }; grossMargin: number }>(accountant, 'GET', `/api/finance/profit-and-loss?from=${today.slice(0, 8)}01&to=${today}`);
    expect(pl.revenue.total).toBe(net);
    await expect.poll(async () => digits(await page.getByTestId('amount-revenue:total').textContent())).toBe(net);
    expect(digits(await page.getByTestId('amount-grossMargin').textContent())).toBe(pl.grossMargin);
    await expect.poll(() => page.getByTestId('note-grossMargin').textContent()).toContain('%');
    await page.getByTestId('margin-chart').waitFor();

    await page.getByTestId('statement-account-6001').click();
    const drawer = page.getByTestId('account-lines-drawer');
    await drawer.getByTestId('line-document').filter({ hasText: 'T-PL-1' }).waitFor();
    expect(await drawer.getByText('Till sale').count()).toBeGreaterThan(0);
    expect(digits(await drawer.getByTestId('lines-closing').textContent())).toBe(-net);
    await page.screenshot({ path: join(ARTEFACTS, 'profit-and-loss-drill-down.png') });
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
  });

  it('shows the balance sheet for today, balanced', async () => {
    await page.goto(`${server.url}/backoffice/finance/balance-sheet`);
    await page.getByTestId('bs-heading').waitFor();
    await page.getByTestId('bs-balanced').waitFor();
    const assets = digits(await page.getByTestId('amount-assets:total').textContent());
    const rightSide = digits(await page.getByTestId('amount-liabilitiesEquityProfit').textContent());
    expect(assets).toBe(rightSide);
    expect(assets).not.toBe(0);
    await page.screenshot({ path: join(ARTEFACTS, 'balance-sheet.png') });
  });

  it("shows the sale's output tax in the tax report's 13 % row for this month, and the tax payable", async () => {
    await page.goto(`${server.url}/backoffice/finance/tax-report`);
    await page.getByTestId('tax-heading').waitFor();
    // Last month by default; the sale is this month's.
    const today = new Date().toISOString().slice(0, 10);
    const [start, end] = [page.locator('.el-range-input').first(), page.locator('.el-range-input').last()];
    await start.fill(`${today.slice(0, 8)}01`);
    await start.press('Enter');
    await end.fill(today);
    await end.press('Enter');
    await page.getByTestId('tax-heading').click();
    await expect.poll(async () => digits(await page.getByTestId('tax-output-tax-1300').textContent())).toBe(tax);
    expect(await page.getByTestId('tax-rate-1300').textContent()).toBe('13 %');
    expect(digits(await page.getByTestId('tax-output-net-1300').textContent())).toBe(net);
    expect(digits(await page.getByTestId('tax-output-tax-total').textContent())).toBe(tax);
    const report = await call<{ taxPayable: number }>(accountant, 'GET', `/api/finance/tax-report?from=${today.slice(0, 8)}01&to=${today}`);
    expect(digits(await page.getByTestId('tax-payable').textContent())).toBe(Math.abs(report.taxPayable));
    await page.screenshot({ path: join(ARTEFACTS, 'tax-report.png') });
  });

  it("shows today's sales on the dashboard with the margin trend, the hours heat map and the top products", async () => {
    await page.goto(`${server.url}/backoffice/dashboard`);
    const overview = page.getByTestId('sales-overview');
    await overview.waitFor();
    await expect.poll(async () => digits(await page.getByTestId('sales-today').textContent())).toBe(net);
    expect(digits(await page.getByTestId('sales-month').textContent())).toBe(net);
    expect(await page.getByTestId('sales-heatmap').locator('canvas').count()).toBeGreaterThanOrEqual(1);
    expect((await page.getByTestId('top-products').locator('tbody tr').count())).toBeGreaterThanOrEqual(1);
    await page.screenshot({ path: join(ARTEFACTS, 'dashboard-sales.png'), fullPage: true });
  });
});
