import { newId } from '../ids/uuidv7.ts';
import { formatQuantity } from '../quantity/quantity.ts';
import { type SaleV1, saleV1 } from '../sync/events.ts';
import type { PricedCart } from './cart.ts';
import { SalesError } from './errors.ts';
import { type PaymentInput, applyPayments } from './payment.ts';

export interface SaleEventArgs {
  priced: PricedCart;
  /** As keyed at the till; cash may exceed what is due (see payment.ts). */
  payments: readonly PaymentInput[];
  receiptNo: string;
  storeId: string;
  warehouseId: string;
  cashierId: string;
  shiftId: string | null;
  customerId?: string | null;
  /** The manager who approved a discount or override above the cashier's limit. */
  approvedBy?: string | null;
  /** Defaults to a fresh UUIDv7; pass one only to rebuild a sale already numbered. */
  saleId?: string;
}

/**
 * The sale event for the outbox. It is built only once the payments cover the total
 * exactly (cash change aside), because a sale in the outbox is a sale that happened:
 * the server accepts it even with stock gone, and never refuses it after payment.
 * The result has passed `saleV1.parse`, so what the till stores is what the server
 * will validate.
 */
export function buildSaleEvent(args: SaleEventArgs): SaleV1 {
  const { priced } = args;
  if (priced.lines.length === 0) throw new SalesError('empty_sale', 'a sale needs at least one line', 'lines');
  const paid = applyPayments(priced.totals.gross, args.payments);
  if (!paid.ok) throw new SalesError(paid.error, paid.message, `payments.${paid.index}`);
  if (!paid.complete) {
    throw new SalesError('payment_incomplete', `${paid.remaining} is still due`, 'payments');
  }
  return saleV1.parse({
    v: 1,
    saleId: args.saleId ?? newId(),
    receiptNo: args.receiptNo,
    storeId: args.storeId,
    warehouseId: args.warehouseId,
    cashierId: args.cashierId,
    shiftId: args.shiftId,
    customerId: args.customerId ?? null,
    pricesIncludeTax: priced.pricesIncludeTax,
    lines: priced.lines.map((l) => ({
      lineId: l.lineId,
      productId: l.productId,
      batchId: l.batchId ?? null,
      qty: formatQuantity(l.qtyMilli),
      serials: l.serials ?? [],
      unitPrice: l.unitPrice,
      listPrice: l.listPrice,
      overrideReason: l.overrideReason,
      discount: l.discount,
      taxRateBp: l.taxRateBp,
      net: l.net,
      tax: l.tax,
      gross: l.gross,
    })),
    cartDiscount: priced.totals.cartDiscount,
    totals: {
      net: priced.totals.net,
      tax: priced.totals.tax,
      gross: priced.totals.gross,
      discount: priced.totals.discount,
    },
    payments: paid.payments,
    change: paid.change,
    approvedBy: args.approvedBy ?? null,
  });
}

/**
 * Receipt numbers: the device code, then the device's sequence padded to six digits,
 * receiptNumber('S01-T1', 123) → 'S01-T1-000123'. Each till numbers its own receipts,
 * so numbers are unique without the network; the padding keeps them sorting in order
 * up to a million receipts, after which they simply grow longer.
 */
export function receiptNumber(deviceCode: string, seq: number): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(deviceCode)) {
    throw new RangeError(`device code must be letters, digits, '-' or '_', got "${deviceCode}"`);
  }
  if (!Number.isSafeInteger(seq) || seq < 1) throw new RangeError(`receipt sequence must be a positive integer, got ${seq}`);
  const number = `${deviceCode}-${String(seq).padStart(6, '0')}`;
  // saleV1.receiptNo and returnV1.receiptNo hold at most 40 characters.
  if (number.length > 40) throw new RangeError(`receipt number ${number} is longer than 40 characters`);
  return number;
}
