/**
 * Business-rule refusals at the till. Programmer errors (a fractional amount, a
 * negative quantity) stay RangeErrors as in money/; a SalesError is something the
 * cashier did that the screen should explain, so it carries a stable code the UI can
 * translate instead of parsing a message.
 */
export const SALES_ERROR_CODES = [
  'unknown_line',
  'reason_required',
  'reason_too_long',
  'empty_sale',
  'payment_incomplete',
  'overpaid_non_cash',
  'invalid_amount',
  'tendered_below_amount',
  'points_uncounted',
  'return_exceeds_sold',
  'approval_required',
  'refund_mismatch',
  'serial_invalid',
  'serial_in_cart',
  'serial_quantity',
  'unknown_serial',
] as const;
export type SalesErrorCode = (typeof SALES_ERROR_CODES)[number];

export class SalesError extends Error {
  override readonly name = 'SalesError';
  readonly code: SalesErrorCode;
  /** The input the refusal is about, e.g. `payments.1.amount`, when there is one. */
  readonly field: string | undefined;

  constructor(code: SalesErrorCode, message: string, field?: string) {
    super(message);
    this.code = code;
    this.field = field;
  }
}
