import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSuiteReady, launchBrowser, startServer, type RunningServer } from './harness.ts';
import { apiGet, apiLogin } from './till-helpers.ts';

/**
 * The accountant records the month's rent with its input VAT and a rebate received in
 * cash; a rent without a description is refused naming the field; both show in the list
 * and in the profit and loss.
 */
describe.skipIf(!browserSuiteReady())('expenses and other income', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startServer({ demo: true });
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
    page = await context.newPage();
    await page.goto(`${server.url}/backoffice/`);
    await page.getByTestId('login-username').fill('accountant');
    await page.getByTestId('login-password').fill('demo1234');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('side-menu').waitFor();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it('records rent with its VAT and a rebate, refusing a rent without a description', async () => {
    await page.goto(`${server.url}/backoffice/finance/expenses`);
    await page.getByTestId('expenses-heading').waitFor();
    await page.getByTestId('expenses-new').click();
    const dialog = page.getByTestId('expense-dialog');
    await dialog.getByTestId('expense-account').click();
    await page.getByRole('option', { name: '6602 Administrative expenses' }).click();
    await dialog.getByTestId('expense-amount').fill('5450');
    await dialog.getByTestId('expense-tax').fill('450');
    await dialog.getByTestId('expense-save').click();
    await expect.poll(() => dialog.textContent()).toContain('Required');
    await dialog.getByTestId('expense-description').fill('Shop rent');
    await dialog.getByTestId('expense-save').click();
    await dialog.waitFor({ state: 'hidden' });

    await page.getByTestId('expenses-new').click();
    await dialog.getByTestId('expense-kind-income').click();
    await dialog.getByTestId('expense-description').fill('Display rebate');
    await dialog.getByTestId('expense-amount').fill('200');
    await dialog.getByTestId('expense-method-cash').click();
    await dialog.getByTestId('expense-save').click();
    await dialog.waitFor({ state: 'hidden' });

    const table = page.getByTestId('expenses-table');
    await expect.poll(() => table.textContent()).toContain('Display rebate');
    expect(await table.textContent()).toContain('Shop rent');
    expect(await page.getByTestId('expenses-totals').textContent()).toContain('5,450.00');

    const token = await apiLogin(server.url, 'accountant');
    const today = new Date().toISOString().slice(0, 10);
    const pl = await apiGet<{ otherExpenses: { lines: { code: string; amount: number }[] } }>(
      server.url, token, `/api/finance/profit-and-loss?from=${today.slice(0, 8)}01&to=${today}`,
    );
    expect(pl.otherExpenses.lines).toEqual(expect.arrayContaining([expect.objectContaining({ code: '6602', amount: 500_000 }), expect.objectContaining({ code: '6051', amount: -20_000 })]));
  });
});
