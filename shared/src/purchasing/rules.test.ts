import { describe, expect, it } from 'vitest';
import { approvalLimitOf, approvalRefusal, DEFAULT_APPROVAL_LIMITS, limitCovers } from './approval.ts';
import { isOverReceipt, overReceiptLimit } from './receiving.ts';
import { canTakeStep, outstandingQuantity, PURCHASE_ORDER_STATUSES, PURCHASE_ORDER_STEPS, receivingStatus } from './status.ts';
import { suggestReorder } from './reorder.ts';

describe('approval limits', () => {
  it('takes the highest limit of the roles; unlimited beats any number; no row means no authority', () => {
    expect(approvalLimitOf(['purchaser'], DEFAULT_APPROVAL_LIMITS)).toBe(500_000);
    expect(approvalLimitOf(['purchaser', 'manager'], DEFAULT_APPROVAL_LIMITS)).toBe(Number.POSITIVE_INFINITY);
    expect(approvalLimitOf(['clerk', 'cashier'], DEFAULT_APPROVAL_LIMITS)).toBeNull();
    expect(approvalLimitOf(['a', 'b'], { a: 100, b: 300 })).toBe(300);
    expect(limitCovers(500_000, 500_000)).toBe(true);
    expect(limitCovers(500_000, 500_001)).toBe(false);
    expect(limitCovers(null, 0)).toBe(false);
  });

  it('refuses approval without the permission, by the creator, or beyond the limit, in that order', () => {
    const base = { approverId: 'u2', creatorId: 'u1', hasPermission: true, limit: 1000, amount: 1000 };
    expect(approvalRefusal(base)).toBeNull();
    expect(approvalRefusal({ ...base, hasPermission: false })).toBe('not_permitted');
    expect(approvalRefusal({ ...base, approverId: 'u1', limit: Number.POSITIVE_INFINITY })).toBe('own_order');
    expect(approvalRefusal({ ...base, amount: 1001 })).toBe('over_limit');
    expect(approvalRefusal({ ...base, limit: null })).toBe('over_limit');
  });
});

describe('order status', () => {
  it('allows each step only from its statuses', () => {
    expect(canTakeStep('approve', 'submitted')).toBe(true);
    expect(canTakeStep('approve', 'draft')).toBe(false);
    expect(canTakeStep('receive', 'closed')).toBe(false);
    expect(canTakeStep('receive', 'cancelled')).toBe(false);
    expect(canTakeStep('receive', 'approved')).toBe(false);
    expect(canTakeStep('cancel', 'partially_received')).toBe(false);
    // Closed and cancelled are final.
    for (const steps of Object.values(PURCHASE_ORDER_STEPS)) {
      expect(steps as readonly string[]).not.toContain('closed');
      expect(steps as readonly string[]).not.toContain('cancelled');
    }
    for (const s of PURCHASE_ORDER_STATUSES) expect(typeof canTakeStep('edit', s)).toBe('boolean');
  });

  it('moves between sent, partially received and received from the lines', () => {
    expect(receivingStatus([{ ordered: 10_000, accepted: 0, returned: 0 }])).toBe('sent');
    expect(receivingStatus([{ ordered: 10_000, accepted: 4000, returned: 0 }, { ordered: 5000, accepted: 0, returned: 0 }])).toBe('partially_received');
    expect(receivingStatus([{ ordered: 10_000, accepted: 10_500, returned: 0 }, { ordered: 5000, accepted: 5000, returned: 0 }])).toBe('received');
    // A return reopens what the supplier still owes.
    expect(receivingStatus([{ ordered: 10_000, accepted: 10_000, returned: 2000 }])).toBe('partially_received');
    expect(receivingStatus([{ ordered: 10_000, accepted: 2000, returned: 2000 }])).toBe('partially_received');
    expect(outstandingQuantity({ ordered: 10_000, accepted: 12_000, returned: 0 })).toBe(0);
  });
});

describe('over-receipt tolerance', () => {
  it('allows 5 % over the ordered quantity, rounding the limit down', () => {
    expect(overReceiptLimit(100_000)).toBe(105_000);
    expect(overReceiptLimit(10_001)).toBe(10_501);
    expect(isOverReceipt(100_000, 105_000)).toBe(false);
    expect(isOverReceipt(100_000, 105_001)).toBe(true);
    expect(isOverReceipt(100_000, 110_000, 1000)).toBe(false);
  });
});

describe('reorder suggestions', () => {
  const rule = { reorderPoint: 50_000, minQty: 20_000, maxQty: 120_000 };
  it('fills up to the maximum, counting open orders and what sells during the lead time, in whole packs', () => {
    // 56 sold in 28 days = 2 a day; 3 days' lead time → 6; 48 on hand + 0 on order − 6 = 42 ≤ 50.
    const s = suggestReorder({ onHand: 48_000, onOrder: 0, sold: 56_000, leadTimeDays: 3, rule, packSize: 24_000, minOrderQty: 0 });
    expect(s).toMatchObject({ dailyVelocity: 2000, leadTimeDemand: 6000, projected: 42_000, due: true, needed: 78_000, purchaseQty: 4000, stockQty: 96_000 });
    // Enough already on order: nothing.
    expect(suggestReorder({ onHand: 48_000, onOrder: 24_000, sold: 56_000, leadTimeDays: 3, rule, packSize: 24_000, minOrderQty: 0 }).due).toBe(false);
  });

  it('honours the minimum order quantity, rounded up to whole purchase units', () => {
    const s = suggestReorder({ onHand: 45_000, onOrder: 0, sold: 0, leadTimeDays: 5, rule: { reorderPoint: 50_000, minQty: 0, maxQty: 60_000 }, packSize: 12_000, minOrderQty: 4500 });
    expect(s).toMatchObject({ needed: 15_000, purchaseQty: 5000, stockQty: 60_000 });
  });

  it('without a maximum fills to the reorder point or minimum; negative stock is made good', () => {
    const s = suggestReorder({ onHand: -3000, onOrder: 0, sold: 0, leadTimeDays: 0, rule: { reorderPoint: 5000, minQty: 8000, maxQty: 0 }, packSize: 1000, minOrderQty: 0 });
    expect(s).toMatchObject({ target: 8000, needed: 11_000, purchaseQty: 11_000, stockQty: 11_000 });
  });

  it('without a rule orders four weeks of sales once the projection falls to a week of sales; nothing for products that do not sell', () => {
    const s = suggestReorder({ onHand: 10_000, onOrder: 0, sold: 28_000, leadTimeDays: 4, rule: null, packSize: 6000, minOrderQty: 0 });
    // 1 a day: lead demand 4, projected 6 ≤ 7 → fill to 28: need 22 → 4 packs of 6.
    expect(s).toMatchObject({ reorderPoint: 7000, target: 28_000, projected: 6000, needed: 22_000, purchaseQty: 4000, stockQty: 24_000 });
    expect(suggestReorder({ onHand: 0, onOrder: 0, sold: 0, leadTimeDays: 4, rule: null, packSize: 1000, minOrderQty: 0 }).due).toBe(false);
    expect(suggestReorder({ onHand: 0, onOrder: 0, sold: -5000, leadTimeDays: 4, rule: null, packSize: 1000, minOrderQty: 0 }).due).toBe(false);
  });

  it('refuses a zero pack size', () => {
    expect(() => suggestReorder({ onHand: 0, onOrder: 0, sold: 0, leadTimeDays: 0, rule, packSize: 0, minOrderQty: 0 })).toThrow(RangeError);
  });
});
