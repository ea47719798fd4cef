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
 * Signing out ends the session whose token pushes the outbox; the events would wait for
 * the next cashier and, worse, the till may be switched off believing all is sent.
 */
export function signOutBlockReason({ pending, saleInProgress }: TillActivity): BlockReason | null {
  return updateBlockReason({ pending, saleInProgress });
}
