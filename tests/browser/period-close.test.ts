import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monthName, type PeriodStatus } from '@shopbook/shared';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSuiteReady, launchBrowser, startServer, type RunningServer } from './harness.ts';
import { apiGet, apiLogin } from './till-helpers.ts';

const ARTEFACTS = process.env.SCREENSHOT_DIR ?? join(tmpdir(), 'shopbook-screenshots');

/**
 * Month end: the accountant closes last month in the back office and sees it in the
 * history; a payment dated in that month is then refused with the reason shown; the
 * owner reopens the month, saying why.
 */
describe.skipIf(!browserSuiteReady())('period close', () => {
  let server: RunningServer;
  let browser: Browser;
  let office: BrowserContext;
  let page: Page;
  let owner = '';
  let month = '';

  /** A fresh browser session for each person. */
  const signIn = async (username: string) => {
    await office?.close();
    office = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
    page = await office.newPage();
    await page.goto(`${server.url}/backoffice/`);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill('demo1234');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('side-menu').waitFor();
  };

  beforeAll(async () => {
    mkdirSync(ARTEFACTS, { recursive: true });
    server = await startServer({ demo: true });
    browser = await launchBrowser();
    owner = await apiLogin(server.url, 'owner');
  });

  afterAll(async () => {
    await office?.close();
    await browser?.close();
    await server?.stop();
  });

  it('lets the accountant close last month and shows it in the history', async () => {
    const before = await apiGet<PeriodStatus>(server.url, owner, '/api/finance/periods');
    expect(before).toMatchObject({ closedThrough: null, canCloseNext: true });
    month = before.nextToClose;

    await signIn('accountant');
    expect(await page.getByTestId('menu-periodClose').count()).toBe(1);
    await page.goto(`${server.url}/backoffice/finance/period-close`);
    await page.getByTestId('period-close-heading').waitFor();
    await expect.poll(() => page.getByTestId('period-closed-through').textContent()).toBe('Nothing closed yet');
    await page.getByTestId('period-close-next').click();
    await page.getByText(`After closing, nothing can be posted into ${monthName(month)} or earlier.`).waitFor();
    await page.getByRole('button', { name: 'Close', exact: true }).click();
    await page.getByText(`${monthName(month)} closed`).first().waitFor();
    await expect.poll(() => page.getByTestId('period-closed-through').textContent()).toBe(monthName(month));
    const history = page.getByTestId('period-history').locator('tbody tr');
    await expect.poll(() => history.count()).toBe(1);
    expect(await history.first().textContent()).toContain('Closed');
    expect(await history.first().textContent()).toContain(monthName(month));
    // The accountant closes but does not reopen.
    expect(await page.getByTestId('period-reopen').count()).toBe(0);
    await page.screenshot({ path: join(ARTEFACTS, 'backoffice-period-close.png'), fullPage: true });
    expect((await apiGet<PeriodStatus>(server.url, owner, '/api/finance/periods')).closedThrough?.slice(0, 7)).toBe(month);
  });

  it('refuses a payment dated in the closed month, showing why', async () => {
    await page.goto(`${server.url}/backoffice/sales/invoices`);
    await page.getByTestId('receive-payment').click();
    const dialog = page.getByTestId('receive-dialog');
    await dialog.getByTestId('receive-customer').click();
    await page.getByTestId('receive-customer-C001').click();
    await dialog.getByTestId('receive-amount').fill('30');
    const date = dialog.locator('.el-date-editor input');
    await date.fill(`${month}-15`);
    await date.press('Enter');
    await dialog.getByTestId('receive-save').click();
    await dialog.getByText(`${monthName(month)} is closed; post into the open period`).waitFor();
    await page.screenshot({ path: join(ARTEFACTS, 'backoffice-period-closed-payment.png') });
  });

  it('lets the owner reopen the month, saying why', async () => {
    await signIn('owner');
    await page.goto(`${server.url}/backoffice/finance/period-close`);
    await page.getByTestId('period-reopen').click();
    await page.getByRole('button', { name: 'Reopen', exact: true }).click();
    await page.getByText('Say why').waitFor();
    await page.locator('.el-message-box input').fill('customer payment arrived late');
    await page.getByRole('button', { name: 'Reopen', exact: true }).click();
    await page.getByText(`${monthName(month)} reopened`).first().waitFor();
    const history = page.getByTestId('period-history').locator('tbody tr');
    await expect.poll(() => history.count()).toBe(2);
    expect(await history.first().textContent()).toContain('customer payment arrived late');
    expect(await page.getByTestId('period-closed-through').textContent()).not.toBe(monthName(month));
  });
});
