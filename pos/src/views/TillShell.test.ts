import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import App from '../App.vue';
import { enqueueEvent, getDb, getMeta, setMeta, upsertProducts, type StoredSession } from '../db/index.ts';
import { useSessionStore } from '../stores/session.ts';
import { useSyncStore } from '../stores/sync.ts';
import { useTillStore } from '../stores/till.ts';
import { createTestApp, eventually, resetDb } from '../testing/setup.ts';

const SESSION: StoredSession = {
  v: 1,
  token: 'tok',
  expiresAt: '2099-01-01T00:00:00.000Z',
  signedInAt: '2025-01-01T00:00:00.000Z',
  user: {
    id: 'u1',
    username: 'cashier',
    displayName: 'Li Na',
    roles: ['cashier'],
    permissions: ['pos.sell'],
    storeIds: ['s1'],
  },
};

async function mountTill(locale: 'en' | 'zh-CN' = 'en') {
  await setMeta(getDb(), 'session', SESSION);
  const app = createTestApp(locale);
  await useSessionStore(app.pinia).restore();
  const sync = useSyncStore(app.pinia);
  sync.start();
  await app.router.push('/');
  await app.router.isReady();
  const wrapper = mount(App, { global: { plugins: app.plugins }, attachTo: document.body });
  await flushPromises();
  return { wrapper, sync, ...app };
}

let stopSync: (() => void) | undefined;
beforeEach(resetDb);
afterEach(() => {
  stopSync?.();
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('TillShell', () => {
  it('opens straight into the till when a session is saved', async () => {
    const { wrapper, router, sync } = await mountTill();
    stopSync = sync.stop;
    expect(router.currentRoute.value.name).toBe('till');
    expect(wrapper.find('[data-testid="till-shell"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="cashier-name"]').text()).toBe('Li Na');
    expect(wrapper.find('[data-testid="cart-total"]').text()).toBe('0.00');
    expect(wrapper.find('[data-testid="cart-items"]').text()).toBe('0');
  });

  it('shows online/offline from the browser events', async () => {
    const { wrapper, sync } = await mountTill();
    stopSync = sync.stop;
    const status = () => wrapper.find('[data-testid="sync-status"]');
    expect(status().attributes('data-state')).toBe('online');
    expect(status().text()).toContain('Online');
    window.dispatchEvent(new Event('offline'));
    await flushPromises();
    expect(status().attributes('data-state')).toBe('offline');
    expect(status().text()).toContain('Offline');
    window.dispatchEvent(new Event('online'));
    await flushPromises();
    expect(status().attributes('data-state')).toBe('online');
  });

  it('shows the outbox count live and a placeholder until the first sync', async () => {
    const { wrapper, sync } = await mountTill();
    stopSync = sync.stop;
    expect(wrapper.find('[data-testid="sync-last"]').text()).toBe('Last sync —');
    await eventually(() => expect(wrapper.find('[data-testid="sync-pending"]').text()).toBe('0 unsent'));
    await enqueueEvent(getDb(), 'test', {});
    await enqueueEvent(getDb(), 'test', {});
    await eventually(() => expect(wrapper.find('[data-testid="sync-pending"]').text()).toBe('2 unsent'));
  });

  it('refuses to sign out while the outbox is not empty, and says why', async () => {
    const { wrapper, router, sync } = await mountTill();
    stopSync = sync.stop;
    await enqueueEvent(getDb(), 'sale.completed', {});
    await wrapper.find('[data-testid="sign-out"]').trigger('click');
    await eventually(() =>
      expect(wrapper.find('[data-testid="sign-out-blocked"]').text()).toContain('1 sale event(s) have not reached the server'),
    );
    expect(router.currentRoute.value.name).toBe('till');
    expect(await getMeta(getDb(), 'session')).toBeDefined();
  });

  it('refuses to sign out during a sale', async () => {
    const { wrapper, router, sync, pinia } = await mountTill();
    stopSync = sync.stop;
    useTillStore(pinia).saleInProgress = true;
    await wrapper.find('[data-testid="sign-out"]').trigger('click');
    await eventually(() => expect(wrapper.find('[data-testid="sign-out-blocked"]').text()).toContain('Cannot sign out during a sale'));
    expect(router.currentRoute.value.name).toBe('till');
  });

  it('signs out to the login when everything is sent, and tells the server', async () => {
    const fetchMock = vi.fn(async (_url: RequestInfo | URL, _init?: RequestInit) => new Response('{"ok":true}'));
    vi.stubGlobal('fetch', fetchMock);
    await setMeta(getDb(), 'store', { id: 's1', code: 'S1', name: '人民路店' });
    const { wrapper, router, sync } = await mountTill();
    stopSync = sync.stop;
    expect(wrapper.find('[data-testid="store-name"]').text()).toBe('人民路店');
    await wrapper.find('[data-testid="sign-out"]').trigger('click');
    await eventually(() => expect(router.currentRoute.value.name).toBe('login'));
    expect(await getMeta(getDb(), 'session')).toBeUndefined();
    expect(await getMeta(getDb(), 'store')).toBeUndefined();
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/auth/logout');
    expect(new Headers(init?.headers).get('authorization')).toBe('Bearer tok');
  });

  it('searches the local catalogue, by pinyin initials too', async () => {
    const { wrapper, sync } = await mountTill();
    stopSync = sync.stop;
    await eventually(() => expect(wrapper.find('[data-testid="search-no-catalogue"]').exists()).toBe(true));
    await upsertProducts(getDb(), [
      {
        id: 'p1',
        sku: 'COKE330',
        name: '可口可乐 330ml',
        categoryId: null,
        unit: '瓶',
        taxRateBp: 1300,
        priceMinor: 350,
        barcodes: ['6901939621257'],
        revision: 1,
      },
    ]);
    await wrapper.find('[data-testid="search-input"]').setValue('kkkl');
    await eventually(() => expect(wrapper.find('[data-testid="search-results"]').text()).toContain('可口可乐 330ml'));
    expect(wrapper.find('[data-testid="search-results"]').text()).toContain('3.50');
  });

  it('switches language and remembers the choice', async () => {
    const { wrapper, sync } = await mountTill('en');
    stopSync = sync.stop;
    await wrapper.find('[data-testid="language-zh-CN"] input').setValue(true);
    await flushPromises();
    expect(wrapper.find('[data-testid="sync-status"]').text()).toContain('在线');
    expect(wrapper.find('[data-testid="sign-out"]').text()).toBe('退出登录');
    expect(localStorage.getItem('shopbook.pos.locale')).toBe('zh-CN');
    expect(document.documentElement.lang).toBe('zh-CN');
    localStorage.clear();
  });
});
