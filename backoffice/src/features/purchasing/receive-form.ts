import {
  formatQuantity, parseQuantity, purchaseReceiptInputSchema, type PurchaseOrder, type PurchaseReceiptInput,
} from '@shopbook/shared';
import { issuesToFieldErrors, type FieldErrors } from '../../forms/field-errors.ts';
import { trimZeros } from '../../forms/money-input.ts';
import { foldSerialErrors, parseSerialsText, serialsTextProblem } from '../../forms/serials-text.ts';

/**
 * Receiving against a purchase order, in stock units. Each order line still expected
 * becomes a row prefilled with its outstanding quantity (the usual case: all of it
 * arrived); counting by scanning starts the rows from zero and each scan adds the
 * barcode's pack quantity. Accepted = received − rejected; rows left at zero are not sent.
 */
export interface ProductTraits {
  batchTracked: boolean;
  tracksExpiry: boolean;
  serialTracked?: boolean;
  /** Barcode → stock units it stands for (a case barcode counts 24). */
  barcodes: Record<string, string>;
}

export interface ReceiveLineForm {
  orderLineId: string;
  productId: string;
  sku: string;
  name: string;
  unit: string;
  ordered: string;
  outstanding: string;
  received: string;
  rejected: string;
  rejectReason: string;
  batchTracked: boolean;
  tracksExpiry: boolean;
  batchNo: string;
  productionDate: string;
  expiryDate: string;
  serialTracked: boolean;
  /** The accepted units' serials, as scanned or typed. */
  serials: string;
}

export interface ReceiveForm {
  orderId: string;
  warehouseId: string;
  reference: string;
  note: string;
  lines: ReceiveLineForm[];
}

function milli(text: string): number | null {
  const v = text.trim();
  if (!v) return 0;
  try {
    return parseQuantity(v);
  } catch {
    return null;
  }
}

/** Lines with something outstanding, prefilled with it. */
export function receiveFormFromOrder(order: PurchaseOrder, traits: Record<string, ProductTraits>): ReceiveForm {
  return {
    orderId: order.id,
    warehouseId: order.warehouseId,
    reference: '',
    note: '',
    lines: order.lines
      .filter((l) => (milli(l.qtyOutstanding) ?? 0) > 0)
      .map((l) => ({
        orderLineId: l.id,
        productId: l.productId,
        sku: l.sku,
        name: l.name,
        unit: l.unit,
        ordered: trimZeros(l.stockQty),
        outstanding: trimZeros(l.qtyOutstanding),
        received: trimZeros(l.qtyOutstanding),
        rejected: '',
        rejectReason: '',
        batchTracked: traits[l.productId]?.batchTracked ?? false,
        tracksExpiry: traits[l.productId]?.tracksExpiry ?? false,
        batchNo: '',
        productionDate: '',
        expiryDate: '',
        serialTracked: traits[l.productId]?.serialTracked ?? false,
        serials: '',
      })),
  };
}

/** Accepted as it stands: received − rejected; null while either is not a quantity. */
export function acceptedQty(line: Pick<ReceiveLineForm, 'received' | 'rejected'>): string | null {
  const r = milli(line.received);
  const x = milli(line.rejected);
  if (r === null || x === null) return null;
  return formatQuantity(r - x);
}

/** Every row back to zero, for counting by scanning. */
export function clearReceived(form: ReceiveForm): void {
  for (const l of form.lines) l.received = '';
}

/**
 * A scanned code: the row of the product it belongs to (the first one with something
 * still outstanding to fill, else the first) gets the barcode's pack quantity added.
 * Returns the row's index, or -1 for a code no line has.
 */
export function applyScan(form: ReceiveForm, code: string, traits: Record<string, ProductTraits>): number {
  const scanned = code.trim();
  const candidates = form.lines
    .map((l, i) => ({ l, i, pack: traits[l.productId]?.barcodes[scanned] }))
    .filter((c) => c.pack !== undefined);
  if (candidates.length === 0) return -1;
  const open = candidates.find((c) => (milli(c.l.received) ?? 0) < (milli(c.l.outstanding) ?? 0)) ?? candidates[0]!;
  const add = milli(open.pack!) ?? 1000;
  open.l.received = formatQuantity((milli(open.l.received) ?? 0) + add);
  return open.i;
}

/** The rows with something received, as the API wants them. Indexes map back to the form's rows. */
export function toReceiptRequest(form: ReceiveForm): { request: PurchaseReceiptInput; rows: number[] } {
  const rows: number[] = [];
  const lines = form.lines.flatMap((l, i) => {
    const received = milli(l.received);
    if (received === 0) return [];
    rows.push(i);
    return [{
      orderLineId: l.orderLineId,
      qtyReceived: l.received.trim(),
      qtyRejected: l.rejected.trim() || '0',
      rejectReason: l.rejectReason.trim(),
      batchNo: l.batchTracked && l.batchNo.trim() ? l.batchNo.trim() : null,
      productionDate: l.batchTracked && l.productionDate ? l.productionDate : null,
      expiryDate: l.batchTracked && l.expiryDate ? l.expiryDate : null,
      serials: l.serialTracked ? parseSerialsText(l.serials) : [],
    }];
  });
  return {
    request: { orderId: form.orderId, warehouseId: form.warehouseId, reference: form.reference.trim(), note: form.note.trim(), lines },
    rows,
  };
}

/** The shared schema (errors moved to the form's row numbers) and what only the product knows. */
export function validateReceive(form: ReceiveForm): { request: PurchaseReceiptInput | null; errors: FieldErrors } {
  const { request, rows } = toReceiptRequest(form);
  const parsed = purchaseReceiptInputSchema.safeParse(request);
  const errors: FieldErrors = {};
  if (!parsed.success) {
    for (const [key, e] of Object.entries(foldSerialErrors(issuesToFieldErrors(parsed.error.issues)))) {
      const m = /^lines\.(\d+)\.(.*)$/.exec(key);
      errors[m ? `lines.${rows[Number(m[1])]}.${m[2]}` : key] = e;
    }
  }
  form.lines.forEach((l, i) => {
    const at = (f: string) => `lines.${i}.${f}`;
    const received = milli(l.received);
    const rejected = milli(l.rejected);
    if (received === null) errors[at('received')] ??= { key: 'quantityFormat', raw: 'quantity must be a number with at most 3 decimals' };
    if (rejected === null) errors[at('rejected')] ??= { key: 'quantityFormat', raw: 'quantity must be a number with at most 3 decimals' };
    if (!received) return;
    const accepted = (received ?? 0) - (rejected ?? 0);
    if (l.batchTracked && accepted > 0 && !l.batchNo.trim()) errors[at('batchNo')] = { key: 'batchRequired', raw: 'batch number is required' };
    if (l.tracksExpiry && accepted > 0 && !l.expiryDate) errors[at('expiryDate')] = { key: 'expiryRequired', raw: 'expiry date is required' };
    const serialProblem = serialsTextProblem(l.serialTracked, formatQuantity(accepted), l.serials);
    if (serialProblem) errors[at('serials')] = { key: null, raw: serialProblem };
  });
  return { request: Object.keys(errors).length === 0 && parsed.success ? (parsed.data as PurchaseReceiptInput) : null, errors };
}

/** Maps the API's `lines.N.field` (request rows) back to the form's rows. */
export function apiFieldToForm(form: ReceiveForm, field: string): string {
  const { rows } = toReceiptRequest(form);
  const m = /^lines\.(\d+)\.(.*)$/.exec(field);
  return m && rows[Number(m[1])] !== undefined ? `lines.${rows[Number(m[1])]}.${m[2]}` : field;
}
