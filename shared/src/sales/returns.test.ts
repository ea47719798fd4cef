import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newId } from '../ids/uuidv7.ts';
import { type ReturnV1, type SaleV1, returnV1 } from '../sync/events.ts';
import { priceCart } from './cart.ts';
import { addItem, emptyCart } from './cart-edit.ts';
import { buildReturnEvent, refundableLines } from './returns.ts';
import { buildSaleEvent } from './sale-event.ts';
import { saleArb, storeIds } from './test-support.ts';

const common = { ...storeIds, receiptNo: 'S01-T1-000200' };

/** 3 × 1.00 at 13 % incl. plus 0.75 kg × 12.99; paid 10.00 by card, the rest cash. */
function exampleSale(): SaleV1 {
  let cart = addItem(emptyCart(true), { id: newId(), name: 'Soap', price: 100, taxRateBp: 1300, weighed: false }, 3000);
  cart = addItem(cart, { id: newId(), name: 'Apples', price: 1299, taxRateBp: 900, weighed: true }, 750);
  const priced = priceCart(cart);
  return buildSaleEvent({
    ...common,
    priced,
    payments: [
      { tender: 'card', amount: 1000 },
      { tender: 'cash', amount: 5000 },
    ],
    receiptNo: 'S01-T1-000100',
  });
}

function returnOf(sale: SaleV1, previous: ReturnV1[], picks: { originalLineId: string; qtyMilli: number }[]): ReturnV1 {
  return buildReturnEvent({ ...common, originalSale: sale, previousReturns: previous, picks });
}

describe('returns with the receipt', () => {
  it('refunds one piece at a time with the last return taking the remainder', () => {
    const sale = exampleSale();
    const soap = sale.lines[0]!;
    // 3.00 incl. 13 %: tax 0.3451 → 0.35, net 2.65.
    expect([soap.net, soap.tax, soap.gross]).toEqual([265, 35, 300]);
    const returns: ReturnV1[] = [];
    for (let i = 0; i < 3; i++) returns.push(returnOf(sale, returns, [{ originalLineId: soap.lineId, qtyMilli: 1000 }]));
    // Tax follows the refunded gross: round(35 × 100/300) = 12, then 23 − 12 = 11, then 35 − 23 = 12.
    expect(returns.map((r) => [r.lines[0]!.net, r.lines[0]!.tax, r.lines[0]!.gross])).toEqual([
      [88, 12, 100],
      [89, 11, 100],
      [88, 12, 100],
    ]);
    expect(refundableLines(sale, returns)[0]).toMatchObject({
      soldQtyMilli: 3000,
      returnedQtyMilli: 3000,
      refundableQtyMilli: 0,
      refunded: { net: 265, tax: 35, gross: 300 },
    });
    expect(() => returnOf(sale, returns, [{ originalLineId: soap.lineId, qtyMilli: 1 }])).toThrow(
      expect.objectContaining({ code: 'return_exceeds_sold' }),
    );
  });

  it('refunds by the original tenders in proportion, and keeps the event valid', () => {
    const sale = exampleSale();
    // Gross 3.00 + 9.74 (0.75 × 12.99 = 9.7425) = 12.74: card 10.00, cash 2.74 (5.00 handed, 2.26 change).
    expect(sale.totals.gross).toBe(1274);
    expect(sale.payments.map((p) => p.amount)).toEqual([1000, 274]);
    const ret = returnOf(sale, [], [{ originalLineId: sale.lines[1]!.lineId, qtyMilli: 750 }]);
    expect(returnV1.parse(ret)).toEqual(ret);
    expect(ret.originalSaleId).toBe(sale.saleId);
    expect(ret.totals.gross).toBe(974);
    // 9.74 × 1000/1274 = 7.645 → 7.65 to the card; 2.09 cash.
    expect(ret.refunds).toEqual([
      { tender: 'card', amount: 765, tendered: null, reference: null },
      { tender: 'cash', amount: 209, tendered: null, reference: null },
    ]);
  });

  it('counts a line picked twice in one return against the same quantity', () => {
    const sale = exampleSale();
    const id = sale.lines[0]!.lineId;
    const ret = returnOf(sale, [], [
      { originalLineId: id, qtyMilli: 2000 },
      { originalLineId: id, qtyMilli: 1000 },
    ]);
    expect(ret.totals).toEqual({ net: 265, tax: 35, gross: 300 });
    expect(() => returnOf(sale, [], [{ originalLineId: id, qtyMilli: 2000 }, { originalLineId: id, qtyMilli: 1001 }])).toThrow(
      expect.objectContaining({ code: 'return_exceeds_sold' }),
    );
    expect(() => returnOf(sale, [], [{ originalLineId: newId(), qtyMilli: 1000 }])).toThrow(
      expect.objectContaining({ code: 'unknown_line' }),
    );
  });

  it('takes explicit refunds only when they add up', () => {
    const sale = exampleSale();
    const picks = [{ originalLineId: sale.lines[0]!.lineId, qtyMilli: 1000 }];
    const ret = buildReturnEvent({ ...common, originalSale: sale, picks, refunds: [{ tender: 'cash', amount: 100, tendered: 500 }] });
    expect(ret.refunds).toEqual([{ tender: 'cash', amount: 100, tendered: null, reference: null }]);
    expect(() =>
      buildReturnEvent({ ...common, originalSale: sale, picks, refunds: [{ tender: 'cash', amount: 99 }] }),
    ).toThrow(expect.objectContaining({ code: 'refund_mismatch' }));
  });

  it('ignores returns of other sales', () => {
    const sale = exampleSale();
    const other = exampleSale();
    const otherReturn = returnOf(other, [], [{ originalLineId: other.lines[0]!.lineId, qtyMilli: 3000 }]);
    expect(refundableLines(sale, [otherReturn])[0]!.refundableQtyMilli).toBe(3000);
  });
});

describe('returns without a receipt', () => {
  it('prices the lines as at a sale, refunds cash and needs a manager', () => {
    const line = { productId: newId(), qtyMilli: 2000, unitPrice: 350, taxRateBp: 1300 };
    expect(() => buildReturnEvent({ ...common, originalSale: null, lines: [line], pricesIncludeTax: true })).toThrow(
      expect.objectContaining({ code: 'approval_required' }),
    );
    const ret = buildReturnEvent({
      ...common,
      originalSale: null,
      lines: [line],
      pricesIncludeTax: true,
      approvedBy: newId(),
      reason: 'gift, no receipt',
    });
    expect(ret.lines[0]).toMatchObject({ originalLineId: null, qty: '2', net: 619, tax: 81, gross: 700 });
    expect(ret.refunds).toEqual([{ tender: 'cash', amount: 700, tendered: null, reference: null }]);
    expect(ret.originalSaleId).toBeNull();
  });
});

describe('return properties', () => {
  const stepsArb = fc.array(fc.tuple(fc.nat(), fc.nat(), fc.boolean()), { maxLength: 12 });

  it('never refunds more than sold, and returning everything in pieces refunds exactly the sale', () => {
    fc.assert(
      fc.property(saleArb, stepsArb, (sale, steps) => {
        const returns: ReturnV1[] = [];
        const check = () => {
          for (const l of refundableLines(sale, returns)) {
            expect(l.returnedQtyMilli).toBeLessThanOrEqual(l.soldQtyMilli);
            for (const k of ['net', 'tax', 'gross'] as const) {
              expect(l.refunded[k]).toBeLessThanOrEqual(l.sold[k]);
              expect(l.refunded[k]).toBeGreaterThanOrEqual(0);
            }
          }
        };
        for (const [lineSeed, qtySeed, twoLines] of steps) {
          const open = refundableLines(sale, returns).filter((l) => l.refundableQtyMilli > 0);
          if (open.length === 0) break;
          const chosen = twoLines ? open.slice(0, 2) : [open[lineSeed % open.length]!];
          const picks = chosen.map((l) => ({ originalLineId: l.originalLineId, qtyMilli: 1 + (qtySeed % l.refundableQtyMilli) }));
          const ret = returnOf(sale, returns, picks);
          for (const rl of ret.lines) expect(rl.net + rl.tax).toBe(rl.gross);
          returns.push(ret);
          check();
        }
        // Return whatever is left, one line per return.
        for (const l of refundableLines(sale, returns)) {
          if (l.refundableQtyMilli > 0) {
            returns.push(returnOf(sale, returns, [{ originalLineId: l.originalLineId, qtyMilli: l.refundableQtyMilli }]));
          }
        }
        check();
        for (const l of refundableLines(sale, returns)) expect(l.refunded).toEqual(l.sold);
        const total = (k: 'net' | 'tax' | 'gross') => returns.reduce((s, r) => s + r.totals[k], 0);
        expect({ net: total('net'), tax: total('tax'), gross: total('gross') }).toEqual({
          net: sale.totals.net,
          tax: sale.totals.tax,
          gross: sale.totals.gross,
        });
        // Each tender got back exactly what it paid.
        for (const tender of new Set(sale.payments.map((p) => p.tender))) {
          const paid = sale.payments.filter((p) => p.tender === tender).reduce((s, p) => s + p.amount, 0);
          const back = returns.flatMap((r) => r.refunds).filter((p) => p.tender === tender).reduce((s, p) => s + p.amount, 0);
          expect(back).toBe(paid);
        }
      }),
      { numRuns: 150 },
    );
  });
});
