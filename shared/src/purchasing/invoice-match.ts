import { lineCostMinor } from '../inventory/costing.ts';
import { mulDivRound, sumMoney } from '../money/money.ts';
import { lineTax } from '../tax/tax.ts';
import { type FxContext, SAME_CURRENCY, toBaseMinor } from './amounts.ts';

/**
 * Matching a supplier's invoice to what was ordered and received (three-way match,
 * 三单匹配). The invoice bills receipt lines in stock units at a price per purchase unit;
 * it may bill less than was received (the rest comes on a later invoice) but never more
 * than was accepted less returned and billed before. A price or tax rate other than the
 * order's is a difference: within the tolerance it is simply booked as a price variance;
 * beyond it the invoice waits for an approver.
 */

/** Price differences up to 0.5 % of the line's expected net (or one minor unit) pass without approval. */
export const PRICE_TOLERANCE_BP = 50;

export interface InvoiceLineInput {
  /** Stock units billed, thousandths. */
  qtyMilli: number;
  /** Stock units per purchase unit on the order line, thousandths. */
  packSizeMilli: number;
  /** Invoice price per purchase unit, minor units, before tax. */
  priceMinor: number;
  taxRateBp: number;
}

export interface OrderTerms {
  /** Order price per purchase unit, minor units, before tax. */
  priceMinor: number;
  taxRateBp: number;
}

export interface InvoiceLineAmounts {
  net: number;
  tax: number;
  gross: number;
  baseNet: number;
  baseTax: number;
  /** The same quantity at the order's price, in base minor units. */
  expectedBaseNet: number;
  differences: ('price' | 'tax_rate')[];
  /** A difference beyond the tolerance: posting needs an approver. */
  needsApproval: boolean;
}

/** Net of a quantity of stock units at a price per purchase unit: qty ÷ pack × price, half-up. */
export function netForStockQty(qtyMilli: number, packSizeMilli: number, priceMinor: number): number {
  return mulDivRound(qtyMilli, priceMinor, packSizeMilli);
}

export function invoiceLineAmounts(line: InvoiceLineInput, order: OrderTerms, fx: FxContext = SAME_CURRENCY): InvoiceLineAmounts {
  const net = netForStockQty(line.qtyMilli, line.packSizeMilli, line.priceMinor);
  const { tax, gross } = lineTax(net, line.taxRateBp, false);
  const baseNet = toBaseMinor(net, fx);
  const expectedBaseNet = toBaseMinor(netForStockQty(line.qtyMilli, line.packSizeMilli, order.priceMinor), fx);
  const differences: InvoiceLineAmounts['differences'] = [];
  if (line.priceMinor !== order.priceMinor) differences.push('price');
  if (line.taxRateBp !== order.taxRateBp) differences.push('tax_rate');
  const allowed = Math.max(1, mulDivRound(Math.abs(expectedBaseNet), PRICE_TOLERANCE_BP, 10_000));
  const needsApproval = differences.includes('tax_rate') || Math.abs(baseNet - expectedBaseNet) > allowed;
  return { net, tax, gross, baseNet, baseTax: toBaseMinor(tax, fx), expectedBaseNet, differences, needsApproval };
}

/**
 * Goods received not invoiced cleared by billing `qtyMilli` more of a receipt line that
 * came in at `unitCost4`: cumulative rounding, so billing a line in several invoices
 * clears, in total, exactly what its receipt booked.
 */
export function grniCleared(previouslyInvoicedMilli: number, qtyMilli: number, unitCost4: number): number {
  return lineCostMinor(previouslyInvoicedMilli + qtyMilli, unitCost4) - lineCostMinor(previouslyInvoicedMilli, unitCost4);
}

/** The due date: the invoice date plus the supplier's payment terms, in days. */
export function dueDate(invoiceDate: string, termsDays: number): string {
  const d = new Date(`${invoiceDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + termsDays);
  return d.toISOString().slice(0, 10);
}

export const AGING_BUCKETS = ['current', 'd1_30', 'd31_60', 'd61_90', 'd90_plus'] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];

/** Which aging column an open amount falls in on `asOf`, by days past its due date. */
export function agingBucket(due: string, asOf: string): AgingBucket {
  const days = Math.round((Date.parse(`${asOf}T00:00:00Z`) - Date.parse(`${due}T00:00:00Z`)) / 86_400_000);
  if (days <= 0) return 'current';
  if (days <= 30) return 'd1_30';
  if (days <= 60) return 'd31_60';
  if (days <= 90) return 'd61_90';
  return 'd90_plus';
}

/** Totals of an invoice's lines. */
export function invoiceTotals(lines: readonly Pick<InvoiceLineAmounts, 'net' | 'tax' | 'gross' | 'baseNet' | 'baseTax'>[]) {
  const sum = (k: 'net' | 'tax' | 'gross' | 'baseNet' | 'baseTax') => sumMoney(lines.map((l) => l[k]));
  const baseNet = sum('baseNet');
  const baseTax = sum('baseTax');
  return { net: sum('net'), tax: sum('tax'), gross: sum('gross'), baseNet, baseTax, baseGross: sumMoney([baseNet, baseTax]) };
}
