import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type LoyaltyProgram,
  availableOffline,
  earnedPoints,
  loyaltyProgramSchema,
  pointsValue,
  redeemablePoints,
  redemptionProblem,
  reversedPoints,
} from './program.ts';

const program: LoyaltyProgram = { enabled: true, earnPerAmount: 100, pointValue: 1, minRedeem: 100 };
const programArb = fc.record({
  enabled: fc.constant(true),
  earnPerAmount: fc.integer({ min: 1, max: 10_000 }),
  pointValue: fc.integer({ min: 1, max: 500 }),
  minRedeem: fc.integer({ min: 1, max: 1000 }),
});

describe('loyalty points', () => {
  it('earns a point per whole yuan paid with money, none on what points paid', () => {
    expect(earnedPoints(program, 12_345, 0)).toBe(123);
    expect(earnedPoints(program, 12_345, 2_000)).toBe(103);
    expect(earnedPoints(program, 99, 0)).toBe(0);
    expect(earnedPoints(program, 500, 500)).toBe(0);
    expect(earnedPoints({ ...program, enabled: false }, 12_345, 0)).toBe(0);
  });

  it('values points in minor units', () => {
    expect(pointsValue(program, 250)).toBe(250);
    expect(pointsValue({ pointValue: 5 }, 250)).toBe(1250);
  });

  it('offers no more than the customer has and the bill needs, and nothing under the minimum', () => {
    expect(redeemablePoints(program, 1_000, 450)).toBe(450);
    expect(redeemablePoints(program, 300, 450)).toBe(300);
    expect(redeemablePoints(program, 99, 450)).toBe(0);
    expect(redeemablePoints({ ...program, pointValue: 3 }, 1_000, 1_000)).toBe(333);
    expect(redeemablePoints(program, -20, 450)).toBe(0);
  });

  it('never lets points pay more than is due or more than is held', () => {
    fc.assert(
      fc.property(programArb, fc.integer({ min: -1000, max: 1_000_000 }), fc.integer({ min: 0, max: 10_000_000 }), (p, available, due) => {
        const points = redeemablePoints(p, available, due);
        expect(points).toBeGreaterThanOrEqual(0);
        expect(points).toBeLessThanOrEqual(Math.max(0, available));
        expect(pointsValue(p, points)).toBeLessThanOrEqual(due);
        if (points > 0) expect(redemptionProblem(p, points, available, due)).toBeNull();
      }),
    );
  });

  it('says why a typed redemption cannot be taken', () => {
    expect(redemptionProblem({ ...program, enabled: false }, 100, 500, 500)).toBe('disabled');
    expect(redemptionProblem(program, 1.5, 500, 500)).toBe('not_whole');
    expect(redemptionProblem(program, 50, 500, 500)).toBe('below_minimum');
    expect(redemptionProblem(program, 600, 500, 1000)).toBe('not_enough_points');
    expect(redemptionProblem(program, 400, 500, 300)).toBe('more_than_due');
    expect(redemptionProblem(program, 300, 500, 300)).toBeNull();
  });

  it('takes back on a return what the refunded money earned, never more than the sale earned', () => {
    expect(reversedPoints(program, 5_050, 100)).toBe(50);
    expect(reversedPoints(program, 50_000, 100)).toBe(100);
    expect(reversedPoints(program, 5_050, 0)).toBe(0);
    fc.assert(
      fc.property(programArb, fc.integer({ min: 1, max: 1_000_000 }), fc.array(fc.integer({ min: 0, max: 100 }), { maxLength: 5 }), (p, gross, shares) => {
        // Returning a sale in parts never takes back more than it earned.
        const earned = earnedPoints(p, gross, 0);
        let left = earned;
        for (const pct of shares) left -= reversedPoints(p, Math.floor((gross * pct) / 100), left);
        expect(left).toBeGreaterThanOrEqual(0);
        expect(left).toBeLessThanOrEqual(earned);
      }),
    );
  });

  it('counts points spent offline against the pulled balance', () => {
    expect(availableOffline(500, 300)).toBe(200);
    expect(availableOffline(500, 0)).toBe(500);
  });

  it('refuses a programme with a bad figure, naming it', () => {
    const issue = (value: unknown) => loyaltyProgramSchema.safeParse(value).error?.issues[0];
    expect(issue({ ...program, earnPerAmount: 0 })?.path).toEqual(['earnPerAmount']);
    expect(issue({ ...program, pointValue: 1.5 })?.message).toBe('pointValue must be a whole number of minor units');
    expect(issue({ ...program, minRedeem: -1 })?.path).toEqual(['minRedeem']);
    expect(loyaltyProgramSchema.parse(program)).toEqual(program);
  });
});
