import type { Page } from 'playwright-core';

/**
 * Shared steps of the till browser tests: set the device up with the manager's password,
 * unlock with a PIN, open a shift, scan like a USB scanner. Demo data: manager / demo1234
 * registers; PINs cashier 1234, manager 5678.
 */

export interface DemoProduct {
  id: string;
  sku: string;
  name: string;
  salePrice: number;
  weighed: boolean;
  batchTracked: boolean;
  barcodes: { barcode: string; packQty: string }[];
}

export async function apiLogin(baseUrl: string, username = 'manager', password = 'demo1234'): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

export async function apiGet<T>(baseUrl: string, token: string, path: string): Promise<T> {
  const res = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
  if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Piece-counted, not batch-tracked demo products with a one-unit barcode: the easy ones to ring up. */
export async function simpleProducts(baseUrl: string, token: string, n: number): Promise<(DemoProduct & { barcode: string })[]> {
  const { items } = await apiGet<{ items: DemoProduct[] }>(baseUrl, token, '/api/catalogue/products?pageSize=200');
  return items
    .filter((p) => !p.weighed && !p.batchTracked)
    .flatMap((p) => {
      const one = p.barcodes.find((b) => Number(b.packQty) === 1);
      return one ? [{ ...p, barcode: one.barcode }] : [];
    })
    .slice(0, n);
}

/** First run: the set-up screen, a manager's password, the first store, a till name; ends on the PIN screen. */
export async function registerTill(page: Page, baseUrl: string, tillName = 'Till 1'): Promise<void> {
  await page.goto(`${baseUrl}/pos/`);
  await page.getByTestId('setup-username').fill('manager');
  await page.getByTestId('setup-password').fill('demo1234');
  await page.getByTestId('setup-sign-in').click();
  await page.getByTestId('setup-till-name').fill(tillName);
  await page.getByTestId('setup-register-submit').click();
  await page.getByTestId('pin-page').waitFor();
}

/** On the PIN screen: pick the cashier (they arrive with the first pull) and type the PIN. */
export async function unlock(page: Page, username = 'cashier', pin = '1234'): Promise<void> {
  await page.getByTestId(`pin-cashier-${username}`).click({ timeout: 60_000 });
  await page.getByTestId('pin-input').fill(pin);
  await page.getByTestId('pin-submit').click();
  await page.getByTestId('till-shell').waitFor();
}

export async function openShift(page: Page, float = '200'): Promise<void> {
  await page.getByTestId('no-shift-open').click();
  await page.getByTestId('shift-float-input').fill(float);
  await page.getByTestId('shift-open').click();
  await page.getByTestId('no-shift').waitFor({ state: 'detached' });
}

/** A USB scanner: the whole code within a few ms per key, then Enter, wherever focus is. */
export async function scan(page: Page, code: string): Promise<void> {
  await page.keyboard.type(code, { delay: 2 });
  await page.keyboard.press('Enter');
}

/**
 * Scans and waits until the cart shows `items` pieces, as a cashier glances at the screen
 * between items. On failure it says what became of the scan (the notice, the search box).
 */
export async function scanInto(page: Page, code: string, items: number): Promise<void> {
  await scan(page, code);
  try {
    await page.waitForFunction((n) => document.querySelector('[data-testid="cart-items"]')?.textContent === String(n), items, { timeout: 10_000 });
  } catch (e) {
    const notice = await page.getByTestId('scan-notice-text').textContent().catch(() => null);
    const search = await page.getByTestId('search-input').inputValue().catch(() => null);
    const got = await page.getByTestId('cart-items').textContent();
    throw new Error(`scan of ${code} did not make ${items} items (cart ${got}, notice "${notice}", search "${search}")`, { cause: e });
  }
}

/** Waits until the catalogue has arrived (the first pull runs in the background). */
export async function waitForCatalogue(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      new Promise<boolean>((resolve) => {
        const req = indexedDB.open('shopbook-pos');
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction('meta', 'readonly');
          const get = tx.objectStore('meta').get('initialPullDone');
          get.onsuccess = () => {
            resolve(get.result?.value === true);
            db.close();
          };
          get.onerror = () => resolve(false);
        };
        req.onerror = () => resolve(false);
      }),
    undefined,
    { timeout: 60_000, polling: 250 },
  );
}

/** Pays the open cart in cash, exact, and dismisses the receipt. */
export async function payCashExact(page: Page): Promise<void> {
  await page.getByTestId('cart-pay').click();
  await page.getByTestId('pay-exact').click();
  await page.getByTestId('pay-complete').click();
  await page.getByTestId('receipt').waitFor();
  await page.getByTestId('receipt-next').click();
  await page.getByTestId('receipt').waitFor({ state: 'detached' });
}
