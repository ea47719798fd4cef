import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newId } from '../ids/uuidv7.ts';
import type { ReturnV1, SaleV1 } from '../sync/events.ts';
import { priceCart } from './cart.ts';
import { addItem, emptyCart, overridePrice } from './cart-edit.ts';
import { buildReturnEvent } from './returns.ts';
import { buildSaleEvent } from './sale-event.ts';
import { buildShiftCloseEvent, overShort, zReport } from './shift.ts';
import { saleArb, storeIds } from './test-support.ts';

const tea = { id: newId(), name: 'Tea', price: 350, taxRateBp: 1300, weighed: false };
const rice = { id: newId(), name: 'Rice', price: 500, taxRateBp: 900, weighed: false };

function shift() {
  // Sale 1: 2 tea = 7.00, paid with a 10.00 note → 3.00 change.
  const s1 = buildSaleEvent({
    ...storeIds,
    priced: priceCart(addItem(emptyCart(true), tea, 2000)),
    payments: [{ tender: 'cash', amount: 1000 }],
    receiptNo: 'T-000001',
  });
  // Sale 2: rice overridden to 4.00 (manager), 2.00 card + 2.00 cash exact.
  let cart = addItem(emptyCart(true), rice, 1000, newId());
  cart = overridePrice(cart, cart.lines[0]!.lineId, 400, 'damaged bag');
  const s2 = buildSaleEvent({
    ...storeIds,
    priced: priceCart(cart),
    payments: [
      { tender: 'card', amount: 200 },
      { tender: 'cash', amount: 200 },
    ],
    receiptNo: 'T-000002',
    approvedBy: newId(),
  });
  // One tea back from sale 1: 3.50 cash.
  const r1 = buildReturnEvent({
    ...storeIds,
    receiptNo: 'T-000003',
    originalSale: s1,
    picks: [{ originalLineId: s1.lines[0]!.lineId, qtyMilli: 1000 }],
  });
  return { sales: [s1, s2], returns: [r1] };
}

describe('zReport', () => {
  it('adds up a worked shift', () => {
    const { sales, returns } = shift();
    const report = zReport({
      sales,
      returns,
      openingFloat: 20_000,
      cashMovements: [
        { amount: -5_000, reason: 'safe drop' },
        { amount: 1_000, reason: 'float top-up' },
      ],
      voids: 2,
    });
    expect(report).toMatchObject({
      salesCount: 2,
      returnsCount: 1,
      sales: { gross: 1100 },
      returns: { net: 309, tax: 41, gross: 350 },
      gross: 750,
      discounts: 0,
      overrides: 1,
      approvals: 1,
      voids: 2,
    });
    expect(report.net + report.tax).toBe(report.gross);
    // Tea 7.00 at 13 %: 0.8053 → 0.81; one back: 0.405 → 0.41, leaving 0.40. Rice 4.00 at 9 %: 0.3302 → 0.33.
    expect(report.taxByRate).toEqual([
      { rateBp: 1300, net: 310, tax: 40, gross: 350 },
      { rateBp: 900, net: 367, tax: 33, gross: 400 },
    ]);
    expect(report.tenders).toEqual([
      { tender: 'cash', sales: 900, refunds: 350, net: 550 },
      { tender: 'card', sales: 200, refunds: 0, net: 200 },
    ]);
    expect(report.cash).toEqual({
      openingFloat: 20_000,
      sales: 900,
      tendered: 1200,
      change: 300,
      refunds: 350,
      movementsIn: 1_000,
      movementsOut: 5_000,
    });
    // 200.00 + 9.00 − 3.50 + 10.00 − 50.00 = 165.50
    expect(report.cashExpected).toBe(16_550);
    expect(report.expected).toEqual([
      { tender: 'cash', amount: 16_550 },
      { tender: 'card', amount: 200 },
    ]);
  });

  it('expects the float in an empty shift', () => {
    const report = zReport({ sales: [], returns: [], cashMovements: [], openingFloat: 10_000 });
    expect(report.cashExpected).toBe(10_000);
    expect(report.tenders).toEqual([{ tender: 'cash', sales: 0, refunds: 0, net: 0 }]);
  });
});

describe('overShort', () => {
  it('compares counted with expected per tender', () => {
    const result = overShort(
      [
        { tender: 'cash', amount: 16_550 },
        { tender: 'card', amount: 200 },
      ],
      [
        { tender: 'cash', amount: 16_500 },
        { tender: 'voucher', amount: 100 },
      ],
    );
    expect(result.rows).toEqual([
      { tender: 'cash', expected: 16_550, counted: 16_500, difference: -50 },
      { tender: 'card', expected: 200, counted: 0, difference: -200 },
      { tender: 'voucher', expected: 0, counted: 100, difference: 100 },
    ]);
    expect(result.total).toEqual({ expected: 16_750, counted: 16_600, difference: -150 });
  });
});

describe('buildShiftCloseEvent', () => {
  it('produces a valid shiftCloseV1 carrying the report', () => {
    const report = zReport({ ...shift(), cashMovements: [], openingFloat: 0 });
    const event = buildShiftCloseEvent({ ...storeIds, report, counted: [{ tender: 'cash', amount: 550 }] });
    expect(event.expected).toEqual(report.expected);
    expect(event.zReport).toMatchObject({ cashExpected: 550, salesCount: 2 });
  });
});

describe('zReport properties', () => {
  const movementArb = fc
    .integer({ min: -50_000, max: 50_000 })
    .filter((a) => a !== 0)
    .map((amount) => ({ amount, reason: amount > 0 ? 'pay-in' : 'drop' }));

  it('expects float + Σ cash in − Σ cash out', () => {
    fc.assert(
      fc.property(
        fc.array(saleArb, { maxLength: 6 }),
        fc.array(fc.boolean(), { maxLength: 6 }),
        fc.array(movementArb, { maxLength: 5 }),
        fc.nat({ max: 100_000 }),
        (sales: SaleV1[], returnIt, cashMovements, openingFloat) => {
          const returns: ReturnV1[] = sales
            .filter((_, i) => returnIt[i])
            .map((s) => buildReturnEvent({
              ...storeIds,
              receiptNo: 'R-1',
              originalSale: s,
              picks: [{ originalLineId: s.lines[0]!.lineId, qtyMilli: 1 }],
            }));
          const report = zReport({ sales, returns, cashMovements, openingFloat });
          const cashPayments = sales.flatMap((s) => s.payments).filter((p) => p.tender === 'cash');
          const cashIn =
            cashPayments.reduce((t, p) => t + (p.tendered ?? p.amount), 0) +
            cashMovements.filter((m) => m.amount > 0).reduce((t, m) => t + m.amount, 0);
          const cashOut =
            sales.reduce((t, s) => t + s.change, 0) +
            returns.flatMap((r) => r.refunds).filter((r) => r.tender === 'cash').reduce((t, r) => t + r.amount, 0) -
            cashMovements.filter((m) => m.amount < 0).reduce((t, m) => t + m.amount, 0);
          expect(report.cashExpected).toBe(openingFloat + cashIn - cashOut);
          expect(report.cash.sales).toBe(report.cash.tendered - report.cash.change);
          expect(report.tenders.reduce((t, x) => t + x.net, 0)).toBe(report.gross);
          expect(report.taxByRate.reduce((t, r) => t + r.gross, 0)).toBe(report.gross);
          expect(report.net + report.tax).toBe(report.gross);
        },
      ),
      { numRuns: 100 },
    );
  });
});
