import { formatQuantity, parseQuantity, purchaseReturnInputSchema, type PurchaseReceipt, type PurchaseReturnInput } from '@shopbook/shared';
import { issuesToFieldErrors, type FieldErrors } from '../../forms/field-errors.ts';

/**
 * Sending accepted goods of a receipt back to the supplier: per line what is left to
 * return (accepted − returned), the quantity as typed, or for serial-tracked goods the
 * units ticked. Lines left at nothing are not sent.
 */
export interface ReturnLineForm {
  receiptLineId: string;
  sku: string;
  name: string;
  left: string;
  qty: string;
  /** Serial-tracked lines: the units still here, and those ticked to go back. */
  serialsLeft: string[];
  serials: string[];
  reason: string;
}

export interface ReturnForm {
  receiptId: string;
  reason: string;
  note: string;
  lines: ReturnLineForm[];
}

export function returnFormFrom(receipt: PurchaseReceipt): ReturnForm {
  return {
    receiptId: receipt.id, reason: '', note: '',
    lines: receipt.lines
      .map((l) => ({ l, left: parseQuantity(l.qtyAccepted) - parseQuantity(l.qtyReturned) }))
      .filter(({ left }) => left > 0)
      .map(({ l, left }) => ({ receiptLineId: l.id, sku: l.sku, name: l.name, left: formatQuantity(left), qty: '', serialsLeft: [...l.serials], serials: [], reason: '' })),
  };
}

/** The quantity a line sends back: its ticked serials, or what was typed. */
const qtyOf = (l: ReturnLineForm) => (l.serialsLeft.length ? String(l.serials.length) : l.qty.trim());

export function validateReturn(form: ReturnForm): { request: PurchaseReturnInput | null; errors: FieldErrors } {
  const sent = form.lines.map((l, i) => ({ l, i })).filter(({ l }) => qtyOf(l) !== '' && qtyOf(l) !== '0');
  const request: PurchaseReturnInput = {
    receiptId: form.receiptId, reason: form.reason.trim(), note: form.note.trim(),
    lines: sent.map(({ l }) => ({ receiptLineId: l.receiptLineId, qty: qtyOf(l), reason: l.reason.trim(), serials: l.serials })),
  };
  const parsed = purchaseReturnInputSchema.safeParse(request);
  const errors: FieldErrors = {};
  if (!parsed.success) {
    for (const [key, e] of Object.entries(issuesToFieldErrors(parsed.error.issues))) {
      const m = /^lines\.(\d+)\.(.*)$/.exec(key);
      errors[m && sent[Number(m[1])] ? `lines.${sent[Number(m[1])]!.i}.${m[2]}` : key] = e;
    }
  }
  sent.forEach(({ l, i }) => {
    try {
      if (parseQuantity(qtyOf(l)) > parseQuantity(l.left)) errors[`lines.${i}.qty`] = { key: null, raw: `only ${l.left} is left to return` };
    } catch {
      errors[`lines.${i}.qty`] ??= { key: 'quantityFormat', raw: 'not a quantity' };
    }
  });
  return { request: Object.keys(errors).length === 0 && parsed.success ? (parsed.data as PurchaseReturnInput) : null, errors };
}
