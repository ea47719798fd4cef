/** Why the till refuses something that would lose or strand the cashier's work. */
export type BlockReason = { kind: 'sale' } | { kind: 'outbox'; count: number };

export interface TillActivity {
  /** events the server has not acknowledged (outbox pending + sending + dead) */
  pending: number;
  saleInProgress: boolean;
}

/**
 * Applying a new service worker reloads the page. Mid-sale that would throw away the
 * cart; with events still in the outbox the new code would have to read them, and
 * the till would rather let the version that wrote them deliver them first.
 */
export function updateBlockReason({ pending, saleInProgress }: TillActivity): BlockReason | null {
  if (saleInProgress) return { kind: 'sale' };
  if (pending > 0) return { kind: 'outbox', count: pending };
  return null;
}

/**
 * A cashier signing out only hands the till to the next PIN: the device token keeps
 * pushing the outbox whoever is signed in, so unsent events do not block it. An open
 * sale does: it belongs to the cashier who rang it up.
 */
export function signOutBlockReason({ saleInProgress }: TillActivity): BlockReason | null {
  return saleInProgress ? { kind: 'sale' } : null;
}

/**
 * Forgetting the device wipes the till's database. With unsent events that would lose
 * sales the server has never seen, so it waits until the outbox is empty.
 */
export function forgetBlockReason(activity: TillActivity): BlockReason | null {
  return updateBlockReason(activity);
}
