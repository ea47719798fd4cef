import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import App from '../App.vue';
import { getDb, getMeta } from '../db/index.ts';
import { DEVICE, IDS } from '../testing/fixtures.ts';
import { byTestId, createTestApp, eventually, resetDb } from '../testing/setup.ts';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const user = (permissions: string[]) => ({ id: IDS.manager, username: 'manager', displayName: '李经理', roles: ['manager'], permissions, storeIds: [IDS.store] });

async function mountSetup() {
  const app = createTestApp('en');
  await app.router.push('/');
  await app.router.isReady();
  const wrapper = mount(App, { global: { plugins: app.plugins }, attachTo: document.body });
  await flushPromises();
  return { wrapper, ...app };
}

beforeEach(resetDb);
afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('SetupView', () => {
  it('is where an unregistered till starts, whatever the address', async () => {
    const { router } = await mountSetup();
    expect(router.currentRoute.value.name).toBe('setup');
    await router.push('/lock');
    expect(router.currentRoute.value.name).toBe('setup');
  });

  it('signs a manager in, lists the stores and registers the till, then shows the PIN screen', async () => {
    const fetchMock = vi.fn(async (url: RequestInfo | URL, _init?: RequestInit) => {
      switch (String(url)) {
        case '/api/auth/login':
          return json(200, { token: 'user-token', expiresAt: '2099-01-01T00:00:00Z', user: user(['pos.device.register']) });
        case '/api/org/stores':
          return json(200, { items: [{ id: IDS.store, code: 'S01', name: '人民广场店' }] });
        case '/api/devices/register':
          return json(201, { deviceId: DEVICE.deviceId, token: 'till_secret', storeId: IDS.store, warehouseId: IDS.warehouse });
        default:
          return json(200, {});
      }
    });
    vi.stubGlobal('fetch', fetchMock);
    const { wrapper, router } = await mountSetup();
    await wrapper.find('[data-testid="setup-username"]').setValue('manager');
    await wrapper.find('[data-testid="setup-password"]').setValue('demo1234');
    await wrapper.find('[data-testid="setup-login"]').trigger('submit');
    await eventually(() => expect(wrapper.find('[data-testid="setup-register"]').exists()).toBe(true));
    await wrapper.find('[data-testid="setup-till-name"]').setValue('Till 1');
    await wrapper.find('[data-testid="setup-register"]').trigger('submit');
    await eventually(() => expect(router.currentRoute.value.name).toBe('lock'));
    expect(await getMeta(getDb(), 'device')).toMatchObject({ deviceId: DEVICE.deviceId, token: 'till_secret', name: 'Till 1' });
    const register = fetchMock.mock.calls.find(([u]) => String(u) === '/api/devices/register')!;
    expect(JSON.parse(String(register[1]?.body))).toEqual({ name: 'Till 1', storeId: IDS.store });
    expect(byTestId('pin-page')).not.toBeNull();
  });

  it('refuses someone who may not register tills', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json(200, { token: 't', expiresAt: '2099-01-01T00:00:00Z', user: { ...user(['pos.sell']), displayName: '陈收银' } })));
    const { wrapper } = await mountSetup();
    await wrapper.find('[data-testid="setup-username"]').setValue('cashier');
    await wrapper.find('[data-testid="setup-password"]').setValue('demo1234');
    await wrapper.find('[data-testid="setup-login"]').trigger('submit');
    await eventually(() => expect(wrapper.find('[data-testid="setup-error"]').text()).toContain('陈收银 may not register tills'));
    expect(await getMeta(getDb(), 'device')).toBeUndefined();
  });

  it('explains a wrong password and a network failure', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json(401, { error: { code: 'unauthenticated', message: 'wrong' } })));
    const { wrapper } = await mountSetup();
    await wrapper.find('[data-testid="setup-username"]').setValue('manager');
    await wrapper.find('[data-testid="setup-password"]').setValue('nope');
    await wrapper.find('[data-testid="setup-login"]').trigger('submit');
    await eventually(() => expect(wrapper.find('[data-testid="setup-error"]').text()).toContain('Username or password is wrong.'));
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    await wrapper.find('[data-testid="setup-password"]').setValue('again');
    await wrapper.find('[data-testid="setup-login"]').trigger('submit');
    await eventually(() => expect(wrapper.find('[data-testid="setup-error"]').text()).toContain('Cannot reach the server'));
  });
});
