import { flushPromises, mount } from '@vue/test-utils';
import { returnV1 } from '@shopbook/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findByBarcode, getDb } from '../db/index.ts';
import { useCartStore } from '../stores/cart.ts';
import { CHIPS_CODE, COKE_CODE } from '../testing/fixtures.ts';
import { byTestId, eventually, resetDb, tillStores } from '../testing/setup.ts';
import ReturnsDialog from './ReturnsDialog.vue';

beforeEach(resetDb);
afterEach(() => {
  document.body.innerHTML = '';
});

async function setup(cashier: 'cashier' | 'manager' = 'cashier') {
  const app = await tillStores({ cashier });
  const cart = useCartStore(app.pinia);
  cart.add((await findByBarcode(getDb(), COKE_CODE))!, 2000); // 7.00
  cart.add((await findByBarcode(getDb(), CHIPS_CODE))!); // 6.50
  const sale = await cart.complete([{ tender: 'card', amount: 1000, reference: 'x' }, { tender: 'cash', amount: 350 }]);
  const wrapper = mount(ReturnsDialog, { props: { open: false }, global: { plugins: [app.pinia, app.i18n] }, attachTo: document.body });
  await wrapper.setProps({ open: true });
  await flushPromises();
  return { wrapper, sale, app };
}

async function type(id: string, value: string, root: ParentNode = document) {
  const el = root.querySelector(`[data-testid="${id}"]`) as HTMLInputElement;
  el.value = value;
  el.dispatchEvent(new Event('input'));
  await flushPromises();
}

describe('ReturnsDialog', () => {
  it('finds the sale by receipt number, returns part of it to the original tenders', async () => {
    const { wrapper, sale } = await setup();
    await eventually(() => expect(byTestId(`returns-recent-${sale.receiptNo}`)).not.toBeNull());
    await type('returns-receipt-input', sale.receiptNo);
    byTestId('returns-find')!.click();
    await eventually(() => expect(byTestId('returns-sale-receipt')?.textContent).toBe(sale.receiptNo));
    await type('returns-qty-input', '1', byTestId('returns-line-BEV-0001')!);
    await eventually(() => expect(byTestId('returns-refunds')?.textContent).toMatch(/Card\s*2\.59.*Cash\s*0\.91/s));
    byTestId('returns-complete')!.click();
    await eventually(() => expect(wrapper.emitted('done')).toHaveLength(1));
    const [record] = wrapper.emitted('done')![0] as [{ ret: unknown; receiptNo: string }];
    const ret = returnV1.parse(record.ret);
    expect(ret.originalSaleId).toBe(sale.id);
    expect(ret.totals.gross).toBe(350);
    expect(ret.refunds.map((r) => [r.tender, r.amount])).toEqual([['card', 259], ['cash', 91]]);
    const events = (await getDb().outbox.toArray()).filter((e) => e.type === 'return');
    expect(events).toHaveLength(1);
  });

  it('will not return more than was sold', async () => {
    const { sale } = await setup();
    await type('returns-receipt-input', sale.receiptNo);
    byTestId('returns-find')!.click();
    await eventually(() => expect(byTestId('returns-sale-receipt')).not.toBeNull());
    await type('returns-qty-input', '3', byTestId('returns-line-BEV-0001')!);
    byTestId('returns-complete')!.click();
    await eventually(() => expect(byTestId('returns-error')?.textContent).toContain('Pick at least one item'));
    expect(await getDb().returns.count()).toBe(0);
  });

  it('a return without a receipt needs a manager', async () => {
    await setup('cashier');
    byTestId('returns-without-receipt')!.click();
    await eventually(() => expect(byTestId('manager-dialog')?.textContent).toContain('return without a receipt'));
  });

  it('says when a receipt is not on this till', async () => {
    await setup();
    await type('returns-receipt-input', 'S01-NOPE-000009');
    byTestId('returns-find')!.click();
    await eventually(() => expect(byTestId('returns-error')?.textContent).toContain('No sale with receipt S01-NOPE-000009'));
  });
});
