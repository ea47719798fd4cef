import {
  orderLineAmounts, orderTotals, parseExchangeRate, parseQuantity, parseScaledDecimal, purchaseOrderInputSchema, toDecimalString,
  type OrderTotals, type PurchaseOrder, type PurchaseOrderInput, type SupplierProduct,
} from '@shopbook/shared';
import { issuesToFieldErrors, type FieldErrors } from '../../forms/field-errors.ts';
import { moneyToInput, parseMoneyInput, trimZeros } from '../../forms/money-input.ts';

/**
 * A purchase order draft as people type it: quantities in purchase units, the price per
 * purchase unit in major units of the order's (the supplier's) currency, the tax rate in
 * percent. Left empty, pack size, price and tax rate default on the API (price list,
 * product). The mapping to the wire request is pure and tested on its own.
 */
export interface OrderLineForm {
  uid: number;
  productId: string;
  sku: string;
  name: string;
  unit: string;
  itemCode: string;
  qty: string;
  packSize: string;
  price: string;
  /** Percent as typed: "13". */
  taxRate: string;
  expectedDate: string;
}

export interface OrderForm {
  supplierId: string;
  warehouseId: string;
  currency: string;
  /** Base currency per unit of the order currency; only for a foreign currency. */
  exchangeRate: string;
  expectedDate: string;
  reference: string;
  note: string;
  lines: OrderLineForm[];
}

let nextUid = 1;

export function emptyOrderForm(warehouseId = ''): OrderForm {
  return { supplierId: '', warehouseId, currency: '', exchangeRate: '', expectedDate: '', reference: '', note: '', lines: [] };
}

/** Percent text from basis points: 1300 → '13', 650 → '6.5'. */
export const bpToPercent = (bp: number) => trimZeros(toDecimalString(bp, 2));

/** '13' → 1300; null when it is not a percentage with at most 2 decimals. */
export function percentToBp(text: string): number | null {
  const v = text.trim().replace(/%$/, '');
  if (!v) return null;
  try {
    const bp = parseScaledDecimal(v, 2, 'tax rate');
    return bp >= 0 ? bp : null;
  } catch {
    return null;
  }
}

/** A line for a product, from the supplier's price list when it is on it. */
export function lineFromProduct(
  p: { id: string; sku: string; name: string; unit: string; taxRateBp?: number | null },
  listed: SupplierProduct | undefined,
  decimals: number,
): OrderLineForm {
  return {
    uid: nextUid++,
    productId: p.id,
    sku: p.sku,
    name: p.name,
    unit: p.unit,
    itemCode: listed?.itemCode ?? '',
    qty: listed && Number(listed.minOrderQty) > 0 ? trimZeros(listed.minOrderQty) : '',
    packSize: listed ? trimZeros(listed.packSize) : '1',
    price: listed ? moneyToInput(listed.price, decimals) : '',
    taxRate: p.taxRateBp === undefined || p.taxRateBp === null ? '' : bpToPercent(p.taxRateBp),
    expectedDate: '',
  };
}

/** An existing draft back into the form, for editing. */
export function orderToForm(o: PurchaseOrder, decimals: number): OrderForm {
  return {
    supplierId: o.supplierId,
    warehouseId: o.warehouseId,
    currency: o.currency,
    exchangeRate: o.currency === o.baseCurrency ? '' : o.exchangeRate,
    expectedDate: o.expectedDate ?? '',
    reference: o.reference,
    note: o.note,
    lines: o.lines.map((l) => ({
      uid: nextUid++, productId: l.productId, sku: l.sku, name: l.name, unit: l.unit, itemCode: l.itemCode, qty: trimZeros(l.qty),
      packSize: trimZeros(l.packSize), price: moneyToInput(l.price, decimals), taxRate: bpToPercent(l.taxRateBp), expectedDate: l.expectedDate ?? '',
    })),
  };
}

export function toOrderRequest(form: OrderForm, decimals: number, baseCurrency: string | null): PurchaseOrderInput {
  const foreign = Boolean(form.currency && baseCurrency && form.currency !== baseCurrency);
  return {
    supplierId: form.supplierId,
    warehouseId: form.warehouseId,
    ...(form.currency ? { currency: form.currency } : {}),
    ...(foreign ? { exchangeRate: form.exchangeRate.trim() } : {}),
    expectedDate: form.expectedDate || null,
    reference: form.reference.trim(),
    note: form.note.trim(),
    lines: form.lines.map((l) => {
      const price = l.price.trim() ? (parseMoneyInput(l.price, decimals) ?? Number.NaN) : undefined;
      const taxRateBp = l.taxRate.trim() ? (percentToBp(l.taxRate) ?? Number.NaN) : undefined;
      return {
        productId: l.productId,
        qty: l.qty.trim(),
        ...(l.itemCode.trim() ? { itemCode: l.itemCode.trim() } : {}),
        ...(l.packSize.trim() ? { packSize: l.packSize.trim() } : {}),
        ...(price === undefined ? {} : { price }),
        ...(taxRateBp === undefined ? {} : { taxRateBp }),
        expectedDate: l.expectedDate || null,
      };
    }),
  };
}

export function validateOrder(form: OrderForm, decimals: number, baseCurrency: string | null): { request: PurchaseOrderInput | null; errors: FieldErrors } {
  const request = toOrderRequest(form, decimals, baseCurrency);
  const parsed = purchaseOrderInputSchema.safeParse(request);
  const errors = parsed.success ? {} : issuesToFieldErrors(parsed.error.issues);
  if (!form.supplierId) errors.supplierId = { key: 'required', raw: 'supplier is required' };
  if (!form.warehouseId) errors.warehouseId = { key: 'required', raw: 'warehouse is required' };
  if (request.exchangeRate !== undefined && !request.exchangeRate) errors.exchangeRate = { key: 'required', raw: 'exchange rate is required' };
  form.lines.forEach((l, i) => {
    if (!l.qty.trim()) errors[`lines.${i}.qty`] = { key: 'required', raw: 'quantity is required' };
  });
  return { request: Object.keys(errors).length === 0 && parsed.success ? (parsed.data as PurchaseOrderInput) : null, errors };
}

/**
 * What the draft comes to as typed, with shared's rounding rules (the API recomputes):
 * lines without a typed price or tax rate count as nothing until saved.
 */
export function draftTotals(form: OrderForm, decimals: number, baseDecimals: number, baseCurrency: string | null): OrderTotals | null {
  const foreign = Boolean(form.currency && baseCurrency && form.currency !== baseCurrency);
  let rateMicro = 1_000_000;
  if (foreign) {
    try {
      rateMicro = parseExchangeRate(form.exchangeRate.trim());
    } catch {
      return null;
    }
  }
  const fx = { rateMicro, orderDecimals: decimals, baseDecimals };
  const lines = [];
  for (const l of form.lines) {
    const priceMinor = parseMoneyInput(l.price, decimals);
    const taxRateBp = percentToBp(l.taxRate) ?? 0;
    if (priceMinor === null || !l.qty.trim()) continue;
    try {
      lines.push(orderLineAmounts({ qtyMilli: parseQuantity(l.qty.trim()), packSizeMilli: parseQuantity(l.packSize.trim() || '1'), priceMinor, taxRateBp }, fx));
    } catch {
      // not a quantity yet
    }
  }
  return orderTotals(lines);
}
