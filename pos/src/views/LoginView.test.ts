import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import App from '../App.vue';
import { getDb, getMeta } from '../db/index.ts';
import { createTestApp, eventually, resetDb } from '../testing/setup.ts';

const USER = {
  id: 'u1',
  username: 'cashier',
  displayName: 'Li Na',
  roles: ['cashier'],
  permissions: ['pos.sell'],
  storeIds: ['s1'],
};

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

async function mountLogin() {
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

describe('LoginView', () => {
  it('is where a till without a session starts', async () => {
    const { wrapper, router } = await mountLogin();
    expect(router.currentRoute.value.name).toBe('login');
    expect(wrapper.find('[data-testid="login-username"]').element.tagName).toBe('INPUT');
    expect(wrapper.find('[data-testid="login-password"]').attributes('type')).toBe('password');
  });

  it('asks for both fields before calling the API', async () => {
    const fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
    const { wrapper } = await mountLogin();
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(wrapper.find('[data-testid="login-username-error"]').text()).toBe('Enter your username.');
    expect(wrapper.find('[data-testid="login-password-error"]').text()).toBe('Enter your password.');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('shows the API error and stays on the login', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => jsonResponse(401, { error: { code: 'unauthenticated', message: 'wrong username or password', field: 'password' } })),
    );
    const { wrapper, router } = await mountLogin();
    await wrapper.find('[data-testid="login-username"]').setValue('cashier');
    await wrapper.find('[data-testid="login-password"]').setValue('wrong');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(wrapper.find('[data-testid="login-error"]').text()).toContain('Username or password is wrong.');
    expect(router.currentRoute.value.name).toBe('login');
    expect(await getMeta(getDb(), 'session')).toBeUndefined();
  });

  it('shows a field error the API names', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        jsonResponse(400, { error: { code: 'validation_failed', message: 'username is too long', field: 'username' } }),
      ),
    );
    const { wrapper } = await mountLogin();
    await wrapper.find('[data-testid="login-username"]').setValue('x');
    await wrapper.find('[data-testid="login-password"]').setValue('y');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(wrapper.find('[data-testid="login-username-error"]').text()).toBe('username is too long');
  });

  it('explains a network failure', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    const { wrapper } = await mountLogin();
    await wrapper.find('[data-testid="login-username"]').setValue('cashier');
    await wrapper.find('[data-testid="login-password"]').setValue('demo1234');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(wrapper.find('[data-testid="login-error"]').text()).toContain('Cannot reach the server');
  });

  it('signs in, saves the session in Dexie and opens the till', async () => {
    const fetchMock = vi.fn(async (url: RequestInfo | URL, _init?: RequestInit) =>
      String(url) === '/api/org/stores'
        ? jsonResponse(200, { items: [{ id: 's1', code: 'S1', name: '人民路店' }] })
        : jsonResponse(200, { token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z', user: USER }),
    );
    vi.stubGlobal('fetch', fetchMock);
    const { wrapper, router } = await mountLogin();
    await wrapper.find('[data-testid="login-username"]').setValue('cashier');
    await wrapper.find('[data-testid="login-password"]').setValue('demo1234');
    await wrapper.find('form').trigger('submit');
    await eventually(() => expect(router.currentRoute.value.name).toBe('till'));
    await flushPromises();

    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/auth/login');
    expect(init?.method).toBe('POST');
    expect(JSON.parse(String(init?.body))).toEqual({ username: 'cashier', password: 'demo1234' });

    const saved = await getMeta(getDb(), 'session');
    expect(saved).toMatchObject({ v: 1, token: 'tok', user: USER });
    expect(router.currentRoute.value.name).toBe('till');
    expect(wrapper.find('[data-testid="till-shell"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="cashier-name"]').text()).toBe('Li Na');

    // the store name is fetched with the token and kept for offline reloads
    const [storesUrl, storesInit] = fetchMock.mock.calls[1]!;
    expect(storesUrl).toBe('/api/org/stores');
    expect(new Headers(storesInit?.headers).get('authorization')).toBe('Bearer tok');
    expect(wrapper.find('[data-testid="store-name"]').text()).toBe('人民路店');
    expect(await getMeta(getDb(), 'store')).toEqual({ id: 's1', code: 'S1', name: '人民路店' });
  });

  it('still signs in when the store list cannot be fetched', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: RequestInfo | URL) =>
        String(url) === '/api/org/stores'
          ? jsonResponse(500, { error: { code: 'internal', message: 'boom' } })
          : jsonResponse(200, { token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z', user: USER }),
      ),
    );
    const { wrapper, router } = await mountLogin();
    await wrapper.find('[data-testid="login-username"]').setValue('cashier');
    await wrapper.find('[data-testid="login-password"]').setValue('demo1234');
    await wrapper.find('form').trigger('submit');
    await eventually(() => expect(router.currentRoute.value.name).toBe('till'));
    await flushPromises();
    expect(wrapper.find('[data-testid="store-name"]').text()).toBe('—');
  });
});
