import { assertMoney, assertSafeInteger, roundHalfUp, sumMoney, toSafeNumber } from '../money/money.ts';

/** Tax rates are basis points: 1300 = 13 %, 600 = 6 %, 0 = zero-rated or exempt. */
const BP = 10_000n;

export interface TaxSplit {
  net: number;
  tax: number;
  gross: number;
}

export interface TaxRateRow extends TaxSplit {
  rateBp: number;
}

export interface TaxBreakdown {
  /** One row per rate, highest rate first. */
  rows: TaxRateRow[];
  totals: TaxSplit;
}

export interface TaxableLine {
  /** Line amount after discounts, in minor units; gross or net per `pricesIncludeTax`. */
  amount: number;
  rateBp: number;
}

export function assertTaxRate(rateBp: number): number {
  assertSafeInteger(rateBp, 'tax rate (basis points)');
  if (rateBp < 0) throw new RangeError(`tax rate must not be negative, got ${rateBp}`);
  return rateBp;
}

/**
 * Tax of one line, rounded half-up to the minor unit (DESIGN: tax per line).
 *
 * Tax-inclusive: tax = round(gross × rate / (1 + rate)) and net is what is left, so
 * net + tax is the shelf price exactly. Tax-exclusive: tax = round(net × rate) and
 * gross = net + tax. Negative amounts (refunds) mirror positive ones exactly.
 */
export function lineTax(amount: number, rateBp: number, pricesIncludeTax: boolean): TaxSplit {
  assertMoney(amount, 'line amount');
  const rate = BigInt(assertTaxRate(rateBp));
  const value = BigInt(amount);
  if (pricesIncludeTax) {
    const tax = toSafeNumber(roundHalfUp(value * rate, BP + rate), 'tax');
    return { net: amount - tax, tax, gross: amount };
  }
  const tax = toSafeNumber(roundHalfUp(value * rate, BP), 'tax');
  return { net: amount, tax, gross: toSafeNumber(value + BigInt(tax), 'gross') };
}

/**
 * Per-rate breakdown for a receipt or invoice. Each row is the sum of its lines'
 * rounded figures, not a re-computation on the row total, so the breakdown always
 * agrees with the lines printed above it and with the journal entry.
 */
export function taxBreakdown(lines: readonly TaxableLine[], pricesIncludeTax: boolean): TaxBreakdown {
  const byRate = new Map<number, TaxSplit[]>();
  for (const line of lines) {
    const split = lineTax(line.amount, line.rateBp, pricesIncludeTax);
    const group = byRate.get(line.rateBp);
    if (group) group.push(split);
    else byRate.set(line.rateBp, [split]);
  }
  const rows = [...byRate.entries()]
    .sort(([a], [b]) => b - a)
    .map(([rateBp, splits]) => ({ rateBp, ...sumSplits(splits) }));
  return { rows, totals: sumSplits(rows) };
}

function sumSplits(splits: readonly TaxSplit[]): TaxSplit {
  return {
    net: sumMoney(splits.map((s) => s.net)),
    tax: sumMoney(splits.map((s) => s.tax)),
    gross: sumMoney(splits.map((s) => s.gross)),
  };
}
