import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import App from '../App.vue';
import { getDb, getMeta } from '../db/index.ts';
import { useDeviceStore } from '../stores/device.ts';
import { useSessionStore } from '../stores/session.ts';
import { seedTill } from '../testing/fixtures.ts';
import { createTestApp, eventually, resetDb } from '../testing/setup.ts';

async function mountPin() {
  await seedTill(getDb());
  const app = createTestApp('en');
  await useDeviceStore(app.pinia).restore();
  await useSessionStore(app.pinia).restore();
  await app.router.push('/');
  await app.router.isReady();
  const wrapper = mount(App, { global: { plugins: app.plugins }, attachTo: document.body });
  await flushPromises();
  return { wrapper, ...app };
}

let unmount: (() => void) | undefined;
beforeEach(resetDb);
afterEach(() => {
  unmount?.();
  document.body.innerHTML = '';
});

async function enter(wrapper: Awaited<ReturnType<typeof mountPin>>['wrapper'], pin: string) {
  for (const d of pin) await wrapper.find(`[data-testid="pin-key-${d}"]`).trigger('click');
  await wrapper.find('[data-testid="pin-entry"] form').trigger('submit');
}

describe('PinView', () => {
  it('lists the pulled cashiers and unlocks with the PIN pad', async () => {
    const { wrapper, router } = await mountPin();
    unmount = () => wrapper.unmount();
    expect(router.currentRoute.value.name).toBe('lock');
    await eventually(() => expect(wrapper.find('[data-testid="pin-cashier-cashier"]').text()).toContain('陈收银'));
    await wrapper.find('[data-testid="pin-cashier-cashier"]').trigger('click');
    await enter(wrapper, '1234');
    await eventually(() => expect(router.currentRoute.value.name).toBe('till'));
    expect(await getMeta(getDb(), 'activeCashier')).toMatchObject({ v: 1 });
  });

  it('accepts the PIN typed on a keyboard', async () => {
    const { wrapper, router } = await mountPin();
    unmount = () => wrapper.unmount();
    await eventually(() => expect(wrapper.find('[data-testid="pin-cashier-manager"]').exists()).toBe(true));
    await wrapper.find('[data-testid="pin-cashier-manager"]').trigger('click');
    await wrapper.find('[data-testid="pin-input"]').setValue('5678');
    await wrapper.find('[data-testid="pin-entry"] form').trigger('submit');
    await eventually(() => expect(router.currentRoute.value.name).toBe('till'));
  });

  it('counts wrong PINs down to a lock-out that a reload does not lift', async () => {
    const { wrapper, router } = await mountPin();
    unmount = () => wrapper.unmount();
    await eventually(() => expect(wrapper.find('[data-testid="pin-cashier-cashier"]').exists()).toBe(true));
    await wrapper.find('[data-testid="pin-cashier-cashier"]').trigger('click');
    await enter(wrapper, '0000');
    await eventually(() => expect(wrapper.find('[data-testid="pin-error"]').text()).toContain('4 attempt(s) left'));
    for (const left of [3, 2, 1]) {
      await enter(wrapper, '0000');
      await eventually(() => expect(wrapper.find('[data-testid="pin-error"]').text()).toContain(`${left} attempt(s) left`));
    }
    await enter(wrapper, '0000');
    await eventually(() => expect(wrapper.find('[data-testid="pin-error"]').text()).toContain('Too many wrong PINs'));
    wrapper.unmount();
    document.body.innerHTML = '';
    // a "reload": a new app over the same database
    const app = createTestApp('en');
    await useDeviceStore(app.pinia).restore();
    await app.router.push('/');
    await app.router.isReady();
    const again = mount(App, { global: { plugins: app.plugins }, attachTo: document.body });
    unmount = () => again.unmount();
    await eventually(() => expect(again.find('[data-testid="pin-cashier-cashier"]').exists()).toBe(true));
    await again.find('[data-testid="pin-cashier-cashier"]').trigger('click');
    await enter(again, '1234');
    await eventually(() => expect(again.find('[data-testid="pin-error"]').text()).toContain('Too many wrong PINs'));
    expect(app.router.currentRoute.value.name).toBe('lock');
    expect(router).toBeDefined();
  });
});
