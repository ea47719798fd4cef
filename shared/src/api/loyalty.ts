import { z } from 'zod';

export const LOYALTY_ENTRY_KINDS = ['earn', 'redeem', 'reverse', 'refund', 'adjust'] as const;

export const loyaltyEntrySchema = z.object({
  id: z.string(),
  customerId: z.string(),
  kind: z.enum(LOYALTY_ENTRY_KINDS),
  points: z.number().int(),
  value: z.number().int(),
  sourceType: z.enum(['sale', 'return', 'adjustment']),
  sourceId: z.string(),
  /** The till receipt number of the sale or return, when there is one. */
  receiptNo: z.string().nullable(),
  occurredAt: z.string(),
  flag: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  resolvedByName: z.string().nullable(),
  note: z.string(),
});
export type LoyaltyEntry = z.infer<typeof loyaltyEntrySchema>;

export const customerPointsSchema = z.object({
  customerId: z.string(),
  points: z.number().int(),
  /** What the points would take off a bill now, in minor units. */
  value: z.number().int(),
  entries: z.array(loyaltyEntrySchema),
});
export type CustomerPoints = z.infer<typeof customerPointsSchema>;

export const pointsAdjustmentInputSchema = z.object({
  points: z
    .number({ message: 'points must be a number' })
    .int('points must be a whole number')
    .min(-10_000_000, 'points must be at least -10000000')
    .max(10_000_000, 'points must be at most 10000000')
    .refine((p) => p !== 0, 'points must not be zero'),
  reason: z.string().trim().min(1, 'reason is required').max(200, 'reason must be at most 200 characters'),
});
export type PointsAdjustmentInput = z.infer<typeof pointsAdjustmentInputSchema>;

export const loyaltyProblemSchema = loyaltyEntrySchema.extend({
  customerCode: z.string(),
  customerName: z.string(),
  /** The customer's points now: negative while the double spend stands. */
  customerPoints: z.number().int(),
});
export type LoyaltyProblem = z.infer<typeof loyaltyProblemSchema>;

export const resolveLoyaltyProblemSchema = z.object({
  note: z.string().trim().min(1, 'note is required: say what was done').max(500, 'note must be at most 500 characters'),
});
