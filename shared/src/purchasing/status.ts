/**
 * The purchase order's life:
 *
 *   draft ─submit─▶ submitted ─approve─▶ approved ─send─▶ sent ─receipt─▶ partially_received ─receipt─▶ received ─close─▶ closed
 *     ▲               │  └─reject─▶ rejected                        (a return may step received back to partially_received)
 *     └────reopen─────┴──────────────┘                               partially_received ─close─▶ closed (the rest is not coming)
 *   draft, submitted, approved, rejected, sent ─cancel─▶ cancelled (nothing received yet)
 *
 * Submitting within the submitter's approval limit goes straight to approved.
 * Receipts move the order between sent, partially_received and received by themselves.
 */
export const PURCHASE_ORDER_STATUSES = [
  'draft',
  'submitted',
  'approved',
  'rejected',
  'sent',
  'partially_received',
  'received',
  'closed',
  'cancelled',
] as const;
export type PurchaseOrderStatus = (typeof PURCHASE_ORDER_STATUSES)[number];

/** The statuses each step starts from. */
export const PURCHASE_ORDER_STEPS = {
  edit: ['draft'],
  submit: ['draft'],
  approve: ['submitted'],
  reject: ['submitted'],
  reopen: ['submitted', 'rejected'],
  send: ['approved'],
  receive: ['sent', 'partially_received', 'received'],
  close: ['partially_received', 'received'],
  cancel: ['draft', 'submitted', 'approved', 'rejected', 'sent'],
} as const satisfies Record<string, readonly PurchaseOrderStatus[]>;
export type PurchaseOrderStep = keyof typeof PURCHASE_ORDER_STEPS;

export function canTakeStep(step: PurchaseOrderStep, status: PurchaseOrderStatus): boolean {
  return (PURCHASE_ORDER_STEPS[step] as readonly PurchaseOrderStatus[]).includes(status);
}

/**
 * Orders whose outstanding quantities count as stock on order for reorder suggestions.
 * Drafts count too, so turning suggestions into orders twice does not order twice;
 * rejected, closed and cancelled orders do not.
 */
export const OPEN_ORDER_STATUSES: readonly PurchaseOrderStatus[] = ['draft', 'submitted', 'approved', 'sent', 'partially_received'];

export interface ReceivingLine {
  /** Stock units ordered, thousandths. */
  ordered: number;
  /** Stock units accepted into stock so far, and returned to the supplier since. */
  accepted: number;
  returned: number;
}

/** Net received = accepted − returned; outstanding never goes below zero. */
export function outstandingQuantity(line: ReceivingLine): number {
  return Math.max(line.ordered - (line.accepted - line.returned), 0);
}

/** Where receipts and returns leave an order that is still being received. */
export function receivingStatus(lines: readonly ReceivingLine[]): 'sent' | 'partially_received' | 'received' {
  if (lines.length > 0 && lines.every((l) => outstandingQuantity(l) === 0)) return 'received';
  return lines.some((l) => l.accepted > 0) ? 'partially_received' : 'sent';
}
