import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n, setLocale } from '../../i18n/index.ts';
import PrintersPage from './PrintersPage.vue';

const STORE = { id: '0190f5e8-3b2a-7c41-9d2e-5f6a7b8c9d0e', code: 'S01', name: 'People’s Square' };
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const byTestId = (id: string) => `[data-testid="${id}"]`;
/** el-form-item shows a new error after a 100 ms debounce. */
const errorsShown = () => new Promise((resolve) => setTimeout(resolve, 150));

/** A back end that keeps the printers it is given, as the API does. */
function fakeApi() {
  const printers: Record<string, unknown>[] = [];
  const posted: unknown[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    const path = new URL(url, 'http://x').pathname;
    if (path === '/api/org/stores') return json(200, { items: [STORE] });
    if (path === '/api/printing/printers' && (init.method ?? 'GET') === 'GET') return json(200, { items: printers });
    if (path === '/api/printing/printers' && init.method === 'POST') {
      const body = JSON.parse(String(init.body)) as Record<string, unknown>;
      posted.push(body);
      const row = { id: '0190f5e8-0000-7000-8000-000000000001', storeName: STORE.name, ...body };
      printers.push(row);
      return json(201, row);
    }
    return json(404, { error: { code: 'not_found', message: path } });
  });
  return { posted };
}

describe('PrintersPage', () => {
  beforeEach(() => {
    setLocale('en');
    setActivePinia(createPinia());
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it('adds a store printer, refusing an address with a port or scheme in it first', async () => {
    const api = fakeApi();
    const wrapper = mount(PrintersPage, { global: { plugins: [i18n] }, attachTo: document.body });
    await flushPromises();
    await wrapper.find(byTestId('printers-add')).trigger('click');
    await flushPromises();
    const form = () => document.querySelector(byTestId('printer-form'))!;
    // Element Plus puts the attributes on the <input> itself.
    const input = (id: string) => {
      const el = form().querySelector<HTMLElement>(byTestId(id))!;
      return (el instanceof HTMLInputElement ? el : el.querySelector('input'))!;
    };
    const type = async (id: string, value: string) => {
      input(id).value = value;
      input(id).dispatchEvent(new Event('input'));
      await flushPromises();
    };
    await type('printer-form-name', 'Front counter');
    await type('printer-form-host', 'http://10.0.0.5:9100');
    form().querySelector<HTMLButtonElement>(byTestId('printer-form-save'))!.click();
    await flushPromises();
    await errorsShown();
    expect(form().textContent).toContain('host must be an IPv4 address or a hostname');
    expect(api.posted).toEqual([]);

    await type('printer-form-host', '10.0.0.5');
    form().querySelector<HTMLButtonElement>(byTestId('printer-form-save'))!.click();
    await flushPromises();
    expect(api.posted).toEqual([{ storeId: STORE.id, name: 'Front counter', host: '10.0.0.5', port: 9100 }]);
    await flushPromises();
    expect(wrapper.find(byTestId('printers-table')).text()).toContain('10.0.0.5:9100');
    expect(wrapper.find(byTestId('printers-table')).text()).toContain('Front counter');
  });
});
