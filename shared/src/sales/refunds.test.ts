import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newId } from '../ids/uuidv7.ts';
import { type ReturnV1, type SaleV1, type Tender, returnV1, saleV1 } from '../sync/events.ts';
import { defaultRefundTenders } from './refunds.ts';

/** A sale of `gross` paid as given; only the payments matter to the refund split. */
function sale(payments: { tender: Tender; amount: number; points?: number }[], customerId: string | null = null): SaleV1 {
  const gross = payments.reduce((s, p) => s + p.amount, 0);
  return saleV1.parse({
    v: 1,
    saleId: newId(),
    receiptNo: 'S-1',
    storeId: newId(),
    warehouseId: newId(),
    cashierId: newId(),
    shiftId: null,
    customerId,
    pricesIncludeTax: true,
    lines: [
      { lineId: newId(), productId: newId(), qty: '1', unitPrice: gross, listPrice: gross, discount: 0, taxRateBp: 0, net: gross, tax: 0, gross },
    ],
    totals: { net: gross, tax: 0, gross, discount: 0 },
    payments,
  });
}

function refunded(original: SaleV1, refunds: ReturnV1['refunds']): ReturnV1 {
  const gross = refunds.reduce((s, r) => s + r.amount, 0);
  const line = original.lines[0]!;
  return returnV1.parse({
    v: 1,
    returnId: newId(),
    receiptNo: 'R-1',
    originalSaleId: original.saleId,
    storeId: original.storeId,
    warehouseId: original.warehouseId,
    cashierId: original.cashierId,
    shiftId: null,
    lines: [{ lineId: newId(), originalLineId: line.lineId, productId: line.productId, qty: '0.001', taxRateBp: 0, net: gross, tax: 0, gross }],
    totals: { net: gross, tax: 0, gross },
    refunds,
  });
}

const refund = (tender: Tender, amount: number) => ({ tender, amount, tendered: null, reference: null });

describe('defaultRefundTenders', () => {
  it('splits in proportion to what each tender paid', () => {
    const s = sale([
      { tender: 'card', amount: 1000 },
      { tender: 'cash', amount: 274 },
    ]);
    expect(defaultRefundTenders(s, 974)).toEqual([refund('card', 765), refund('cash', 209)]);
    expect(defaultRefundTenders(s, 1274)).toEqual([refund('card', 1000), refund('cash', 274)]);
  });

  it('adds up several payments of one tender', () => {
    const s = sale([
      { tender: 'cash', amount: 100 },
      { tender: 'card', amount: 200 },
      { tender: 'cash', amount: 100 },
    ]);
    expect(defaultRefundTenders(s, 400)).toEqual([refund('cash', 200), refund('card', 200)]);
  });

  it('never gives the same odd cent back twice', () => {
    const s = sale([
      { tender: 'card', amount: 1 },
      { tender: 'cash', amount: 1 },
    ]);
    const first = defaultRefundTenders(s, 1);
    expect(first).toEqual([refund('card', 1)]);
    expect(defaultRefundTenders(s, 1, [refunded(s, first)])).toEqual([refund('cash', 1)]);
    // Returns of another sale do not count.
    expect(defaultRefundTenders(s, 1, [refunded(sale([{ tender: 'card', amount: 1 }]), first)])).toEqual([refund('card', 1)]);
  });

  it('gives spent points back as points, at the rate they were spent, never more than were spent', () => {
    const paid = sale([{ tender: 'cash', amount: 700 }, { tender: 'points', amount: 300, points: 300 }], newId());
    const half = defaultRefundTenders(paid, 500);
    expect(half).toEqual([refund('cash', 350), { ...refund('points', 150), points: 150 }]);
    const rest = defaultRefundTenders(paid, 500, [refunded(paid, half)]);
    expect(rest).toEqual([refund('cash', 350), { ...refund('points', 150), points: 150 }]);
    const pointsBack = [...half, ...rest].reduce((s, r) => s + (r.points ?? 0), 0);
    expect(pointsBack).toBe(300);
  });

  it('always names at least one tender', () => {
    expect(defaultRefundTenders(sale([{ tender: 'account', amount: 500 }]), 0)).toEqual([refund('account', 0)]);
    expect(() => defaultRefundTenders(sale([{ tender: 'cash', amount: 5 }]), -1)).toThrow(RangeError);
  });

  it('refunds each tender exactly what it paid over any sequence of refunds', () => {
    const tenders = fc.constantFrom<Tender>('cash', 'card', 'voucher', 'account');
    fc.assert(
      fc.property(
        fc.array(fc.record({ tender: tenders, amount: fc.nat({ max: 10_000 }) }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        (payments, seeds) => {
          const s = sale(payments);
          const returns: ReturnV1[] = [];
          let left = s.totals.gross;
          // Partial refunds, then whatever is left in one last refund.
          for (const seed of seeds) {
            if (left === 0) break;
            const amount = 1 + (seed % left);
            returns.push(refunded(s, defaultRefundTenders(s, amount, returns)));
            left -= amount;
          }
          if (left > 0) returns.push(refunded(s, defaultRefundTenders(s, left, returns)));
          for (const tender of new Set(payments.map((p) => p.tender))) {
            const paid = payments.filter((p) => p.tender === tender).reduce((t, p) => t + p.amount, 0);
            const back = returns.flatMap((r) => r.refunds).filter((r) => r.tender === tender).reduce((t, r) => t + r.amount, 0);
            expect(back).toBe(paid);
          }
        },
      ),
    );
  });
});
