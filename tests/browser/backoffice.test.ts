import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSuiteReady, launchBrowser, startServer, type RunningServer } from './harness.ts';

const SCREENSHOT_DIR = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const VIEWPORT = { width: 1366, height: 900 };
const ready = browserSuiteReady();

async function signIn(page: Page, url: string, username: string, password: string): Promise<void> {
  await page.goto(`${url}/backoffice/`);
  await page.getByTestId('login-username').waitFor();
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

async function countOf(page: Page, key: string): Promise<number> {
  const text = (await page.getByTestId(`count-${key}-value`).textContent()) ?? '';
  return Number(text.replace(/\D/g, ''));
}

/**
 * The back office over the demo company: the owner's dashboard in both languages,
 * the real finance and audit pages, a cashier who must not see Finance, and a wrong
 * password.
 */
describe.skipIf(!ready)('back office with demo data', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer({ demo: true });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  describe('as the owner', () => {
    let context: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      // A Chinese browser: the back office starts in zh-CN without being told.
      context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN' });
      page = await context.newPage();
    });
    afterAll(async () => {
      await context?.close();
    });

    it('signs in and shows the dashboard with the company and its products', async () => {
      await signIn(page, server.url, 'owner', 'demo1234');
      await page.getByTestId('count-products-value').waitFor();
      expect(new URL(page.url()).pathname).toBe('/backoffice/dashboard');
      expect(await page.getByTestId('dashboard-heading').textContent()).toBe('概览');

      // The same session cookie lets us ask the API what the page should show.
      const company = (await (await page.request.get(`${server.url}/api/org/company`)).json()) as { name: string };
      expect(company.name.length).toBeGreaterThan(0);
      expect(await page.getByTestId('dashboard-company').textContent()).toBe(company.name);
      expect(await page.getByTestId('header-company').textContent()).toContain(company.name);
      expect(await page.getByTestId('header-user').textContent()).toContain('王店长');

      expect(await countOf(page, 'products')).toBeGreaterThan(0);
      expect(await countOf(page, 'categories')).toBeGreaterThan(0);
      expect(await countOf(page, 'users')).toBe(7);
      await page.locator('[data-testid="category-chart"] canvas').first().waitFor();
    });

    it('switches to English, remembers it across a reload, and switches back', async () => {
      await page.getByTestId('lang-en').click();
      await expect.poll(() => page.getByTestId('dashboard-heading').textContent()).toBe('Dashboard');
      expect(await page.getByTestId('menu-finance').textContent()).toContain('Finance');
      expect(await page.locator('html').getAttribute('lang')).toBe('en');

      await page.reload();
      await page.getByTestId('count-products-value').waitFor();
      expect(await page.getByTestId('dashboard-heading').textContent()).toBe('Dashboard');
      // Let the chart finish its entry animation before the picture.
      await page.locator('[data-testid="category-chart"] canvas').first().waitFor();
      await page.waitForTimeout(1200);
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      await page.screenshot({ path: `${SCREENSHOT_DIR}backoffice.png` });

      await page.getByTestId('lang-zh-CN').click();
      await expect.poll(() => page.getByTestId('dashboard-heading').textContent()).toBe('概览');
      expect(await page.getByTestId('menu-finance').textContent()).toContain('财务');
    });

    it('opens the trial balance and the audit log with real data', async () => {
      await page.getByTestId('menu-finance').click();
      await page.getByTestId('menu-trialBalance').click();
      await page.getByTestId('trial-balance-table').waitFor();
      await expect.poll(() => page.getByTestId('trial-balance-table').textContent()).toContain('1001');
      expect(await page.getByTestId('trial-balance-table').textContent()).toContain('库存现金');

      await page.getByTestId('menu-admin').click();
      await page.getByTestId('menu-audit').click();
      await page.getByTestId('audit-table').waitFor();
      // Our own sign-in is in the log.
      await expect.poll(() => page.getByTestId('audit-table').textContent()).toContain('login');
    });

    it('shows the not-available page for an area this version does not serve', async () => {
      // User administration arrives with its own capability.
      await page.getByTestId('menu-admin').click();
      await page.getByTestId('menu-users').click();
      await page.getByTestId('not-available').waitFor();
      expect(await page.getByTestId('not-available').textContent()).toContain('本版本暂未提供');
    });
  });

  it('hides Finance from a cashier and refuses its pages', async () => {
    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-US' });
    const page = await context.newPage();
    try {
      await signIn(page, server.url, 'cashier', 'demo1234');
      await page.getByTestId('side-menu').waitFor();
      // A cashier may not view the dashboard: they land on the first area they may open.
      expect(await page.getByTestId('menu-catalogue').count()).toBe(1);
      expect(await page.getByTestId('menu-finance').count()).toBe(0);
      expect(await page.getByTestId('menu-admin').count()).toBe(0);
      expect(await page.getByTestId('menu-dashboard').count()).toBe(0);

      await page.goto(`${server.url}/backoffice/finance/trial-balance`);
      await page.getByTestId('forbidden').waitFor();
      expect(await page.getByTestId('trial-balance-table').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('refuses a wrong password and says why', async () => {
    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-US' });
    const page = await context.newPage();
    try {
      await signIn(page, server.url, 'owner', 'not-the-password');
      await page.getByTestId('login-error').waitFor();
      expect((await page.getByTestId('login-error').textContent())?.toLowerCase()).toContain('password');
      expect(new URL(page.url()).pathname).toBe('/backoffice/login');
      expect(await page.getByTestId('side-menu').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});

/** A fresh installation: every page leads to the setup wizard until it is done. */
describe.skipIf(!ready)('back office first-run setup', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startServer({ demo: false });
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-US' });
    page = await context.newPage();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  const byTestId = (id: string) => page.getByTestId(id);
  const next = () => byTestId('setup-next').click();

  it('walks through the wizard, then signs the new owner in', async () => {
    await page.goto(`${server.url}/backoffice/dashboard`);
    await byTestId('setup-step-company').waitFor();
    expect(new URL(page.url()).pathname).toBe('/backoffice/setup');

    // An empty company name keeps the wizard on the first step.
    await next();
    await byTestId('setup-invalid').waitFor();
    expect(await byTestId('setup-step-company').count()).toBe(1);

    await byTestId('setup-company-name').fill('Green Grocer 绿色果蔬');
    await byTestId('setup-company-tax-number').fill('91310000TEST00001X');
    await next();

    await byTestId('setup-store-0-name').fill('Main Street');
    await byTestId('setup-store-0-warehouse').fill('Main Street stockroom');
    await byTestId('setup-add-store').click();
    await byTestId('setup-store-1-name').fill('Riverside');
    await byTestId('setup-store-1-warehouse').fill('Riverside stockroom');
    await next();

    await byTestId('setup-central-enable').click();
    await byTestId('setup-central-name').fill('Central warehouse');
    await next();

    expect(await byTestId('setup-tax-0-rate').inputValue()).toBe('13');
    await next();

    await byTestId('setup-owner-username').fill('grocer');
    await byTestId('setup-owner-display-name').fill('Grace Grocer');
    await byTestId('setup-owner-password').fill('greens2024');
    await byTestId('setup-owner-password-confirm').fill('greens2024');
    await byTestId('setup-submit').click();

    await byTestId('login-username').waitFor();
    expect(new URL(page.url()).pathname).toBe('/backoffice/login');
    await byTestId('login-username').fill('grocer');
    await byTestId('login-password').fill('greens2024');
    await byTestId('login-submit').click();

    await byTestId('count-stores-value').waitFor();
    expect(await byTestId('dashboard-heading').textContent()).toBe('Dashboard');
    expect(await byTestId('dashboard-company').textContent()).toBe('Green Grocer 绿色果蔬');
    expect(await countOf(page, 'stores')).toBe(2);
    expect(await countOf(page, 'warehouses')).toBe(3);
    expect(await countOf(page, 'users')).toBe(1);
    expect(await countOf(page, 'products')).toBe(0);
  });

  it('keeps the wizard closed once setup is done', async () => {
    await page.goto(`${server.url}/backoffice/setup`);
    await byTestId('count-stores-value').waitFor();
    expect(new URL(page.url()).pathname).toBe('/backoffice/dashboard');
  });
});
