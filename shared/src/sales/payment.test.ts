import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TENDERS } from '../sync/events.ts';
import { type PaymentInput, applyPayments, roundCash } from './payment.ts';

describe('applyPayments', () => {
  it('gives change on cash handed over beyond what is due', () => {
    expect(applyPayments(7350, [{ tender: 'cash', amount: 10_000 }])).toEqual({
      ok: true,
      paid: 7350,
      remaining: 0,
      change: 2650,
      complete: true,
      payments: [{ tender: 'cash', amount: 7350, tendered: 10_000, reference: null }],
    });
  });

  it('splits card then cash, and accepts its own recorded form again', () => {
    const first = applyPayments(7350, [
      { tender: 'card', amount: 5000, reference: 'slip 42' },
      { tender: 'cash', amount: 5000 },
    ]);
    expect(first).toMatchObject({ ok: true, paid: 7350, remaining: 0, change: 2650, complete: true });
    if (!first.ok) throw new Error('unreachable');
    expect(first.payments).toEqual([
      { tender: 'card', amount: 5000, tendered: null, reference: 'slip 42' },
      { tender: 'cash', amount: 2350, tendered: 5000, reference: null },
    ]);
    expect(applyPayments(7350, first.payments)).toEqual(first);
  });

  it('reports what is still due on a partial payment', () => {
    expect(applyPayments(7350, [{ tender: 'voucher', amount: 2000 }])).toMatchObject({
      ok: true,
      paid: 2000,
      remaining: 5350,
      change: 0,
      complete: false,
    });
    expect(applyPayments(0, [])).toMatchObject({ ok: true, paid: 0, remaining: 0, complete: true });
  });

  it('refuses a non-cash tender above what remains', () => {
    expect(applyPayments(7350, [{ tender: 'card', amount: 7351 }])).toMatchObject({ ok: false, error: 'overpaid_non_cash', index: 0 });
    // Cash first already covered it: a card after that would be charged for nothing.
    expect(
      applyPayments(7350, [
        { tender: 'cash', amount: 10_000 },
        { tender: 'card', amount: 1 },
      ]),
    ).toMatchObject({ ok: false, error: 'overpaid_non_cash', index: 1 });
  });

  it('takes loyalty points as a tender that carries its count of points, and refuses one without', () => {
    const paid = applyPayments(7350, [
      { tender: 'points', amount: 350, points: 350 },
      { tender: 'cash', amount: 10_000 },
    ]);
    expect(paid).toMatchObject({ ok: true, change: 3000, payments: [{ tender: 'points', amount: 350, tendered: null, reference: null, points: 350 }, { tender: 'cash', amount: 7000 }] });
    expect(applyPayments(7350, [{ tender: 'points', amount: 350 }])).toMatchObject({ ok: false, error: 'points_uncounted', index: 0 });
    expect(applyPayments(7350, [{ tender: 'points', amount: 8000, points: 8000 }])).toMatchObject({ ok: false, error: 'overpaid_non_cash' });
  });

  it('refuses bad amounts', () => {
    expect(applyPayments(100, [{ tender: 'cash', amount: -1 }])).toMatchObject({ ok: false, error: 'invalid_amount' });
    expect(applyPayments(100, [{ tender: 'card', amount: 0.5 }])).toMatchObject({ ok: false, error: 'invalid_amount' });
    expect(applyPayments(100, [{ tender: 'cash', amount: 100, tendered: 50 }])).toMatchObject({
      ok: false,
      error: 'tendered_below_amount',
    });
    expect(() => applyPayments(-1, [])).toThrow(RangeError);
  });

  const paymentArb: fc.Arbitrary<PaymentInput> = fc
    .record({ tender: fc.constantFrom(...TENDERS), amount: fc.nat({ max: 50_000 }) })
    .map((p) => (p.tender === 'points' ? { ...p, points: p.amount + 1 } : p));

  it('keeps paid + remaining = total, change ≥ 0, and change only from cash', () => {
    fc.assert(
      fc.property(fc.nat({ max: 100_000 }), fc.array(paymentArb, { maxLength: 6 }), (total, payments) => {
        const result = applyPayments(total, payments);
        if (!result.ok) {
          expect(result.error).toBe('overpaid_non_cash');
          expect(payments[result.index]!.tender).not.toBe('cash');
          return;
        }
        expect(result.paid + result.remaining).toBe(total);
        expect(result.remaining).toBeGreaterThanOrEqual(0);
        expect(result.change).toBeGreaterThanOrEqual(0);
        expect(result.complete).toBe(result.remaining === 0);
        expect(result.payments.reduce((s, p) => s + p.amount, 0)).toBe(result.paid);
        const cashChange = result.payments
          .filter((p) => p.tender === 'cash')
          .reduce((s, p) => s + (p.tendered ?? p.amount) - p.amount, 0);
        expect(cashChange).toBe(result.change);
        for (const p of result.payments) if (p.tender !== 'cash') expect(p.tendered).toBeNull();
        if (!payments.some((p) => p.tender === 'cash')) expect(result.change).toBe(0);
      }),
    );
  });
});

describe('roundCash', () => {
  it('rounds half-up to the step and leaves 分 alone by default', () => {
    expect(roundCash(7354)).toBe(7354);
    expect(roundCash(7354, 10)).toBe(7350);
    expect(roundCash(7355, 10)).toBe(7360);
    expect(roundCash(7349, 50)).toBe(7350);
    expect(roundCash(-7355, 10)).toBe(-7360);
    expect(() => roundCash(100, 0)).toThrow(RangeError);
    expect(() => roundCash(1.5, 10)).toThrow(RangeError);
  });
});
