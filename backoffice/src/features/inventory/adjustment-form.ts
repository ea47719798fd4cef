import {
  ADJUSTMENT_SIGNS,
  adjustmentRequestSchema,
  type AdjustmentReason,
  type AdjustmentRequest,
  type QuantitySign,
} from '@shopbook/shared';
import { issuesToFieldErrors, type FieldErrors } from '../../forms/field-errors.ts';
import { costInputToMinor } from '../../forms/money-input.ts';
import { foldSerialErrors, parseSerialsText, serialsTextProblem } from '../../forms/serials-text.ts';

export interface AdjustmentLineForm {
  uid: number;
  productId: string;
  sku: string;
  name: string;
  unit: string;
  /** As typed. For reasons that only take stock away it is the amount removed: "2" means -2. */
  qty: string;
  /** Optional, in major units ("3.50"); only stock coming in takes a cost. */
  unitCost: string;
  /** Serial-tracked products: the units found or written off, as scanned or typed. */
  serialTracked?: boolean;
  serials?: string;
}

export interface AdjustmentForm {
  warehouseId: string;
  reason: AdjustmentReason;
  note: string;
  lines: AdjustmentLineForm[];
}

let nextUid = 1;
export const newLineUid = (): number => nextUid++;

export function emptyAdjustmentForm(warehouseId = ''): AdjustmentForm {
  return { warehouseId, reason: 'found', note: '', lines: [] };
}

export function reasonSign(reason: AdjustmentReason): QuantitySign {
  return ADJUSTMENT_SIGNS[reason];
}

/**
 * The signed quantity to send. Damage, loss, expiry and own use only take stock away,
 * so people type how much went ("2") and we send -2; a minus they typed anyway is
 * kept. Found stock and corrections are sent as typed, so a negative "found" is
 * refused by the schema with a message rather than silently flipped.
 */
export function signedQuantity(reason: AdjustmentReason, typed: string): string {
  const q = typed.trim().replace(/^\+/, '');
  if (q === '' || reasonSign(reason) !== 'negative' || q.startsWith('-')) return q;
  return `-${q}`;
}

/** Whether a line brings stock in and so may carry a unit cost. */
export function lineTakesCost(reason: AdjustmentReason, typed: string): boolean {
  const q = signedQuantity(reason, typed);
  return reasonSign(reason) !== 'negative' && !q.startsWith('-');
}

export function toAdjustmentRequest(form: AdjustmentForm, decimals: number): AdjustmentRequest {
  return {
    warehouseId: form.warehouseId,
    reason: form.reason,
    note: form.note,
    lines: form.lines.map((l) => {
      const line: AdjustmentRequest['lines'][number] = { productId: l.productId, batchId: null, qty: signedQuantity(form.reason, l.qty) };
      if (l.serialTracked) line.serials = parseSerialsText(l.serials ?? '');
      if (l.unitCost.trim() !== '' && lineTakesCost(form.reason, l.qty)) {
        // An unparseable cost is sent as typed so the schema reports it on the line.
        line.unitCost = costInputToMinor(l.unitCost, decimals) ?? l.unitCost;
      }
      return line;
    }),
  };
}

export interface AdjustmentValidation {
  request: AdjustmentRequest | null;
  errors: FieldErrors;
}

/** Validates with the schema the API runs; errors are keyed like the API's (`lines.0.qty`). */
export function validateAdjustment(form: AdjustmentForm, decimals: number): AdjustmentValidation {
  const request = toAdjustmentRequest(form, decimals);
  const parsed = adjustmentRequestSchema.safeParse(request);
  const errors = parsed.success ? {} : foldSerialErrors(issuesToFieldErrors(parsed.error.issues));
  if (!form.warehouseId) errors.warehouseId = { key: 'required', raw: 'warehouse is required' };
  form.lines.forEach((l, i) => {
    const serialProblem = serialsTextProblem(l.serialTracked ?? false, l.qty, l.serials ?? '');
    if (serialProblem) errors[`lines.${i}.serials`] = { key: null, raw: serialProblem };
    if (l.qty.trim() === '') errors[`lines.${i}.qty`] = { key: 'required', raw: 'quantity is required' };
    if (l.unitCost.trim() !== '' && lineTakesCost(form.reason, l.qty) && costInputToMinor(l.unitCost, decimals) === null) {
      errors[`lines.${i}.unitCost`] = { key: 'costFormat', raw: 'not a unit cost' };
    }
  });
  const ok = Object.keys(errors).length === 0;
  return { request: ok && parsed.success ? (parsed.data as AdjustmentRequest) : null, errors };
}
