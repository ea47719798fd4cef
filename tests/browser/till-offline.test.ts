import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSuiteReady, launchBrowser, startServer, type RunningServer } from './harness.ts';
import { apiGet, apiLogin, openShift, registerTill, scanInto, simpleProducts, unlock, waitForCatalogue, type DemoProduct } from './till-helpers.ts';

const SCREENSHOT_DIR = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

/**
 * The promise of the till: it never loses a sale. Register, open a shift, lose the network,
 * ring up 20 sales (some split cash + card) and a return, reload the page while still
 * offline, then reconnect: the back office sees exactly those 20 sales, the stock moves
 * match them line for line, nothing is there twice and the ledger still balances.
 */
describe.skipIf(!browserSuiteReady())('till offline', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let token: string;
  let products: (DemoProduct & { barcode: string })[];
  const receipts: string[] = [];
  /** qty sold per product id, in whole units */
  const sold = new Map<string, number>();
  /** sale lines per product id (one line per product per sale: repeat scans merge) */
  const saleLines = new Map<string, number>();
  let returned: { productId: string; qty: number } | null = null;

  beforeAll(async () => {
    server = await startServer({ demo: true });
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    page = await context.newPage();
    token = await apiLogin(server.url);
    products = await simpleProducts(server.url, token, 5);
    expect(products).toHaveLength(5);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  const byTestId = (id: string) => page.getByTestId(id);
  const pending = async () => Number((await byTestId('sync-pending').textContent())?.match(/\d+/)?.[0] ?? NaN);

  /** Sale n (1-based): product n%5 once, every other sale two of the next product too; odd sales split card + cash. */
  async function ringUp(n: number): Promise<void> {
    const first = products[n % 5]!;
    const second = products[(n + 1) % 5]!;
    await scanInto(page, first.barcode, 1);
    const lines: [DemoProduct, number][] = [[first, 1]];
    if (n % 2 === 0) {
      await scanInto(page, second.barcode, 2);
      await scanInto(page, second.barcode, 3);
      lines.push([second, 2]);
    }
    await byTestId('cart-pay').click();
    if (n % 2 === 1) {
      await byTestId('pay-tender-card').click();
      await byTestId('pay-amount-input').fill('1.00');
      await byTestId('pay-reference-input').fill(`slip-${n}`);
      await byTestId('pay-add').click();
      await byTestId('pay-line-0').waitFor();
    }
    await byTestId('pay-exact').click();
    await byTestId('pay-complete').click();
    await byTestId('receipt').waitFor();
    receipts.push((await byTestId('receipt-number').textContent())!.trim());
    await byTestId('receipt-next').click();
    await byTestId('receipt').waitFor({ state: 'detached' });
    for (const [p, q] of lines) {
      sold.set(p.id, (sold.get(p.id) ?? 0) + q);
      saleLines.set(p.id, (saleLines.get(p.id) ?? 0) + 1);
    }
  }

  it('is registered, synced and has a shift open before the network goes', async () => {
    await registerTill(page, server.url);
    await unlock(page);
    await waitForCatalogue(page);
    await openShift(page, '200');
    // The shift_open event must be on the server before the network goes: wait for it to be
    // done in the outbox itself (the unsent counter can read 0 before it is even queued).
    await expect
      .poll(
        () =>
          page.evaluate(
            () =>
              new Promise<number>((resolve, reject) => {
                const open = indexedDB.open('shopbook-pos');
                open.onerror = () => reject(open.error);
                open.onsuccess = () => {
                  const all = open.result.transaction('outbox').objectStore('outbox').getAll();
                  all.onsuccess = () => {
                    resolve((all.result as { type: string; state: string }[]).filter((e) => e.type === 'shift_open' && e.state === 'done').length);
                    open.result.close();
                  };
                };
              }),
          ),
        { timeout: 30_000 },
      )
      .toBe(1);
    await expect.poll(pending, { timeout: 30_000 }).toBe(0);
    // the service worker controls the page from the next load on
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await byTestId('till-shell').waitFor();
  });

  it('sells ten sales offline', async () => {
    await context.setOffline(true);
    await expect.poll(() => byTestId('sync-status').getAttribute('data-state')).toBe('offline');
    for (let n = 1; n <= 10; n++) await ringUp(n);
    expect(await pending()).toBe(10);
    expect(new Set(receipts).size).toBe(10);
  });

  it('survives a reload while still offline: the shell comes from the service worker, the sales from IndexedDB', async () => {
    await page.reload();
    await byTestId('till-shell').waitFor();
    await expect.poll(() => byTestId('sync-status').getAttribute('data-state')).toBe('offline');
    await expect.poll(pending).toBe(10);
    await byTestId('open-returns').click();
    for (const r of receipts) await byTestId(`returns-recent-${r}`).waitFor();
    await page.keyboard.press('Escape');
    await byTestId('returns-dialog').waitFor({ state: 'hidden' });
  });

  it('returns one item of an earlier sale by its receipt number, refunded to its original tenders', async () => {
    await byTestId('open-returns').click();
    await byTestId('returns-receipt-input').fill(receipts[2]!); // sale 3: split card + cash
    await byTestId('returns-find').click();
    await byTestId('returns-sale-receipt').waitFor();
    const line = products[3 % 5]!;
    await byTestId(`returns-line-${line.sku}`).getByTestId('returns-qty-input').fill('1');
    await expect.poll(() => byTestId('returns-refunds').textContent()).toMatch(/Card.*Cash|Cash.*Card/);
    await byTestId('returns-complete').click();
    await byTestId('receipt').waitFor();
    expect(await byTestId('receipt').textContent()).toContain('Return receipt');
    await byTestId('receipt-next').click();
    returned = { productId: line.id, qty: 1 };
    await expect.poll(pending).toBe(11);
  });

  it('sells ten more offline', async () => {
    for (let n = 11; n <= 20; n++) await ringUp(n);
    expect(await pending()).toBe(21);
    expect(new Set(receipts).size).toBe(20);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: `${SCREENSHOT_DIR}till-offline.png` });
  });

  it('sends everything once back online', async () => {
    await context.setOffline(false);
    await expect.poll(() => byTestId('sync-status').getAttribute('data-state')).toBe('online');
    await expect.poll(pending, { timeout: 60_000, interval: 500 }).toBe(0);
    expect(await byTestId('sync-dead').count()).toBe(0);
  });

  it('the back office sees exactly the 20 sales, their stock moves and a balanced ledger', async () => {
    const storeId = await page.evaluate(
      () =>
        new Promise<string>((resolve, reject) => {
          const req = indexedDB.open('shopbook-pos');
          req.onsuccess = () => {
            const get = req.result.transaction('meta').objectStore('meta').get('device');
            get.onsuccess = () => resolve(get.result.value.storeId as string);
            get.onerror = () => reject(get.error);
          };
        }),
    );
    const warehouseId = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const req = indexedDB.open('shopbook-pos');
          req.onsuccess = () => {
            const get = req.result.transaction('meta').objectStore('meta').get('device');
            get.onsuccess = () => resolve(get.result.value.warehouseId as string);
          };
        }),
    );
    const { items, total } = await apiGet<{ items: { receiptNo: string; storeId: string }[]; total: number }>(
      server.url,
      token,
      `/api/sales?storeId=${storeId}&pageSize=100`,
    );
    expect(total).toBe(20);
    expect(items.map((s) => s.receiptNo).sort()).toEqual([...receipts].sort());

    for (const p of products) {
      const { items: moves } = await apiGet<{ items: { moveType: string; docType: string; docId: string; qty: string }[] }>(
        server.url,
        token,
        `/api/inventory/products/${p.id}/moves?warehouseId=${warehouseId}`,
      );
      const saleMoves = moves.filter((m) => m.moveType === 'sale');
      const returnMoves = moves.filter((m) => m.moveType === 'return');
      // one move per sale line, none twice
      expect(saleMoves).toHaveLength(saleLines.get(p.id) ?? 0);
      expect(new Set(saleMoves.map((m) => m.docId)).size).toBe(saleMoves.length);
      expect(saleMoves.reduce((s, m) => s + Number(m.qty), 0)).toBe(-(sold.get(p.id) ?? 0));
      const back = returned?.productId === p.id ? returned.qty : 0;
      expect(returnMoves.reduce((s, m) => s + Number(m.qty), 0)).toBe(back);
    }

    const check = await apiGet<{ ok: boolean; levelDifferences: unknown[] }>(server.url, token, '/api/inventory/ledger-check');
    expect(check.levelDifferences).toEqual([]);
    expect(check.ok).toBe(true);
  });
});
