/**
 * Who may approve a purchase order. Each role has an approval limit in base-currency
 * minor units, compared with the order's base-currency total including tax (what the
 * company commits to pay); `null` is unlimited, and a role without a limit approves
 * nothing. A user's limit is the highest of their roles'.
 *
 * - Submitting an order within the submitter's own limit approves it at once (the
 *   purchaser's own purchasing authority: by default up to 5,000.00).
 * - Above it the order waits for an approver: someone holding `purchasing.approve`
 *   whose limit covers the total, and who is never the order's creator.
 */

/** Defaults a new company starts with; owners and managers are unlimited. */
export const DEFAULT_APPROVAL_LIMITS: Readonly<Record<string, number | null>> = Object.freeze({
  owner: null,
  manager: null,
  purchaser: 500_000,
});

/** The user's limit: Infinity for unlimited, null when none of their roles may approve. */
export function approvalLimitOf(roles: readonly string[], limits: Readonly<Record<string, number | null>>): number | null {
  let best: number | null = null;
  for (const role of roles) {
    if (!Object.hasOwn(limits, role)) continue;
    const limit = limits[role];
    const value = limit === null || limit === undefined ? Number.POSITIVE_INFINITY : limit;
    if (best === null || value > best) best = value;
  }
  return best;
}

export function limitCovers(limit: number | null, amount: number): boolean {
  return limit !== null && amount <= limit;
}

export type ApprovalRefusal = 'not_permitted' | 'own_order' | 'over_limit';

/** Whether an explicit approval (or rejection) by this user may happen; the reason when not. */
export function approvalRefusal(input: {
  approverId: string;
  creatorId: string | null;
  hasPermission: boolean;
  limit: number | null;
  amount: number;
}): ApprovalRefusal | null {
  if (!input.hasPermission) return 'not_permitted';
  if (input.creatorId !== null && input.approverId === input.creatorId) return 'own_order';
  if (!limitCovers(input.limit, input.amount)) return 'over_limit';
  return null;
}
