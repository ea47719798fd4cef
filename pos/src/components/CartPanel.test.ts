import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findByBarcode, findByPlu, getDb } from '../db/index.ts';
import { useCartStore } from '../stores/cart.ts';
import { APPLES_PLU, CHIPS_CODE, COKE_CODE } from '../testing/fixtures.ts';
import { resetDb, tillStores } from '../testing/setup.ts';
import CartPanel from './CartPanel.vue';

beforeEach(resetDb);
afterEach(() => {
  document.body.innerHTML = '';
});

async function mountCart() {
  const app = await tillStores();
  const wrapper = mount(CartPanel, { props: { canSell: true }, global: { plugins: [app.pinia, app.i18n] }, attachTo: document.body });
  return { wrapper, cart: useCartStore(app.pinia) };
}

describe('CartPanel', () => {
  it('shows each line, the per-rate tax and the total', async () => {
    const { wrapper, cart } = await mountCart();
    expect(wrapper.find('[data-testid="cart-empty"]').exists()).toBe(true);
    cart.add((await findByBarcode(getDb(), COKE_CODE))!, 2000);
    cart.add((await findByPlu(getDb(), APPLES_PLU))!, 1234);
    await flushPromises();
    const coke = wrapper.find('[data-testid="cart-line-BEV-0001"]');
    expect(coke.find('[data-testid="line-qty"]').text()).toBe('2');
    expect(coke.find('[data-testid="line-gross"]').text()).toBe('7.00');
    const apples = wrapper.find('[data-testid="cart-line-FRU-0001"]');
    expect(apples.find('[data-testid="line-qty"]').text()).toBe('1.234'); // kg with 3 decimals
    expect(apples.find('[data-testid="line-gross"]').text()).toBe('14.81'); // 1.234 × 12.00 = 14.808
    const rates = wrapper.findAll('[data-testid="cart-tax-row"]').map((r) => r.text());
    expect(rates).toEqual(['Tax 13%0.81', 'Tax 9%1.22']);
    expect(wrapper.find('[data-testid="cart-total"]').text()).toBe('21.81');
    expect(wrapper.find('[data-testid="cart-items"]').text()).toBe('3');
  });

  it('steps a piece quantity up and down, and removes the line at zero', async () => {
    const { wrapper, cart } = await mountCart();
    cart.add((await findByBarcode(getDb(), CHIPS_CODE))!);
    await flushPromises();
    await wrapper.find('[data-testid="line-plus-SNK-0001"]').trigger('click');
    expect(cart.lines[0]!.qtyMilli).toBe(2000);
    expect(wrapper.find('[data-testid="cart-total"]').text()).toBe('13.00');
    await wrapper.find('[data-testid="line-minus-SNK-0001"]').trigger('click');
    await wrapper.find('[data-testid="line-minus-SNK-0001"]').trigger('click');
    expect(cart.isEmpty).toBe(true);
    expect(wrapper.find('[data-testid="cart-empty"]').exists()).toBe(true);
  });

  it('shows discounts and asks to pay', async () => {
    const { wrapper, cart } = await mountCart();
    const line = cart.add((await findByBarcode(getDb(), CHIPS_CODE))!, 4000); // 26.00
    cart.discountLine(line, { kind: 'percent', bp: 500 });
    await flushPromises();
    expect(wrapper.find('[data-testid="line-discount"]').text()).toBe('−1.30');
    expect(wrapper.find('[data-testid="cart-discount"]').text()).toBe('−1.30');
    expect(wrapper.find('[data-testid="cart-total"]').text()).toBe('24.70');
    await wrapper.find('[data-testid="cart-pay"]').trigger('click');
    expect(wrapper.emitted('pay')).toHaveLength(1);
  });

  it('will not take payment without a shift', async () => {
    const app = await tillStores();
    const wrapper = mount(CartPanel, { props: { canSell: false }, global: { plugins: [app.pinia, app.i18n] } });
    useCartStore(app.pinia).add((await findByBarcode(getDb(), CHIPS_CODE))!);
    await flushPromises();
    expect(wrapper.find('[data-testid="cart-pay"]').attributes('disabled')).toBeDefined();
  });
});
