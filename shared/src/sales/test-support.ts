// Test-only: random sales built through the real pipeline (cart → price → pay → event),
// shared by the returns and shift property tests. Not exported from index.ts.
import fc from 'fast-check';
import { newId } from '../ids/uuidv7.ts';
import type { Discount } from '../money/discount.ts';
import type { SaleV1, Tender } from '../sync/events.ts';
import { type CartLine, priceCart } from './cart.ts';
import type { PaymentInput } from './payment.ts';
import { buildSaleEvent } from './sale-event.ts';

export const storeIds = { storeId: newId(), warehouseId: newId(), cashierId: newId(), shiftId: newId() };

const discountArb: fc.Arbitrary<Discount> = fc.oneof(
  fc.integer({ min: 0, max: 5_000 }).map((bp): Discount => ({ kind: 'percent', bp })),
  fc.nat({ max: 2_000 }).map((amount): Discount => ({ kind: 'amount', amount })),
);

const lineArb = fc.record({
  weighed: fc.boolean(),
  pieces: fc.integer({ min: 1, max: 7 }),
  grams: fc.integer({ min: 1, max: 5_000 }),
  unitPrice: fc.nat({ max: 20_000 }),
  discount: discountArb,
  taxRateBp: fc.constantFrom(0, 600, 900, 1300),
});

export const saleArb: fc.Arbitrary<SaleV1> = fc
  .record({
    lines: fc.array(lineArb, { minLength: 1, maxLength: 5 }),
    cartDiscount: discountArb,
    pricesIncludeTax: fc.boolean(),
    nonCash: fc.constantFrom<Tender>('card', 'account', 'voucher'),
    nonCashShare: fc.integer({ min: 0, max: 100 }),
    extraCash: fc.nat({ max: 10_000 }),
  })
  .map((r) => {
    const lines = r.lines.map(
      (l): CartLine => ({
        lineId: newId(),
        productId: newId(),
        name: 'x',
        qtyMilli: l.weighed ? l.grams : l.pieces * 1000,
        unitPrice: l.unitPrice,
        listPrice: l.unitPrice,
        overrideReason: null,
        discount: l.discount,
        taxRateBp: l.taxRateBp,
        weighed: l.weighed,
      }),
    );
    const priced = priceCart({ lines, cartDiscount: r.cartDiscount, pricesIncludeTax: r.pricesIncludeTax });
    const byCard = Math.floor((priced.totals.gross * r.nonCashShare) / 100);
    const payments: PaymentInput[] = [
      { tender: r.nonCash, amount: byCard },
      { tender: 'cash', amount: priced.totals.gross - byCard + r.extraCash },
    ];
    return buildSaleEvent({ ...storeIds, priced, payments, receiptNo: 'T-000001' });
  });
