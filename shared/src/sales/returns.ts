import { newId } from '../ids/uuidv7.ts';
import { mulDivRound, sumMoney } from '../money/money.ts';
import { assertQuantity, formatQuantity, lineAmount, parseQuantity } from '../quantity/quantity.ts';
import { type TaxSplit, lineTax } from '../tax/tax.ts';
import { type ReturnV1, type SaleV1, returnV1 } from '../sync/events.ts';
import { SalesError } from './errors.ts';
import { normaliseSerial } from '../inventory/serials.ts';
import type { PaymentInput } from './payment.ts';
import { defaultRefundTenders } from './refunds.ts';

/** One line of a sale with what has come back of it so far. */
export interface RefundableLine {
  originalLineId: string;
  productId: string;
  taxRateBp: number;
  soldQtyMilli: number;
  returnedQtyMilli: number;
  /** soldQtyMilli − returnedQtyMilli, never below zero. */
  refundableQtyMilli: number;
  sold: TaxSplit;
  refunded: TaxSplit;
  /** A serial-tracked line's units still out with the customer. */
  serialsOut: string[];
}

const ZERO: TaxSplit = { net: 0, tax: 0, gross: 0 };
const clamp = (value: number, low: number, high: number) => Math.max(low, Math.min(high, value));

/** Per line of `originalSale`, how much is still returnable given the returns before. */
export function refundableLines(originalSale: SaleV1, previousReturns: readonly ReturnV1[] = []): RefundableLine[] {
  const lines = originalSale.lines.map(
    (l): RefundableLine => ({
      originalLineId: l.lineId,
      productId: l.productId,
      taxRateBp: l.taxRateBp,
      soldQtyMilli: parseQuantity(l.qty),
      returnedQtyMilli: 0,
      refundableQtyMilli: 0,
      sold: { net: l.net, tax: l.tax, gross: l.gross },
      refunded: ZERO,
      serialsOut: [...(l.serials ?? [])],
    }),
  );
  const byId = new Map(lines.map((l) => [l.originalLineId, l]));
  for (const r of previousReturns) {
    if (r.originalSaleId !== originalSale.saleId) continue;
    for (const rl of r.lines) {
      // A line id the sale does not have cannot reduce what is returnable of it.
      const line = rl.originalLineId === null ? undefined : byId.get(rl.originalLineId);
      if (line) record(line, parseQuantity(rl.qty), rl, rl.serials);
    }
  }
  for (const l of lines) l.refundableQtyMilli = Math.max(0, l.soldQtyMilli - l.returnedQtyMilli);
  return lines;
}

function record(line: RefundableLine, qtyMilli: number, refund: TaxSplit, serials: readonly string[] = []): void {
  line.returnedQtyMilli += qtyMilli;
  line.serialsOut = line.serialsOut.filter((s) => !serials.includes(s));
  line.refunded = {
    net: line.refunded.net + refund.net,
    tax: line.refunded.tax + refund.tax,
    gross: line.refunded.gross + refund.gross,
  };
}

/**
 * The refund for returning `qtyMilli` more of a line.
 *
 * Cumulative rounding: after this return the line will have refunded
 * round(gross × returned / sold) in total, and this return is that target minus what
 * was already refunded. Whatever the sequence of partial returns, the refunds add up
 * to the target for the quantity returned so far, so returning everything refunds the
 * original gross to the cent and the last return takes the remainder.
 *
 * Tax follows the refunded gross, round(tax × refundedGross / gross), rather than the
 * quantity: its steps are then never larger than the gross steps, so net = gross − tax
 * never goes negative on a return even with odd rounding.
 */
export function refundForQuantity(line: RefundableLine, qtyMilli: number): TaxSplit {
  assertQuantity(qtyMilli);
  if (qtyMilli <= 0) throw new RangeError(`returned quantity must be positive, got ${qtyMilli}`);
  const returned = line.returnedQtyMilli + qtyMilli;
  if (returned > line.soldQtyMilli) {
    throw new SalesError(
      'return_exceeds_sold',
      `line ${line.originalLineId}: returning ${formatQuantity(returned)} of ${formatQuantity(line.soldQtyMilli)} sold`,
      'picks',
    );
  }
  const { sold, refunded } = line;
  const grossTarget = mulDivRound(sold.gross, returned, line.soldQtyMilli);
  const gross = clamp(grossTarget - refunded.gross, 0, sold.gross - refunded.gross);
  const taxTarget = sold.gross === 0 ? 0 : mulDivRound(sold.tax, refunded.gross + gross, sold.gross);
  const tax = clamp(taxTarget - refunded.tax, 0, Math.min(gross, sold.tax - refunded.tax));
  return { net: gross - tax, tax, gross };
}

export interface ReturnPick {
  originalLineId: string;
  qtyMilli: number;
  /** For a serial-tracked line: the units coming back, one per unit of qtyMilli. */
  serials?: readonly string[];
}

/** A line returned without a receipt, priced at the till like a sale line. */
export interface FreeReturnLine {
  productId: string;
  qtyMilli: number;
  unitPrice: number;
  taxRateBp: number;
  serials?: readonly string[];
}

interface ReturnCommon {
  receiptNo: string;
  storeId: string;
  warehouseId: string;
  cashierId: string;
  shiftId: string | null;
  reason?: string;
  approvedBy?: string | null;
  /** How the money goes back; defaults to the original tenders (cash without a receipt). */
  refunds?: readonly PaymentInput[];
  returnId?: string;
}

export type ReturnEventArgs = ReturnCommon &
  (
    | { originalSale: SaleV1; previousReturns?: readonly ReturnV1[]; picks: readonly ReturnPick[] }
    | { originalSale: null; lines: readonly FreeReturnLine[]; pricesIncludeTax: boolean }
  );

type ReturnLine = ReturnV1['lines'][number];

function pickedLines(sale: SaleV1, previous: readonly ReturnV1[], picks: readonly ReturnPick[]): ReturnLine[] {
  const state = new Map(refundableLines(sale, previous).map((l) => [l.originalLineId, l]));
  return picks.map((pick) => {
    const line = state.get(pick.originalLineId);
    if (!line) throw new SalesError('unknown_line', `sale ${sale.saleId} has no line ${pick.originalLineId}`, 'picks');
    const serials = (pick.serials ?? []).map(normaliseSerial);
    if (line.serialsOut.length > 0 || serials.length > 0) {
      // The very units sold come back, each named: a shop cannot take back a unit it never sold.
      const stranger = serials.find((s) => !line.serialsOut.includes(s));
      if (stranger) throw new SalesError('unknown_serial', `serial number ${stranger} was not sold on this line or is already back`, 'picks');
      if (serials.length * 1000 !== pick.qtyMilli || new Set(serials).size !== serials.length) {
        throw new SalesError('serial_quantity', `name the serial number of each unit returned: ${pick.qtyMilli / 1000} units, ${serials.length} serials`, 'picks');
      }
    }
    const refund = refundForQuantity(line, pick.qtyMilli);
    // Picking the same line twice in one return counts against the same quantity.
    record(line, pick.qtyMilli, refund, serials);
    const { originalLineId, productId, taxRateBp } = line;
    return { lineId: newId(), originalLineId, productId, qty: formatQuantity(pick.qtyMilli), serials, taxRateBp, ...refund };
  });
}

function freeLines(lines: readonly FreeReturnLine[], pricesIncludeTax: boolean): ReturnLine[] {
  return lines.map((l) => {
    if (!Number.isSafeInteger(l.qtyMilli) || l.qtyMilli <= 0) throw new RangeError(`returned quantity must be positive, got ${l.qtyMilli}`);
    if (l.unitPrice < 0) throw new RangeError(`unit price must not be negative, got ${l.unitPrice}`);
    const split = lineTax(lineAmount(l.qtyMilli, l.unitPrice), l.taxRateBp, pricesIncludeTax);
    return { lineId: newId(), originalLineId: null, productId: l.productId, qty: formatQuantity(l.qtyMilli), serials: (l.serials ?? []).map(normaliseSerial), taxRateBp: l.taxRateBp, ...split };
  });
}

function explicitRefunds(refunds: readonly PaymentInput[], total: number): ReturnV1['refunds'] {
  for (const [i, r] of refunds.entries()) {
    if (!Number.isSafeInteger(r.amount) || r.amount < 0) {
      throw new SalesError('invalid_amount', `refund ${i}: amount must be a non-negative integer`, `refunds.${i}.amount`);
    }
  }
  const sum = sumMoney(refunds.map((r) => r.amount));
  if (sum !== total) throw new SalesError('refund_mismatch', `refunds add up to ${sum}, the return is ${total}`, 'refunds');
  // Money goes out, so there is nothing tendered and no change.
  return refunds.map((r) => ({ tender: r.tender, amount: r.amount, tendered: null, reference: r.reference ?? null }));
}

/**
 * The return event for the outbox. With the receipt, each line refunds its pro-rata
 * share of what the customer actually paid for it (discounts included) and the money
 * goes back by the original tenders; without it, lines are priced as at a sale, the
 * refund defaults to cash and a manager must approve.
 */
export function buildReturnEvent(args: ReturnEventArgs): ReturnV1 {
  const previous = args.originalSale ? (args.previousReturns ?? []) : [];
  if (!args.originalSale && !args.approvedBy) {
    throw new SalesError('approval_required', 'a return without a receipt needs a manager', 'approvedBy');
  }
  const lines = args.originalSale
    ? pickedLines(args.originalSale, previous, args.picks)
    : freeLines(args.lines, args.pricesIncludeTax);
  if (lines.length === 0) throw new SalesError('empty_sale', 'a return needs at least one line', 'lines');
  const totals = {
    net: sumMoney(lines.map((l) => l.net)),
    tax: sumMoney(lines.map((l) => l.tax)),
    gross: sumMoney(lines.map((l) => l.gross)),
  };
  const refunds = args.refunds
    ? explicitRefunds(args.refunds, totals.gross)
    : args.originalSale
      ? defaultRefundTenders(args.originalSale, totals.gross, previous)
      : [{ tender: 'cash' as const, amount: totals.gross, tendered: null, reference: null }];
  return returnV1.parse({
    v: 1,
    returnId: args.returnId ?? newId(),
    receiptNo: args.receiptNo,
    originalSaleId: args.originalSale?.saleId ?? null,
    storeId: args.storeId,
    warehouseId: args.warehouseId,
    cashierId: args.cashierId,
    shiftId: args.shiftId,
    reason: args.reason ?? '',
    approvedBy: args.approvedBy ?? null,
    lines,
    totals,
    refunds,
  });
}
