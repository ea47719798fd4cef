import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { i18n, setLocale } from '../../i18n/index.ts';
import SetupWizard from './SetupWizard.vue';

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

async function mountWizard() {
  const pinia = createPinia();
  setActivePinia(pinia);
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/setup', name: 'setup', component: SetupWizard },
      { path: '/login', name: 'login', component: { template: '<div>login</div>' } },
    ],
  });
  await router.push('/setup');
  const wrapper = mount(SetupWizard, { global: { plugins: [pinia, i18n, router] }, attachTo: document.body });
  await flushPromises();
  return { wrapper, router };
}

const byTestId = (id: string) => `[data-testid="${id}"]`;
/** el-form-item shows a new error after a 100 ms debounce. */
const errorsShown = () => new Promise((resolve) => setTimeout(resolve, 150));

describe('SetupWizard', () => {
  beforeEach(() => setLocale('en'));
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it('stays on a step and marks the fields the shared schema refuses', async () => {
    const { wrapper } = await mountWizard();
    await wrapper.find(byTestId('setup-company-currency')).setValue('yuan');
    await wrapper.find(byTestId('setup-next')).trigger('click');
    await flushPromises();
    await errorsShown();

    expect(wrapper.find(byTestId('setup-step-company')).exists()).toBe(true);
    const text = wrapper.text();
    expect(text).toContain('Fix the marked fields first.');
    expect(text).toContain('Required'); // company name
    expect(text).toContain('Use a three-letter ISO 4217 code such as CNY');
  });

  it('moves on once the step is valid, and prefills the VAT rates', async () => {
    const { wrapper } = await mountWizard();
    await wrapper.find(byTestId('setup-company-name')).setValue('Green Grocer');
    await wrapper.find(byTestId('setup-next')).trigger('click');
    await flushPromises();
    expect(wrapper.find(byTestId('setup-step-stores')).exists()).toBe(true);

    await wrapper.find(byTestId('setup-store-0-name')).setValue('Main street');
    await wrapper.find(byTestId('setup-store-0-warehouse')).setValue('Main stockroom');
    await wrapper.find(byTestId('setup-next')).trigger('click'); // → central warehouse
    await wrapper.find(byTestId('setup-next')).trigger('click'); // → tax rates
    await flushPromises();
    const rate = wrapper.find(byTestId('setup-tax-0-rate')).element as HTMLInputElement;
    expect(rate.value).toBe('13');
    expect((wrapper.find(byTestId('setup-tax-0-name')).element as HTMLInputElement).value).toBe('VAT 13%');
  });

  it("posts the request and shows the API's refusal with its field", async () => {
    const fetch = vi.fn(async (url: string, init?: RequestInit) => {
      if (url === '/api/setup' && init?.method === 'POST') {
        return jsonResponse(400, {
          error: { code: 'validation_failed', message: 'owner.username: name is taken', field: 'owner.username' },
        });
      }
      return jsonResponse(404, { error: { code: 'not_found', message: 'no' } });
    });
    vi.stubGlobal('fetch', fetch);

    const { wrapper } = await mountWizard();
    const fill = async (id: string, value: string) => wrapper.find(byTestId(id)).setValue(value);
    const next = async () => {
      await wrapper.find(byTestId('setup-next')).trigger('click');
      await flushPromises();
    };
    await fill('setup-company-name', 'Green Grocer');
    await next();
    await fill('setup-store-0-name', 'Main street');
    await fill('setup-store-0-warehouse', 'Main stockroom');
    await next();
    await next();
    await next();
    await fill('setup-owner-username', 'boss');
    await fill('setup-owner-display-name', 'The Boss');
    await fill('setup-owner-password', 'secret123');
    await fill('setup-owner-password-confirm', 'secret123');
    await wrapper.find(byTestId('setup-submit')).trigger('click');
    await flushPromises();

    const call = fetch.mock.calls.find(([url]) => url === '/api/setup');
    expect(call).toBeDefined();
    const body = JSON.parse(String(call![1]!.body));
    expect(body.owner).toEqual({ username: 'boss', displayName: 'The Boss', password: 'secret123' });
    expect(body.taxRates.map((r: { rateBasisPoints: number }) => r.rateBasisPoints)).toEqual([1300, 900, 600, 0]);

    const alert = wrapper.find(byTestId('setup-api-error'));
    expect(alert.text()).toContain('owner.username: name is taken');
    expect(alert.text()).toContain('Field: owner.username');
    // The wizard returned to the step holding that field and marks it there too.
    expect(wrapper.find(byTestId('setup-step-owner')).exists()).toBe(true);
    await errorsShown();
    expect(wrapper.find(byTestId('setup-step-owner')).text()).toContain('owner.username: name is taken');
  });

  it('goes to the login page when setup succeeds', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => jsonResponse(201, { ok: true })),
    );
    const { wrapper, router } = await mountWizard();
    const fill = async (id: string, value: string) => wrapper.find(byTestId(id)).setValue(value);
    await fill('setup-company-name', 'Green Grocer');
    for (let i = 0; i < 4; i++) {
      if (i === 1) {
        await fill('setup-store-0-name', 'Main street');
        await fill('setup-store-0-warehouse', 'Main stockroom');
      }
      await wrapper.find(byTestId('setup-next')).trigger('click');
      await flushPromises();
    }
    await fill('setup-owner-username', 'boss');
    await fill('setup-owner-display-name', 'The Boss');
    await fill('setup-owner-password', 'secret123');
    await fill('setup-owner-password-confirm', 'secret123');
    await wrapper.find(byTestId('setup-submit')).trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.name).toBe('login');
    expect(router.currentRoute.value.query.setup).toBe('done');
  });
});
