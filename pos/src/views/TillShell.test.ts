import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { enqueueEvent, getDb, getMeta } from '../db/index.ts';
import { useCartStore } from '../stores/cart.ts';
import { useSyncStore } from '../stores/sync.ts';
import { useTillStore } from '../stores/till.ts';
import { CHIPS_CODE, COKE_CASE } from '../testing/fixtures.ts';
import { byTestId, eventually, mountTillApp, resetDb } from '../testing/setup.ts';

let stop: (() => void) | undefined;
beforeEach(resetDb);
afterEach(() => {
  stop?.();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

async function mountTill(opts: Parameters<typeof mountTillApp>[0] = {}) {
  const t = await mountTillApp(opts);
  // Unmounted after each test: a stale shell would keep its window listeners (the scanner).
  stop = () => {
    t.wrapper.unmount();
    useSyncStore(t.pinia).stop();
  };
  return t;
}

/** A scanner: every key within a few ms, then Enter, at whatever element has focus. */
async function scan(code: string, target: Element = document.activeElement ?? document.body) {
  vi.useFakeTimers({ now: Date.now(), toFake: ['Date', 'setTimeout', 'clearTimeout'] });
  for (const ch of code) {
    target.dispatchEvent(new KeyboardEvent('keydown', { key: ch, bubbles: true, cancelable: true }));
    vi.advanceTimersByTime(2);
  }
  target.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
  vi.useRealTimers();
  await flushPromises();
}

describe('TillShell', () => {
  it('opens straight into the till with the registered store and the unlocked cashier', async () => {
    const { wrapper, router } = await mountTill();
    expect(router.currentRoute.value.name).toBe('till');
    expect(wrapper.find('[data-testid="cashier-name"]').text()).toBe('陈收银');
    expect(wrapper.find('[data-testid="store-name"]').text()).toBe('人民广场店');
    expect(wrapper.find('[data-testid="cart-total"]').text()).toBe('0.00');
    expect(wrapper.find('[data-testid="no-shift"]').exists()).toBe(false);
  });

  it('shows online/offline, the unsent count and the rejected count', async () => {
    const { wrapper } = await mountTill();
    const status = () => wrapper.find('[data-testid="sync-status"]');
    expect(status().attributes('data-state')).toBe('online');
    window.dispatchEvent(new Event('offline'));
    await flushPromises();
    expect(status().attributes('data-state')).toBe('offline');
    expect(status().text()).toContain('Offline');
    window.dispatchEvent(new Event('online'));
    await eventually(() => expect(wrapper.find('[data-testid="sync-pending"]').text()).toBe('1 unsent')); // the shift_open event
    const ev = await enqueueEvent(getDb(), 'test', {});
    await getDb().outbox.update(ev.id, { state: 'dead', lastError: 'unknown product' });
    await eventually(() => expect(wrapper.find('[data-testid="sync-dead"]').text()).toBe('1 rejected'));
    await wrapper.find('[data-testid="sync-status"]').trigger('click');
    await eventually(() => expect(byTestId('sync-dead-list')?.textContent).toContain('unknown product'));
  });

  it('adds a scanned product even with focus in the customer search, which stays empty', async () => {
    const { wrapper, pinia } = await mountTill();
    await wrapper.find('[data-testid="cart-customer"]').trigger('click');
    await flushPromises();
    const field = byTestId('customer-search-input') as HTMLInputElement;
    expect(field.tagName).toBe('INPUT');
    field.focus();
    await scan(CHIPS_CODE, field);
    await eventually(() => expect(useCartStore(pinia).lines.map((l) => l.name)).toEqual(['乐事薯片 70g']));
    expect(field.value).toBe('');
    await scan(COKE_CASE, field);
    await eventually(() => expect(useCartStore(pinia).priced.itemCount).toBe(13));
  });

  it('says which barcode is unknown and offers a search', async () => {
    const { wrapper } = await mountTill();
    await scan('6900000000007');
    await eventually(() => expect(wrapper.find('[data-testid="scan-notice-text"]').text()).toBe('Unknown barcode 6900000000007'));
    expect(wrapper.find('[data-testid="scan-quick-search"]').exists()).toBe(true);
  });

  it('needs an open shift to sell', async () => {
    const { wrapper, pinia } = await mountTill({ shift: false });
    await eventually(() => expect(wrapper.find('[data-testid="no-shift"]').exists()).toBe(true));
    await scan(CHIPS_CODE);
    expect(useCartStore(pinia).isEmpty).toBe(true);
    expect(wrapper.find('[data-testid="scan-notice-text"]').text()).toContain('No shift is open');
  });

  it('searches the local catalogue by pinyin initials and adds with a tap', async () => {
    const { wrapper } = await mountTill();
    await wrapper.find('[data-testid="search-input"]').setValue('kkkl');
    await eventually(() => expect(wrapper.find('[data-testid="search-results"]').text()).toContain('可口可乐 330ml'));
    await wrapper.find('[data-testid="search-hit-BEV-0001"]').trigger('click');
    await eventually(() => expect(wrapper.find('[data-testid="cart-total"]').text()).toBe('3.50'));
    expect(wrapper.find('[data-testid="cart-items"]').text()).toBe('1');
  });

  it('refuses to sign out during a sale, and otherwise returns to the PIN screen', async () => {
    const { wrapper, router, pinia } = await mountTill();
    useTillStore(pinia).saleInProgress = true;
    await wrapper.find('[data-testid="sign-out"]').trigger('click');
    await eventually(() => expect(wrapper.find('[data-testid="sign-out-blocked"]').text()).toContain('Cannot sign out during a sale'));
    expect(router.currentRoute.value.name).toBe('till');
    useTillStore(pinia).saleInProgress = false;
    // unsent events do not block: the device token pushes them whoever is signed in
    await enqueueEvent(getDb(), 'test', {});
    await wrapper.find('[data-testid="sign-out"]').trigger('click');
    await eventually(() => expect(router.currentRoute.value.name).toBe('lock'));
    expect(await getMeta(getDb(), 'activeCashier')).toBeUndefined();
  });

  it('switches language', async () => {
    const { wrapper } = await mountTill();
    await wrapper.find('[data-testid="language-zh-CN"] input').setValue(true);
    await flushPromises();
    expect(wrapper.find('[data-testid="sync-status"]').text()).toContain('在线');
    expect(wrapper.find('[data-testid="sign-out"]').text()).toBe('退出登录');
    expect(localStorage.getItem('shopbook.pos.locale')).toBe('zh-CN');
    localStorage.clear();
  });

  it('opens the shortcut help with F1', async () => {
    await mountTill();
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'F1', bubbles: true, cancelable: true }));
    await eventually(() => expect(byTestId('help-dialog')?.textContent).toContain('F9'));
  });
});
