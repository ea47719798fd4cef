import { assertMoney, sumMoney } from '../money/money.ts';
import type { TaxRateRow, TaxSplit } from '../tax/tax.ts';
import { type ReturnV1, type SaleV1, TENDERS, type Tender, shiftCloseV1 } from '../sync/events.ts';

/**
 * End of shift: the Z report and the count.
 *
 * Cash follows payment.ts: a cash payment's `amount` is already net of change, so the
 * drawer gained exactly that much; `tendered` and `change` are reported for the
 * cashier's information but never enter the expected cash a second time.
 *   cashExpected = openingFloat + Σ cash payment amounts − Σ cash refunds + Σ movements
 */

export interface ShiftEvents {
  sales: readonly SaleV1[];
  returns: readonly ReturnV1[];
  /** Signed: pay-ins positive, drops and pay-outs negative (cashMovementV1). */
  cashMovements: readonly { amount: number; reason: string }[];
  openingFloat: number;
  /** Lines or carts voided before payment; they never became events, so the till counts them. */
  voids?: number;
}

export type TenderTotal = { tender: Tender; sales: number; refunds: number; net: number };
export type TenderAmount = { tender: Tender; amount: number };

export type ZReport = {
  salesCount: number;
  returnsCount: number;
  sales: TaxSplit;
  returns: TaxSplit;
  /** Sales less returns. */
  net: number;
  tax: number;
  gross: number;
  /** Sales less returns per rate, highest rate first. */
  taxByRate: TaxRateRow[];
  /** Discounts given on sales (line and cart). */
  discounts: number;
  /** Per tender used in the shift (cash always), in TENDERS order. */
  tenders: TenderTotal[];
  cash: {
    openingFloat: number;
    /** Σ cash payment amounts: cash kept from sales, change already given back. */
    sales: number;
    /** Cash handed over by customers and change given back; sales = tendered − change. */
    tendered: number;
    change: number;
    refunds: number;
    movementsIn: number;
    movementsOut: number;
  };
  cashExpected: number;
  /** What the till expects per tender, in the shape shiftCloseV1.expected takes. */
  expected: TenderAmount[];
  /** Sale lines sold at other than the list price. */
  overrides: number;
  /** Sales and returns a manager approved. */
  approvals: number;
  voids: number;
};

const sumOf = <T>(items: readonly T[], pick: (item: T) => number) => sumMoney(items.map(pick));

function splitOf(items: readonly TaxSplit[]): TaxSplit {
  return { net: sumOf(items, (i) => i.net), tax: sumOf(items, (i) => i.tax), gross: sumOf(items, (i) => i.gross) };
}

function taxByRate(sales: readonly SaleV1[], returns: readonly ReturnV1[]): TaxRateRow[] {
  const rows = new Map<number, TaxRateRow>();
  const add = (rateBp: number, s: TaxSplit, sign: 1 | -1) => {
    const row = rows.get(rateBp) ?? { rateBp, net: 0, tax: 0, gross: 0 };
    rows.set(rateBp, { rateBp, net: row.net + sign * s.net, tax: row.tax + sign * s.tax, gross: row.gross + sign * s.gross });
  };
  for (const sale of sales) for (const l of sale.lines) add(l.taxRateBp, l, 1);
  for (const ret of returns) for (const l of ret.lines) add(l.taxRateBp, l, -1);
  return [...rows.values()].sort((a, b) => b.rateBp - a.rateBp);
}

export function zReport(events: ShiftEvents): ZReport {
  const { sales, returns, cashMovements } = events;
  const openingFloat = assertMoney(events.openingFloat, 'opening float');
  const payments = sales.flatMap((s) => s.payments);
  const refunds = returns.flatMap((r) => r.refunds);
  const tenders = TENDERS.filter((t) => t === 'cash' || [...payments, ...refunds].some((p) => p.tender === t)).map(
    (tender): TenderTotal => {
      const paid = sumOf(payments.filter((p) => p.tender === tender), (p) => p.amount);
      const back = sumOf(refunds.filter((r) => r.tender === tender), (r) => r.amount);
      return { tender, sales: paid, refunds: back, net: paid - back };
    },
  );
  const cashPayments = payments.filter((p) => p.tender === 'cash');
  const movementsIn = sumOf(cashMovements.filter((m) => m.amount > 0), (m) => m.amount);
  const movementsOut = -sumOf(cashMovements.filter((m) => m.amount < 0), (m) => m.amount);
  const cash = {
    openingFloat,
    sales: sumOf(cashPayments, (p) => p.amount),
    tendered: sumOf(cashPayments, (p) => p.tendered ?? p.amount),
    change: sumOf(sales, (s) => s.change),
    refunds: sumOf(refunds.filter((r) => r.tender === 'cash'), (r) => r.amount),
    movementsIn,
    movementsOut,
  };
  const cashExpected = sumMoney([openingFloat, cash.sales, -cash.refunds, movementsIn, -movementsOut]);
  const salesSplit = splitOf(sales.map((s) => s.totals));
  const returnsSplit = splitOf(returns.map((r) => r.totals));
  return {
    salesCount: sales.length,
    returnsCount: returns.length,
    sales: salesSplit,
    returns: returnsSplit,
    net: salesSplit.net - returnsSplit.net,
    tax: salesSplit.tax - returnsSplit.tax,
    gross: salesSplit.gross - returnsSplit.gross,
    taxByRate: taxByRate(sales, returns),
    discounts: sumOf(sales, (s) => s.totals.discount),
    tenders,
    cash,
    cashExpected,
    expected: tenders.map((t) => ({ tender: t.tender, amount: t.tender === 'cash' ? cashExpected : t.net })),
    overrides: sales.reduce((n, s) => n + s.lines.filter((l) => l.unitPrice !== l.listPrice).length, 0),
    approvals: [...sales, ...returns].filter((e) => e.approvedBy !== null).length,
    voids: events.voids ?? 0,
  };
}

export type OverShortRow = { tender: Tender; expected: number; counted: number; difference: number };

/**
 * Counted against expected per tender; difference = counted − expected, so positive is
 * over and negative is short. A tender on one side only counts as 0 on the other: an
 * uncounted tender shows its whole expected amount as short rather than disappearing.
 */
export function overShort(
  expected: readonly TenderAmount[],
  counted: readonly TenderAmount[],
): { rows: OverShortRow[]; total: Omit<OverShortRow, 'tender'> } {
  const total = (list: readonly TenderAmount[], tender: Tender) => sumOf(list.filter((e) => e.tender === tender), (e) => e.amount);
  const rows = TENDERS.filter((t) => [...expected, ...counted].some((e) => e.tender === t)).map((tender) => {
    const e = total(expected, tender);
    const c = total(counted, tender);
    return { tender, expected: e, counted: c, difference: c - e };
  });
  const e = sumOf(rows, (r) => r.expected);
  const c = sumOf(rows, (r) => r.counted);
  return { rows, total: { expected: e, counted: c, difference: c - e } };
}

/** The shift close event: the till's expectation, the count and the Z report itself. */
export function buildShiftCloseEvent(args: {
  shiftId: string;
  storeId: string;
  cashierId: string;
  report: ZReport;
  counted: readonly TenderAmount[];
}) {
  return shiftCloseV1.parse({
    v: 1,
    shiftId: args.shiftId,
    storeId: args.storeId,
    cashierId: args.cashierId,
    counted: args.counted,
    expected: args.report.expected,
    zReport: args.report,
  });
}
