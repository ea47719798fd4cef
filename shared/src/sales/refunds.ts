import { allocate } from '../money/allocate.ts';
import { assertMoney, sumMoney } from '../money/money.ts';
import type { ReturnV1, SaleV1, Tender } from '../sync/events.ts';
import type { AppliedPayment } from './payment.ts';

function byTender(payments: readonly { tender: Tender; amount: number }[], into = new Map<Tender, number>()) {
  for (const p of payments) into.set(p.tender, (into.get(p.tender) ?? 0) + p.amount);
  return into;
}

const pointsOf = (payments: readonly { tender: Tender; points?: number }[]) =>
  payments.reduce((s, p) => s + (p.tender === 'points' ? (p.points ?? 0) : 0), 0);

/**
 * Points given back for `amount` of a points payment refunded: at the rate the sale
 * spent them, never more than it spent and has not had back.
 */
function pointsBack(sale: SaleV1, previousReturns: readonly ReturnV1[], amount: number): number {
  const spent = pointsOf(sale.payments);
  const spentValue = sale.payments.reduce((s, p) => s + (p.tender === 'points' ? p.amount : 0), 0);
  const back = previousReturns.filter((r) => r.originalSaleId === sale.saleId).reduce((s, r) => s + pointsOf(r.refunds), 0);
  const due = spentValue > 0 ? Math.round((amount * spent) / spentValue) : 0;
  return Math.max(1, Math.min(due, spent - back));
}

/**
 * How a refund goes back by default: to the tenders the sale was paid with, in
 * proportion to what each paid (cash counted net of change), split exactly by largest
 * remainder.
 *
 * The weights are what each tender has not yet had back from `previousReturns` of
 * this sale. A share of a total no larger than the sum of the weights never exceeds
 * its own weight, so over any sequence of returns no tender gets back more than it
 * paid — splitting each return by the original payments instead could refund the
 * same odd cent to the card twice.
 */
export function defaultRefundTenders(
  originalSale: SaleV1,
  refundTotal: number,
  previousReturns: readonly ReturnV1[] = [],
): AppliedPayment[] {
  assertMoney(refundTotal, 'refund total');
  if (refundTotal < 0) throw new RangeError(`refund total must not be negative, got ${refundTotal}`);
  const paid = byTender(originalSale.payments);
  const refunded = new Map<Tender, number>();
  for (const r of previousReturns) {
    if (r.originalSaleId === originalSale.saleId) byTender(r.refunds, refunded);
  }
  const tenders = [...paid.keys()];
  const left = tenders.map((t) => Math.max(0, (paid.get(t) ?? 0) - (refunded.get(t) ?? 0)));
  // Refunds made to other tenders by hand can leave less owed per tender than this
  // refund; then the original proportions are the fairest split left.
  const weights = sumMoney(left) >= refundTotal ? left : tenders.map((t) => paid.get(t) ?? 0);
  const parts = allocate(refundTotal, weights);
  const refunds: AppliedPayment[] = tenders
    .map((tender, i): AppliedPayment => ({ tender, amount: parts[i] ?? 0, tendered: null, reference: null }))
    .filter((r) => r.amount > 0)
    .map((r) => (r.tender === 'points' ? { ...r, points: pointsBack(originalSale, previousReturns, r.amount) } : r));
  // returnV1 needs at least one refund, even of nothing (a returned free gift).
  return refunds.length > 0 ? refunds : [{ tender: tenders[0] ?? 'cash', amount: 0, tendered: null, reference: null }];
}
