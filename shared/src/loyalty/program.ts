import { z } from 'zod';

/**
 * The loyalty programme: customers earn points on what they pay and spend them as a
 * tender at the till. All figures are integers: points, and minor units of money.
 */
export interface LoyaltyProgram {
  enabled: boolean;
  /** Minor units paid per point earned: 100 = one point per yuan. */
  earnPerAmount: number;
  /** Minor units one point is worth when spent: 1 = a point is one fen (100 points a yuan). */
  pointValue: number;
  /** The fewest points a customer may spend at once. */
  minRedeem: number;
}

export const DEFAULT_LOYALTY_PROGRAM: LoyaltyProgram = { enabled: false, earnPerAmount: 100, pointValue: 1, minRedeem: 100 };

export const loyaltyProgramSchema = z.object({
  enabled: z.boolean(),
  earnPerAmount: z
    .number({ message: 'earnPerAmount must be a number' })
    .int('earnPerAmount must be a whole number of minor units')
    .min(1, 'earnPerAmount must be at least 1')
    .max(1_000_000, 'earnPerAmount must be at most 1000000'),
  pointValue: z
    .number({ message: 'pointValue must be a number' })
    .int('pointValue must be a whole number of minor units')
    .min(1, 'pointValue must be at least 1')
    .max(10_000, 'pointValue must be at most 10000'),
  minRedeem: z
    .number({ message: 'minRedeem must be a number' })
    .int('minRedeem must be a whole number of points')
    .min(1, 'minRedeem must be at least 1')
    .max(1_000_000, 'minRedeem must be at most 1000000'),
});

/**
 * Points earned on a sale: on what the customer paid with money, not with points (points
 * do not earn points), rounded down. A sale on account earns too: it is paid later.
 */
export function earnedPoints(program: LoyaltyProgram, gross: number, paidWithPoints: number): number {
  if (!program.enabled) return 0;
  const eligible = Math.max(0, gross - paidWithPoints);
  return Math.floor(eligible / program.earnPerAmount);
}

/** What spending `points` takes off the bill. */
export function pointsValue(program: Pick<LoyaltyProgram, 'pointValue'>, points: number): number {
  return points * program.pointValue;
}

/**
 * The most points a customer may spend on what is still due: no more than they have,
 * no more than pays the amount due (whole points only), and nothing below the minimum.
 */
export function redeemablePoints(program: LoyaltyProgram, available: number, due: number): number {
  if (!program.enabled || available <= 0 || due <= 0) return 0;
  const most = Math.min(available, Math.floor(due / program.pointValue));
  return most >= program.minRedeem ? most : 0;
}

/** Why a redemption the cashier typed cannot be taken, or null when it can. */
export function redemptionProblem(
  program: LoyaltyProgram,
  points: number,
  available: number,
  due: number,
): 'disabled' | 'not_whole' | 'below_minimum' | 'not_enough_points' | 'more_than_due' | null {
  if (!program.enabled) return 'disabled';
  if (!Number.isInteger(points) || points <= 0) return 'not_whole';
  if (points < program.minRedeem) return 'below_minimum';
  if (points > available) return 'not_enough_points';
  if (pointsValue(program, points) > due) return 'more_than_due';
  return null;
}

/**
 * Points a return takes back: what the money refunded would have earned, but never more
 * than the sale earned and was not already taken back. Points refunded as points come
 * back separately, as the refund itself.
 */
export function reversedPoints(program: Pick<LoyaltyProgram, 'earnPerAmount'>, refundedWithMoney: number, earnedLeft: number): number {
  return Math.max(0, Math.min(earnedLeft, Math.floor(Math.max(0, refundedWithMoney) / program.earnPerAmount)));
}

/**
 * What a till may still let a customer spend while offline: the balance it last pulled,
 * less the points its own sales spent since and the server has not counted yet.
 */
export function availableOffline(pulledBalance: number, spentNotYetSynced: number): number {
  return pulledBalance - spentNotYetSynced;
}
