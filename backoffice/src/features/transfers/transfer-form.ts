import {
  formatQuantity, parseQuantity, transferReceiveRequestSchema, transferRequestSchema,
  type Product, type Transfer, type TransferReceiveRequest, type TransferRequest,
} from '@shopbook/shared';
import { issuesToFieldErrors, type FieldErrors } from '../../forms/field-errors.ts';
import { foldSerialErrors, parseSerialsText, serialsTextProblem } from '../../forms/serials-text.ts';

/**
 * A transfer draft (from → to, lines) and the receiving form (what arrived per line).
 * Lines travel first-expiry-first-out: the draft names no batch, the API picks them
 * when it ships.
 */
export interface TransferLineForm {
  uid: number;
  productId: string;
  sku: string;
  name: string;
  unit: string;
  qty: string;
  serialTracked: boolean;
  /** The units sent, as scanned or typed. */
  serials: string;
}

export interface TransferForm {
  fromWarehouseId: string;
  toWarehouseId: string;
  note: string;
  lines: TransferLineForm[];
}

let nextUid = 1;

export function emptyTransferForm(fromWarehouseId = ''): TransferForm {
  return { fromWarehouseId, toWarehouseId: '', note: '', lines: [] };
}

export function transferLineFromProduct(p: Product): TransferLineForm {
  return { uid: nextUid++, productId: p.id, sku: p.sku, name: p.name, unit: p.unit, qty: '', serialTracked: p.serialTracked, serials: '' };
}

export function toTransferRequest(form: TransferForm): TransferRequest {
  return {
    fromWarehouseId: form.fromWarehouseId,
    toWarehouseId: form.toWarehouseId,
    note: form.note,
    lines: form.lines.map((l) => ({ productId: l.productId, batchId: null, qty: l.qty.trim(), serials: l.serialTracked ? parseSerialsText(l.serials) : [] })),
  };
}

export interface Validation<T> {
  request: T | null;
  errors: FieldErrors;
}

export function validateTransfer(form: TransferForm): Validation<TransferRequest> {
  const parsed = transferRequestSchema.safeParse(toTransferRequest(form));
  const errors = parsed.success ? {} : foldSerialErrors(issuesToFieldErrors(parsed.error.issues));
  if (!form.fromWarehouseId) errors.fromWarehouseId = { key: 'required', raw: 'source warehouse is required' };
  if (!form.toWarehouseId) errors.toWarehouseId = { key: 'required', raw: 'destination warehouse is required' };
  form.lines.forEach((l, i) => {
    if (!l.qty.trim()) errors[`lines.${i}.qty`] = { key: 'required', raw: 'quantity is required' };
    const serialProblem = serialsTextProblem(l.serialTracked, l.qty, l.serials);
    if (serialProblem) errors[`lines.${i}.serials`] = { key: null, raw: serialProblem };
  });
  const ok = Object.keys(errors).length === 0;
  return { request: ok && parsed.success ? (parsed.data as TransferRequest) : null, errors };
}

/** What arrived, per line id, as typed. Starts at what was shipped: the usual case is "all of it". */
export type ReceiveForm = Record<string, string>;
/** Serial-tracked lines: the units that arrived, per line id; starts at every unit sent. */
export type ReceiveSerialsForm = Record<string, string>;

export function receiveFormFrom(transfer: Pick<Transfer, 'lines'>): ReceiveForm {
  return Object.fromEntries(transfer.lines.map((l) => [l.id, l.qtyShipped === null ? '' : formatQuantity(parseQuantity(l.qtyShipped))]));
}

export function receiveSerialsFrom(transfer: Pick<Transfer, 'lines'>): ReceiveSerialsForm {
  return Object.fromEntries(transfer.lines.filter((l) => l.serials.length > 0).map((l) => [l.id, l.serials.join('\n')]));
}

export function validateReceive(transfer: Pick<Transfer, 'lines'>, form: ReceiveForm, serials: ReceiveSerialsForm = {}): Validation<TransferReceiveRequest> {
  const request: TransferReceiveRequest = {
    lines: transfer.lines.map((l) => ({
      lineId: l.id,
      qtyReceived: (form[l.id] ?? '').trim(),
      ...(l.serials.length > 0 ? { serials: parseSerialsText(serials[l.id] ?? '') } : {}),
    })),
  };
  const parsed = transferReceiveRequestSchema.safeParse(request);
  const errors = parsed.success ? {} : foldSerialErrors(issuesToFieldErrors(parsed.error.issues));
  request.lines.forEach((l, i) => {
    if (!l.qtyReceived) errors[`lines.${i}.qtyReceived`] = { key: 'required', raw: 'received quantity is required' };
    const serialProblem = l.serials ? serialsTextProblem(true, l.qtyReceived, serials[l.lineId] ?? '') : null;
    if (serialProblem) errors[`lines.${i}.serials`] = { key: null, raw: serialProblem };
  });
  const ok = Object.keys(errors).length === 0;
  return { request: ok && parsed.success ? (parsed.data as TransferReceiveRequest) : null, errors };
}

export type DiscrepancyKind = 'exact' | 'short' | 'over' | 'unknown';

export interface Discrepancy {
  kind: DiscrepancyKind;
  /** received − shipped, signed: '-2', '+1', '0'; '' when unknown. */
  signed: string;
  /** How much is missing or extra, without a sign: '2'. */
  amount: string;
}

/**
 * received − shipped, for the receiving form (what is typed) and the received
 * transfer (what the API recorded). A shortfall is booked as a loss in transit, an
 * overage as stock found, so both must be unmistakable before confirming.
 */
export function discrepancyOf(shipped: string | null, received: string | null): Discrepancy {
  const unknown: Discrepancy = { kind: 'unknown', signed: '', amount: '' };
  if (shipped === null || received === null || received.trim() === '') return unknown;
  let diff: number;
  try {
    diff = parseQuantity(received.trim()) - parseQuantity(shipped.trim());
  } catch {
    return unknown;
  }
  if (diff === 0) return { kind: 'exact', signed: '0', amount: '0' };
  const amount = formatQuantity(Math.abs(diff));
  return diff < 0 ? { kind: 'short', signed: `-${amount}`, amount } : { kind: 'over', signed: `+${amount}`, amount };
}

/** Lines of a receiving form that differ from what was shipped. */
export function discrepancyCount(transfer: Pick<Transfer, 'lines'>, form: ReceiveForm): number {
  return transfer.lines.filter((l) => {
    const kind = discrepancyOf(l.qtyShipped, form[l.id] ?? '').kind;
    return kind === 'short' || kind === 'over';
  }).length;
}
