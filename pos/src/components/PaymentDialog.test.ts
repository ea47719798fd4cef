import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findByBarcode, getDb, type CustomerRecord } from '../db/index.ts';
import { toCustomerRecord } from '../db/customer.ts';
import { useCartStore } from '../stores/cart.ts';
import { useDeviceStore } from '../stores/device.ts';
import { CHIPS_CODE } from '../testing/fixtures.ts';
import { byTestId, eventually, resetDb, tillStores } from '../testing/setup.ts';
import { newId } from '@shopbook/shared';
import PaymentDialog from './PaymentDialog.vue';

beforeEach(resetDb);
afterEach(() => {
  document.body.innerHTML = '';
});

/** A cart of `qty` bags of chips at 6.50, and the payment dialog open on it. */
async function openPayment(qty: number, customer?: CustomerRecord) {
  const app = await tillStores();
  const cart = useCartStore(app.pinia);
  cart.add((await findByBarcode(getDb(), CHIPS_CODE))!, qty * 1000);
  if (customer) cart.attachCustomer(customer);
  const wrapper = mount(PaymentDialog, { props: { open: false }, global: { plugins: [app.pinia, app.i18n] }, attachTo: document.body });
  await wrapper.setProps({ open: true });
  await flushPromises();
  return { wrapper, cart, app };
}

const text = (id: string) => byTestId(id)?.textContent?.trim();
async function click(id: string) {
  byTestId(id)!.click();
  await flushPromises();
}
async function type(id: string, value: string) {
  const input = (byTestId(id)?.tagName === 'INPUT' ? byTestId(id) : byTestId(id)?.querySelector('input')) as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input'));
  await flushPromises();
}

describe('PaymentDialog', () => {
  it('takes cash with change from a quick-cash button and completes the sale', async () => {
    const { wrapper, cart } = await openPayment(3); // 19.50
    expect(text('pay-due')).toBe('19.50');
    expect(byTestId('pay-quick-2000')).not.toBeNull();
    await click('pay-quick-5000');
    expect(text('pay-remaining')).toBe('0.00');
    expect(text('pay-change')).toBe('30.50');
    await click('pay-complete');
    await eventually(() => expect(wrapper.emitted('done')).toHaveLength(1));
    const [record] = wrapper.emitted('done')![0] as [{ sale: { payments: unknown[]; change: number } }];
    expect(record.sale.payments).toEqual([{ tender: 'cash', amount: 1950, tendered: 5000, reference: null }]);
    expect(record.sale.change).toBe(3050);
    expect(cart.isEmpty).toBe(true);
    expect(await getDb().outbox.filter((e) => e.type === 'sale').count()).toBe(1);
  });

  it('splits card and cash', async () => {
    const { wrapper } = await openPayment(2); // 13.00
    await click('pay-tender-card');
    await type('pay-amount-input', '10');
    await type('pay-reference-input', 'T-778');
    await click('pay-add');
    expect(text('pay-remaining')).toBe('3.00');
    await click('pay-exact');
    await click('pay-complete');
    await eventually(() => expect(wrapper.emitted('done')).toHaveLength(1));
    const [record] = wrapper.emitted('done')![0] as [{ sale: { payments: unknown[] } }];
    expect(record.sale.payments).toEqual([
      { tender: 'card', amount: 1000, tendered: null, reference: 'T-778' },
      { tender: 'cash', amount: 300, tendered: 300, reference: null },
    ]);
  });

  it('refuses a card payment above what is due', async () => {
    const { wrapper } = await openPayment(1);
    await click('pay-tender-card');
    await type('pay-amount-input', '7');
    await click('pay-add');
    expect(text('pay-error')).toContain('cannot be more than what is still due');
    expect(byTestId('pay-complete')?.hasAttribute('disabled')).toBe(true);
    expect(wrapper.emitted('done')).toBeUndefined();
  });

  it('lets an attached customer spend points: suggests what pays the bill, refuses more than they hold, and records the points', async () => {
    // 13.00 due; the customer holds 500 points at 1 fen each.
    const customer = toCustomerRecord({ id: newId(), code: 'C009', name: '王小姐', phone: '139', creditLimit: 0, balance: 0, points: 500, revision: 1 });
    const { wrapper, app } = await openPayment(2, customer);
    expect(byTestId('pay-tender-points')).toBeNull(); // no programme: no points tender
    const device = useDeviceStore(app.pinia);
    device.profile = { ...device.profile!, loyalty: { enabled: true, earnPerAmount: 100, pointValue: 1, minRedeem: 100 } };
    await flushPromises();
    await click('pay-tender-points');
    expect(text('pay-points-available')).toContain('holds 500 points, worth 5.00');
    const field = byTestId('pay-amount-input')!;
    expect((field.tagName === 'INPUT' ? (field as HTMLInputElement) : field.querySelector('input')!).value).toBe('500');
    await type('pay-amount-input', '600');
    await click('pay-add');
    expect(text('pay-error')).toContain('holds only 500 points');
    await type('pay-amount-input', '50');
    await click('pay-add');
    expect(text('pay-error')).toContain('At least 100 points');
    await type('pay-amount-input', '300');
    await click('pay-add');
    expect(text('pay-remaining')).toBe('10.00');
    expect(text('pay-line-0')).toContain('300 points');
    await click('pay-exact');
    await click('pay-complete');
    await eventually(() => expect(wrapper.emitted('done')).toHaveLength(1));
    const [record] = wrapper.emitted('done')![0] as [{ sale: { payments: unknown[]; customerId: string } }];
    expect(record.sale.customerId).toBe(customer.id);
    expect(record.sale.payments).toEqual([
      { tender: 'points', amount: 300, tendered: null, reference: null, points: 300 },
      { tender: 'cash', amount: 1000, tendered: 1000, reference: null },
    ]);
  });

  it('offers on account only with a customer who has credit, and asks a manager over the limit', async () => {
    const { wrapper } = await openPayment(1);
    expect(byTestId('pay-tender-account')?.querySelector('input')?.disabled).toBe(true);
    wrapper.unmount();
    document.body.innerHTML = '';
    await resetDb();

    const customer = toCustomerRecord({ id: newId(), code: 'C001', name: '客户公司1', phone: '138', creditLimit: 1000, balance: 800, revision: 1 });
    const again = await openPayment(1, customer); // 6.50 on account, 2.00 available
    await click('pay-tender-account');
    expect(text('pay-credit')).toContain('Available 2.00');
    await type('pay-amount-input', '6.50');
    await click('pay-add');
    expect(text('pay-over-limit')).toContain('4.50 over the credit limit');
    await click('pay-complete');
    await eventually(() => expect(byTestId('manager-dialog')?.textContent).toContain('account over the credit limit'));
    expect(again.wrapper.emitted('done')).toBeUndefined();
  });
});
