import { newId, saleV1 } from '@shopbook/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import { findByBarcode, getDb, listParked, type ProductRecord } from '../db/index.ts';
import { CHIPS_CODE, COKE_CODE, DEVICE, IDS } from '../testing/fixtures.ts';
import { resetDb, tillStores } from '../testing/setup.ts';
import { useCartStore } from './cart.ts';
import { useTillStore } from './till.ts';

beforeEach(resetDb);

async function products(): Promise<{ coke: ProductRecord; chips: ProductRecord }> {
  return { coke: (await findByBarcode(getDb(), COKE_CODE))!, chips: (await findByBarcode(getDb(), CHIPS_CODE))! };
}

describe('cart store', () => {
  it('prices with shared rules, merges repeat scans and marks a sale in progress', async () => {
    const { pinia } = await tillStores();
    const { coke, chips } = await products();
    const cart = useCartStore(pinia);
    expect(useTillStore(pinia).saleInProgress).toBe(false);
    cart.add(coke);
    cart.add(coke);
    cart.add(chips);
    expect(cart.lines.map((l) => [l.name, l.qtyMilli])).toEqual([['可口可乐 330ml', 2000], ['乐事薯片 70g', 1000]]);
    expect(cart.priced.totals.gross).toBe(2 * 350 + 650);
    expect(cart.priced.taxBreakdown.rows.map((r) => r.rateBp)).toEqual([1300]);
    await Promise.resolve();
    expect(useTillStore(pinia).saleInProgress).toBe(true);
    cart.reset();
    await Promise.resolve();
    expect(useTillStore(pinia).saleInProgress).toBe(false);
  });

  it("prices at an attached customer's price list, before and after the scan, and back at the catalogue when removed", async () => {
    const { pinia } = await tillStores(); // cashier: 5 % limit
    const { coke, chips } = await products();
    const cart = useCartStore(pinia);
    cart.add(chips); // 6.50
    const vip = { id: newId(), code: 'V1', name: 'VIP', phone: '', creditLimit: 0, balance: 0, discountBp: 1000, revision: 1, nameNorm: 'vip', pinyinKeys: [] };
    cart.attachCustomer(vip);
    cart.add(coke); // 3.50 → 3.15
    expect(cart.lines.map((l) => [l.name, l.unitPrice, l.listPrice])).toEqual([['乐事薯片 70g', 585, 585], ['可口可乐 330ml', 315, 315]]);
    // A customer's own prices need no manager, even 10 % off for a cashier allowed 5 %.
    expect(cart.approvalMissing).toBe(false);
    cart.attachCustomer(null);
    expect(cart.lines.map((l) => l.unitPrice)).toEqual([650, 350]);
  });

  it('applies a discount within the cashier’s limit, and holds one above it for a manager', async () => {
    const { pinia } = await tillStores(); // cashier: 5 % limit
    const { chips } = await products();
    const cart = useCartStore(pinia);
    const line = cart.add(chips, 10_000);
    expect(cart.discountLine(line, { kind: 'percent', bp: 500 })).toBe(true);
    expect(cart.priced.totals.discount).toBe(325);
    expect(cart.discountLine(line, { kind: 'percent', bp: 2000 })).toBe(false);
    expect(cart.pending?.reasons).toEqual([{ kind: 'line_discount', lineId: line }, { kind: 'total_discount' }]);
    expect(cart.priced.totals.discount).toBe(325); // not applied yet
    cart.approve(IDS.manager);
    expect(cart.priced.totals.discount).toBe(1300);
    expect(cart.approvedBy).toBe(IDS.manager);
    // giving some back needs no new approval; taking more off does
    expect(cart.discountLine(line, { kind: 'percent', bp: 1000 })).toBe(true);
    expect(cart.discountCart({ kind: 'percent', bp: 1000 })).toBe(false);
    cart.cancelPending();
    expect(cart.pending).toBeNull();
  });

  it('a price override needs a reason, and below list a manager', async () => {
    const { pinia } = await tillStores();
    const { coke } = await products();
    const cart = useCartStore(pinia);
    const line = cart.add(coke);
    expect(() => cart.override(line, 300, ' ')).toThrow(/reason/);
    expect(cart.override(line, 400, 'wrong shelf label')).toBe(true);
    expect(cart.override(line, 300, 'damaged can')).toBe(false);
    expect(cart.pending?.reasons).toEqual([{ kind: 'price_below_list', lineId: line }]);
  });

  it('a manager at the till approves their own discounts', async () => {
    const { pinia, who } = await tillStores({ cashier: 'manager' });
    const { chips } = await products();
    const cart = useCartStore(pinia);
    const line = cart.add(chips);
    expect(cart.discountLine(line, { kind: 'percent', bp: 5000 })).toBe(true);
    expect(cart.approvedBy).toBe(who.id);
  });

  it('notices a limit crossed by a quantity change after a fixed discount', async () => {
    const { pinia } = await tillStores();
    const { chips } = await products();
    const cart = useCartStore(pinia);
    const line = cart.add(chips, 10_000); // 65.00
    expect(cart.discountLine(line, { kind: 'amount', amount: 300 })).toBe(true); // 4.6 %
    cart.changeQty(line, 1000); // 3.00 off 6.50
    expect(cart.approvalMissing).toBe(true);
  });

  it('parks and resumes a cart through Dexie', async () => {
    const { pinia } = await tillStores();
    const { coke } = await products();
    const cart = useCartStore(pinia);
    cart.add(coke, 3000);
    await cart.park();
    expect(cart.isEmpty).toBe(true);
    const [parked] = await listParked(getDb());
    expect(parked).toMatchObject({ itemCount: 3, total: 1050, label: '可口可乐 330ml' });
    expect(await cart.resume(parked!.id)).toBe(true);
    expect(cart.priced.totals.gross).toBe(1050);
    expect(cart.labels[cart.lines[0]!.lineId]).toEqual({ sku: 'BEV-0001', unit: '瓶' });
    expect(await listParked(getDb())).toEqual([]);
  });

  it('completes a paid sale: sale row and a valid outbox event, then an empty cart', async () => {
    const { pinia, who, shift } = await tillStores();
    const { coke, chips } = await products();
    const cart = useCartStore(pinia);
    cart.add(coke, 2000);
    cart.add(chips);
    const record = await cart.complete([{ tender: 'card', amount: 1000, reference: 'slip-9' }, { tender: 'cash', amount: 500 }]);
    expect(cart.isEmpty).toBe(true);
    expect(record.receiptNo).toMatch(/^S01-[0-9A-F]{6}-000001$/);
    const sale = saleV1.parse(record.sale);
    expect(sale).toMatchObject({ storeId: DEVICE.storeId, warehouseId: DEVICE.warehouseId, cashierId: who.id, shiftId: shift.id, change: 150 });
    expect(sale.payments).toEqual([
      { tender: 'card', amount: 1000, tendered: null, reference: 'slip-9' },
      { tender: 'cash', amount: 350, tendered: 500, reference: null },
    ]);
    expect(record.labels[sale.lines[0]!.lineId]).toEqual({ name: '可口可乐 330ml', sku: 'BEV-0001', unit: '瓶', weighed: false });
    const events = (await getDb().outbox.toArray()).filter((e) => e.type === 'sale');
    expect(events.map((e) => e.payload)).toEqual([record.sale]);
  });

  it('refuses an incomplete payment and keeps the cart', async () => {
    const { pinia } = await tillStores();
    const { coke } = await products();
    const cart = useCartStore(pinia);
    cart.add(coke);
    await expect(cart.complete([{ tender: 'cash', amount: 100 }])).rejects.toThrow(/still due/);
    expect(cart.isEmpty).toBe(false);
    expect(await getDb().sales.count()).toBe(0);
  });
});
