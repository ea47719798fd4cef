import { assertSafeInteger, parseScaledDecimal, roundHalfUp, sumMoney, toDecimalString, toSafeNumber } from '../money/money.ts';
import { UNIT_COST_SCALE } from '../inventory/costing.ts';
import { lineAmount, QUANTITY_SCALE } from '../quantity/quantity.ts';
import { lineTax } from '../tax/tax.ts';

/**
 * Purchase amounts. An order is priced in its supplier's currency, in integer minor units
 * of that currency, tax-exclusive (suppliers quote net prices; input VAT is added per
 * line, rounded half-up). A foreign-currency order keeps its exchange rate: a decimal
 * string with up to 6 decimals giving the base currency per one unit of the order
 * currency ('7.123456' CNY per USD). Base amounts are converted line by line, each
 * rounded half-up to the base currency's minor unit, and the totals are the sums of the
 * lines, so the order, its print-out and the books agree to the cent.
 */

export const EXCHANGE_RATE_DECIMALS = 6;
export const EXCHANGE_RATE_SCALE = 1_000_000;
const RATE_TEXT = /^\d{1,9}(\.\d{1,6})?$/;

/** parseExchangeRate('7.1') → 7_100_000. Refuses zero, negatives and more than 6 decimals. */
export function parseExchangeRate(text: string): number {
  if (!RATE_TEXT.test(text)) throw new RangeError(`exchange rate "${text}" must be a positive decimal with at most 6 decimals`);
  const micro = parseScaledDecimal(text, EXCHANGE_RATE_DECIMALS, 'exchange rate');
  if (micro <= 0) throw new RangeError('exchange rate must be greater than zero');
  return micro;
}

/** formatExchangeRate(7_100_000) → '7.1'; formatExchangeRate(1_000_000) → '1'. */
export function formatExchangeRate(micro: number): string {
  assertSafeInteger(micro, 'exchange rate');
  return toDecimalString(micro, EXCHANGE_RATE_DECIMALS).replace(/\.?0+$/, '');
}

export interface FxContext {
  /** Base currency per order-currency unit, scaled by 10^6. */
  rateMicro: number;
  /** Minor-unit digits of the order and base currencies (CNY 2, JPY 0). */
  orderDecimals: number;
  baseDecimals: number;
}

export const SAME_CURRENCY: Readonly<FxContext> = Object.freeze({ rateMicro: EXCHANGE_RATE_SCALE, orderDecimals: 2, baseDecimals: 2 });

const pow10 = (n: number) => 10n ** BigInt(n);

/** An order-currency amount in base-currency minor units, half-up: toBaseMinor(10000, {7.1 USD→CNY}) → 71000. */
export function toBaseMinor(amount: number, fx: FxContext): number {
  assertSafeInteger(amount, 'amount');
  const num = BigInt(amount) * BigInt(fx.rateMicro) * pow10(fx.baseDecimals);
  const den = BigInt(EXCHANGE_RATE_SCALE) * pow10(fx.orderDecimals);
  return toSafeNumber(roundHalfUp(num, den), 'base amount');
}

/**
 * Stock units of a quantity of purchase units: 10 cases of 24 → 240. Both are
 * thousandths; the product must itself be exact to 3 decimals (0.5 × 0.125 is not).
 */
export function stockQuantity(qtyMilli: number, packSizeMilli: number): number {
  assertSafeInteger(qtyMilli, 'quantity');
  assertSafeInteger(packSizeMilli, 'pack size');
  if (packSizeMilli <= 0) throw new RangeError('pack size must be greater than zero');
  const product = BigInt(qtyMilli) * BigInt(packSizeMilli);
  if (product % BigInt(QUANTITY_SCALE) !== 0n) throw new RangeError('quantity × pack size has more than 3 decimals');
  return toSafeNumber(product / BigInt(QUANTITY_SCALE), 'stock quantity');
}

/**
 * Cost of one stock unit in base currency, in ten-thousandths of a minor unit (the
 * ledger's unit cost): the purchase-unit price converted and divided by the pack size.
 * A case of 24 at 43.20 → 1.80 a piece → 18_000 (i.e. '180.0000' minor units).
 */
export function unitCostPerStockUnit(priceMinor: number, packSizeMilli: number, fx: FxContext): number {
  assertSafeInteger(priceMinor, 'price');
  assertSafeInteger(packSizeMilli, 'pack size');
  if (packSizeMilli <= 0) throw new RangeError('pack size must be greater than zero');
  const num = BigInt(priceMinor) * BigInt(fx.rateMicro) * pow10(fx.baseDecimals) * BigInt(UNIT_COST_SCALE) * BigInt(QUANTITY_SCALE);
  const den = BigInt(EXCHANGE_RATE_SCALE) * pow10(fx.orderDecimals) * BigInt(packSizeMilli);
  return toSafeNumber(roundHalfUp(num, den), 'unit cost');
}

export interface OrderLineInput {
  /** Purchase units, thousandths. */
  qtyMilli: number;
  /** Stock units per purchase unit, thousandths. */
  packSizeMilli: number;
  /** Per purchase unit, order-currency minor units, before tax. */
  priceMinor: number;
  taxRateBp: number;
}

export interface OrderLineAmounts {
  stockQtyMilli: number;
  net: number;
  tax: number;
  gross: number;
  baseNet: number;
  baseTax: number;
  baseGross: number;
  /** Base currency per stock unit, ten-thousandths of a minor unit. */
  unitCost4: number;
}

/** Everything an order line's figures follow from; throws RangeError on impossible input. */
export function orderLineAmounts(line: OrderLineInput, fx: FxContext = SAME_CURRENCY): OrderLineAmounts {
  const stockQtyMilli = stockQuantity(line.qtyMilli, line.packSizeMilli);
  const net = lineAmount(line.qtyMilli, line.priceMinor);
  const { tax, gross } = lineTax(net, line.taxRateBp, false);
  const baseNet = toBaseMinor(net, fx);
  const baseTax = toBaseMinor(tax, fx);
  return {
    stockQtyMilli, net, tax, gross, baseNet, baseTax, baseGross: sumMoney([baseNet, baseTax]),
    unitCost4: unitCostPerStockUnit(line.priceMinor, line.packSizeMilli, fx),
  };
}

export interface OrderTotals {
  net: number;
  tax: number;
  gross: number;
  baseNet: number;
  baseTax: number;
  baseGross: number;
}

/** Sums of the lines' rounded figures, never a re-computation on the total. */
export function orderTotals(lines: readonly Omit<OrderLineAmounts, 'stockQtyMilli' | 'unitCost4'>[]): OrderTotals {
  const sum = (k: keyof OrderTotals) => sumMoney(lines.map((l) => l[k]));
  return { net: sum('net'), tax: sum('tax'), gross: sum('gross'), baseNet: sum('baseNet'), baseTax: sum('baseTax'), baseGross: sum('baseGross') };
}
