import { describe, expect, it } from 'vitest';
import { averageChange, daysLate, fillRate, onTimeDelivery, priceTrend, rateFraction, rejectionRate } from './performance.ts';

describe('rateFraction', () => {
  it('rounds half away from zero to 4 decimals', () => {
    expect(rateFraction(1n, 3n)).toBe(0.3333);
    expect(rateFraction(2n, 3n)).toBe(0.6667);
    expect(rateFraction(1n, 8n)).toBe(0.125);
    expect(rateFraction(1n, 20_000n)).toBe(0.0001); // 0.00005 → up
    expect(rateFraction(-1n, 20_000n)).toBe(-0.0001);
    expect(rateFraction(0n, 5n)).toBe(0);
  });

  it('is null, not NaN or Infinity, when there is nothing to divide by', () => {
    expect(rateFraction(0n, 0n)).toBeNull();
    expect(rateFraction(3n, 0n)).toBeNull();
  });
});

describe('on-time delivery', () => {
  it('counts a delivery posted on the expected day as on time, a day after as late', () => {
    const r = onTimeDelivery([
      { postedOn: '2026-03-04', dueOn: '2026-03-04' },
      { postedOn: '2026-03-01', dueOn: '2026-03-04' },
      { postedOn: '2026-03-05', dueOn: '2026-03-04' },
      { postedOn: '2026-03-08', dueOn: '2026-03-04' },
    ]);
    expect(r).toEqual({ deliveries: 4, onTime: 2, late: 2, undated: 0, rate: 0.5, averageDaysLate: 2.5 });
  });

  it('leaves deliveries without an expected date out of the rate', () => {
    expect(onTimeDelivery([{ postedOn: '2026-03-04', dueOn: null }, { postedOn: '2026-03-04', dueOn: '2026-03-10' }])).toEqual({
      deliveries: 2, onTime: 1, late: 0, undated: 1, rate: 1, averageDaysLate: null,
    });
  });

  it('counts each partial delivery of a line on its own', () => {
    // 60 arrived on the day, the other 40 three days later: one on time, one late.
    const r = onTimeDelivery([{ postedOn: '2026-03-04', dueOn: '2026-03-04' }, { postedOn: '2026-03-07', dueOn: '2026-03-04' }]);
    expect([r.rate, r.averageDaysLate]).toEqual([0.5, 3]);
  });

  it('is null with no deliveries, or only undated ones', () => {
    expect(onTimeDelivery([])).toEqual({ deliveries: 0, onTime: 0, late: 0, undated: 0, rate: null, averageDaysLate: null });
    expect(onTimeDelivery([{ postedOn: '2026-03-04', dueOn: null }]).rate).toBeNull();
  });

  it('counts days across months and leap days', () => {
    expect(daysLate('2028-03-01', '2028-02-28')).toBe(2);
    expect(daysLate('2026-03-01', '2026-02-28')).toBe(1);
    expect(daysLate('2026-01-01', '2025-12-31')).toBe(1);
    expect(daysLate('2026-02-27', '2026-03-01')).toBe(-2);
  });
});

describe('fill rate', () => {
  const line = (ordered: string, accepted: string, returned = '0', unitCost = '100.0000') => ({ ordered, accepted, returned, unitCost });

  it('is what was kept over what was ordered, weighed by value', () => {
    // 90 of 100 at 1.00 and 10 of 10 at 10.00: (90 + 100) / (100 + 100) = 0.95
    expect(fillRate([line('100', '90'), line('10', '10', '0', '1000.0000')])).toEqual({ lines: 2, complete: 1, rate: 0.95 });
  });

  it('is the plain quantity ratio within one line, whatever the cost', () => {
    expect(fillRate([line('3', '2', '0', '333.3333')]).rate).toBe(0.6667);
  });

  it('counts returns as not kept', () => {
    expect(fillRate([line('96', '98', '10')])).toEqual({ lines: 1, complete: 0, rate: 0.9167 });
  });

  it('does not let an over-delivery make up for a short line', () => {
    expect(fillRate([line('10', '15'), line('10', '5')])).toEqual({ lines: 2, complete: 1, rate: 0.75 });
  });

  it('counts partial deliveries that were closed short', () => {
    expect(fillRate([line('24', '12.5')]).rate).toBe(0.5208);
    expect(fillRate([line('24', '0')])).toEqual({ lines: 1, complete: 0, rate: 0 });
  });

  it('falls back to quantities when every line is free', () => {
    expect(fillRate([line('10', '5', '0', '0.0000'), line('30', '30', '0', '0.0000')]).rate).toBe(0.875);
  });

  it('is null with no finished lines', () => {
    expect(fillRate([])).toEqual({ lines: 0, complete: 0, rate: null });
  });
});

describe('rejection rate', () => {
  const line = (received: string, rejected: string, unitCost = '100.0000') => ({ received, rejected, unitCost });

  it('is rejected over received, weighed by value', () => {
    // 2 of 50 at 100.00 and 30 of 30 at 5.00: (200 + 150) / (5000 + 150)
    expect(rejectionRate([line('50', '2', '10000.0000'), line('30', '30', '500.0000')])).toEqual({ lines: 2, rejectedLines: 2, rate: 0.068 });
  });

  it('is zero when nothing was refused, and null when nothing arrived', () => {
    expect(rejectionRate([line('5', '0')])).toEqual({ lines: 1, rejectedLines: 0, rate: 0 });
    expect(rejectionRate([])).toEqual({ lines: 0, rejectedLines: 0, rate: null });
    expect(rejectionRate([line('0', '0')]).rate).toBeNull();
  });

  it('handles weighed quantities', () => {
    expect(rejectionRate([line('12.5', '0.125')]).rate).toBe(0.01);
  });
});

describe('price trend', () => {
  const p = (date: string, orderNumber: string, unitCost: string) => ({ date, orderNumber, unitCost });

  it('compares the latest price with the earliest, whatever order the points come in', () => {
    const t = priceTrend([p('2026-03-10', 'PO-3', '110.0000'), p('2026-01-05', 'PO-1', '100.0000'), p('2026-02-01', 'PO-2', '90.0000')]);
    expect(t.points.map((x) => x.orderNumber)).toEqual(['PO-1', 'PO-2', 'PO-3']);
    expect([t.first, t.latest, t.change]).toEqual(['100.0000', '110.0000', 0.1]);
  });

  it('orders points of one day by order number', () => {
    const t = priceTrend([p('2026-01-05', 'PO-2', '95.0000'), p('2026-01-05', 'PO-1', '100.0000')]);
    expect([t.first, t.latest, t.change]).toEqual(['100.0000', '95.0000', -0.05]);
  });

  it('has no change with one point, none, or a free first price', () => {
    expect(priceTrend([p('2026-01-05', 'PO-1', '100.0000')])).toMatchObject({ first: '100.0000', latest: '100.0000', change: null });
    expect(priceTrend([])).toEqual({ points: [], first: null, latest: null, change: null });
    expect(priceTrend([p('2026-01-05', 'PO-1', '0.0000'), p('2026-02-05', 'PO-2', '10.0000')]).change).toBeNull();
  });

  it('averages the products\u2019 changes, ignoring those without one', () => {
    expect(averageChange([0.1, -0.05, null])).toBe(0.025);
    expect(averageChange([0.3333, 0.3333, 0.3334])).toBe(0.3333);
    expect(averageChange([null])).toBeNull();
    expect(averageChange([])).toBeNull();
  });
});
