import { lineAmount, lineTax, newId, parseQuantity, type SaleV1 } from '@shopbook/shared';
import type { TestContext } from './harness.ts';

/** Registers a till as the manager and returns its token and ids. */
export async function registerTill(t: TestContext, storeCode = 'S01') {
  const manager = await t.login('manager');
  const stores = (await (await t.call('GET', '/api/org/stores', { token: manager })).json()) as { items: { id: string; code: string }[] };
  const storeId = stores.items.find((s) => s.code === storeCode)!.id;
  const res = await t.call('POST', '/api/devices/register', { token: manager, body: { name: `Till ${storeCode}`, storeId } });
  if (res.status !== 201) throw new Error(`register: ${res.status} ${await res.text()}`);
  return (await res.json()) as { deviceId: string; token: string; storeId: string; warehouseId: string };
}

export interface SimpleLine {
  productId: string;
  qty: string;
  unitPrice: number;
  taxRateBp: number;
  discount?: number;
  serials?: string[];
}

/** A tax-inclusive sale as a till would build it, paid by the given tenders (default all cash). */
export function saleEvent(
  till: { deviceId: string; storeId: string; warehouseId: string },
  seq: number,
  cashierId: string,
  lines: SimpleLine[],
  opts: { shiftId?: string | null; payments?: (gross: number) => SaleV1['payments']; saleId?: string } = {},
) {
  const priced = lines.map((l) => {
    const amount = lineAmount(parseQuantity(l.qty), l.unitPrice) - (l.discount ?? 0);
    const split = lineTax(amount, l.taxRateBp, true);
    return {
      lineId: newId(), productId: l.productId, batchId: null, qty: l.qty, serials: l.serials ?? [], unitPrice: l.unitPrice, listPrice: l.unitPrice, overrideReason: null,
      discount: l.discount ?? 0, taxRateBp: l.taxRateBp, ...split,
    };
  });
  const sum = (k: 'net' | 'tax' | 'gross' | 'discount') => priced.reduce((s, l) => s + l[k], 0);
  const gross = sum('gross');
  const saleId = opts.saleId ?? newId();
  const payload: SaleV1 = {
    v: 1, saleId, receiptNo: `T-${seq}`, storeId: till.storeId, warehouseId: till.warehouseId, cashierId, shiftId: opts.shiftId ?? null,
    customerId: null, pricesIncludeTax: true, lines: priced, cartDiscount: 0,
    totals: { net: sum('net'), tax: sum('tax'), gross, discount: sum('discount') },
    payments: opts.payments?.(gross) ?? [{ tender: 'cash', amount: gross, tendered: gross, reference: null }], change: 0, approvedBy: null,
  };
  return { id: saleId, deviceId: till.deviceId, seq, type: 'sale' as const, occurredAt: new Date('2026-03-02T10:00:00Z').toISOString(), payload };
}
