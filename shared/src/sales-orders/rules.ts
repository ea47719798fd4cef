import { lineAmount } from '../quantity/quantity.ts';
import { lineTax } from '../tax/tax.ts';

/**
 * Sales orders (销售订单): a quotation until the customer confirms; confirming reserves
 * what the warehouse can spare (on hand less what other orders hold); shipments take
 * goods out, partially or in full; what could not be reserved is a back order, reserved
 * later when stock arrives.
 */
export const SALES_ORDER_STATUSES = ['quotation', 'confirmed', 'picking', 'partially_shipped', 'shipped', 'cancelled'] as const;
export type SalesOrderStatus = (typeof SALES_ORDER_STATUSES)[number];
export type SalesOrderStep = 'edit' | 'confirm' | 'pick' | 'ship' | 'reserve' | 'cancel';

const STEPS: Record<SalesOrderStep, readonly SalesOrderStatus[]> = {
  edit: ['quotation'],
  confirm: ['quotation'],
  pick: ['confirmed', 'partially_shipped'],
  ship: ['confirmed', 'picking', 'partially_shipped'],
  reserve: ['confirmed', 'picking', 'partially_shipped'],
  // Once goods have left, the rest is closed by shipping it or cancelling the remainder is a later feature.
  cancel: ['quotation', 'confirmed', 'picking'],
};

export function canStepOrder(status: SalesOrderStatus, step: SalesOrderStep): boolean {
  return STEPS[step].includes(status);
}

/** Net, tax and gross of a line: qty × price less its discount, tax on top (B2B prices are before tax). */
export function salesLineAmounts(qtyMilli: number, priceMinor: number, discountMinor: number, taxRateBp: number) {
  const amount = lineAmount(qtyMilli, priceMinor);
  if (discountMinor > amount) throw new RangeError('discount exceeds the line amount');
  const { net, tax, gross } = lineTax(amount - discountMinor, taxRateBp, false);
  return { net, tax, gross };
}

/** After a shipment: shipped when nothing is left to ship, else partially shipped. */
export function statusAfterShipment(lines: readonly { qtyMilli: number; shippedMilli: number }[]): SalesOrderStatus {
  return lines.every((l) => l.shippedMilli >= l.qtyMilli) ? 'shipped' : 'partially_shipped';
}

/**
 * Reserves for each line, in order, as much of what it still needs as is available of
 * its product; what is left is back-ordered. `available` is on hand less what other
 * orders hold, per product; it is used up as lines take from it.
 */
export function reserve(
  lines: readonly { key: string; productId: string; needMilli: number }[],
  available: ReadonlyMap<string, number>,
): Map<string, { reservedMilli: number; backorderMilli: number }> {
  const left = new Map(available);
  const out = new Map<string, { reservedMilli: number; backorderMilli: number }>();
  for (const l of lines) {
    const can = Math.max(0, Math.min(l.needMilli, left.get(l.productId) ?? 0));
    left.set(l.productId, (left.get(l.productId) ?? 0) - can);
    out.set(l.key, { reservedMilli: can, backorderMilli: l.needMilli - can });
  }
  return out;
}

/**
 * After shipping, an order is billed and paid: `not_invoiced`, `partly_invoiced`,
 * `invoiced` once every unit it will ship is on an invoice (all it ordered, or what it
 * shipped once shipped in full or cancelled), and `paid` once those invoices have
 * nothing left open.
 */
export const ORDER_BILLING = ['not_invoiced', 'partly_invoiced', 'invoiced', 'paid'] as const;
export type OrderBilling = (typeof ORDER_BILLING)[number];

export function billingOf(o: { status: SalesOrderStatus; qtyMilli: number; shippedMilli: number; invoicedMilli: number; openOnInvoices: number }): OrderBilling {
  if (o.invoicedMilli <= 0) return 'not_invoiced';
  const due = o.status === 'shipped' || o.status === 'cancelled' ? o.shippedMilli : o.qtyMilli;
  if (o.invoicedMilli < due) return 'partly_invoiced';
  return o.openOnInvoices > 0 ? 'invoiced' : 'paid';
}
