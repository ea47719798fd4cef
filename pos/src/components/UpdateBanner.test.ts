import { flushPromises, mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { enqueueEvent, getDb } from '../db/index.ts';
import { usePwaStore } from '../pwa/store.ts';
import { useTillStore } from '../stores/till.ts';
import { createTestApp, eventually, resetDb } from '../testing/setup.ts';
import UpdateBanner from './UpdateBanner.vue';

beforeEach(resetDb);

function setup() {
  const app = createTestApp('en');
  const pwa = usePwaStore(app.pinia);
  const activate = vi.fn(async () => undefined);
  pwa.setActivator(activate);
  const wrapper = mount(UpdateBanner, { global: { plugins: [app.pinia, app.i18n] } });
  return { wrapper, pwa, activate, till: useTillStore(app.pinia) };
}

describe('UpdateBanner', () => {
  it('stays hidden until a new version is waiting', async () => {
    const { wrapper, pwa } = setup();
    expect(wrapper.find('[data-testid="update-banner"]').exists()).toBe(false);
    pwa.needRefresh = true;
    await flushPromises();
    expect(wrapper.find('[data-testid="update-banner"]').text()).toContain('Update available');
  });

  it('applies the update on an idle till', async () => {
    const { wrapper, pwa, activate } = setup();
    pwa.needRefresh = true;
    await flushPromises();
    await wrapper.find('[data-testid="update-apply"]').trigger('click');
    await eventually(() => expect(activate).toHaveBeenCalledTimes(1));
    expect(wrapper.find('[data-testid="update-blocked"]').exists()).toBe(false);
  });

  it('refuses while the outbox is not empty, and says why', async () => {
    const { wrapper, pwa, activate } = setup();
    await enqueueEvent(getDb(), 'sale.completed', {});
    pwa.needRefresh = true;
    await flushPromises();
    await wrapper.find('[data-testid="update-apply"]').trigger('click');
    await eventually(() =>
      expect(wrapper.find('[data-testid="update-blocked"]').text()).toContain('1 sale event(s) have not reached the server'),
    );
    expect(activate).not.toHaveBeenCalled();
  });

  it('refuses during a sale', async () => {
    const { wrapper, pwa, activate, till } = setup();
    till.saleInProgress = true;
    pwa.needRefresh = true;
    await flushPromises();
    await wrapper.find('[data-testid="update-apply"]').trigger('click');
    await eventually(() => expect(wrapper.find('[data-testid="update-blocked"]').text()).toContain('Cannot update during a sale'));
    expect(activate).not.toHaveBeenCalled();
  });

  it('can be put off until later', async () => {
    const { wrapper, pwa } = setup();
    pwa.needRefresh = true;
    await flushPromises();
    await wrapper.find('[data-testid="update-later"]').trigger('click');
    expect(wrapper.find('[data-testid="update-banner"]').exists()).toBe(false);
  });
});
