import { lineCostMinor, parseQuantity, parseUnitCost4, receiptRequestSchema, type Product, type ReceiptRequest } from '@shopbook/shared';
import { addDays, isIsoDate } from '../../forms/dates.ts';
import { issuesToFieldErrors, type FieldErrors } from '../../forms/field-errors.ts';
import { costInputToMinor, moneyToInput } from '../../forms/money-input.ts';
import { foldSerialErrors, parseSerialsText, serialsTextProblem } from '../../forms/serials-text.ts';

/**
 * A goods receipt as people fill it in: quantities and costs as typed, the cost in
 * major units ("2.80" yuan), batch fields only for batch-tracked products. The pure
 * mapping to the wire request is tested on its own; the shared schema then validates
 * it exactly as the API will.
 */
export interface ReceiptLineForm {
  uid: number;
  productId: string;
  sku: string;
  name: string;
  unit: string;
  batchTracked: boolean;
  tracksExpiry: boolean;
  shelfLifeDays: number | null;
  qty: string;
  /** Major units, as typed: "2.80". */
  unitCost: string;
  batchNo: string;
  /** 'YYYY-MM-DD' or ''. */
  productionDate: string;
  expiryDate: string;
  serialTracked: boolean;
  /** As scanned or typed: one per line, or separated by commas or spaces. */
  serials: string;
}

export interface ReceiptForm {
  warehouseId: string;
  reference: string;
  note: string;
  lines: ReceiptLineForm[];
}

let nextUid = 1;

export function emptyReceiptForm(warehouseId = ''): ReceiptForm {
  return { warehouseId, reference: '', note: '', lines: [] };
}

/** A new line for a picked product; the cost starts at its purchase price. */
export function lineFromProduct(p: Product, decimals: number): ReceiptLineForm {
  return {
    uid: nextUid++,
    productId: p.id,
    sku: p.sku,
    name: p.name,
    unit: p.unit,
    batchTracked: p.batchTracked,
    tracksExpiry: p.tracksExpiry,
    shelfLifeDays: p.shelfLifeDays,
    qty: '',
    unitCost: p.purchasePrice > 0 ? moneyToInput(p.purchasePrice, decimals) : '',
    batchNo: '',
    productionDate: '',
    expiryDate: '',
    serialTracked: p.serialTracked,
    serials: '',
  };
}

/** Production date + shelf life, when both are known. */
export function suggestedExpiry(line: Pick<ReceiptLineForm, 'productionDate' | 'shelfLifeDays'>): string | null {
  if (!line.productionDate || line.shelfLifeDays === null) return null;
  return addDays(line.productionDate, line.shelfLifeDays);
}

export function toReceiptRequest(form: ReceiptForm, decimals: number): ReceiptRequest {
  return {
    warehouseId: form.warehouseId,
    supplierId: null,
    reference: form.reference,
    note: form.note,
    lines: form.lines.map((l) => ({
      productId: l.productId,
      qty: l.qty.trim(),
      // An unparseable cost is sent as typed so the schema reports it on the line.
      unitCost: costInputToMinor(l.unitCost, decimals) ?? l.unitCost.trim(),
      batchNo: l.batchTracked && l.batchNo.trim() ? l.batchNo.trim() : null,
      productionDate: l.batchTracked && l.productionDate ? l.productionDate : null,
      expiryDate: l.batchTracked && l.expiryDate ? l.expiryDate : null,
      serials: l.serialTracked ? parseSerialsText(l.serials) : [],
    })),
  };
}

export interface ReceiptValidation {
  request: ReceiptRequest | null;
  errors: FieldErrors;
}

/** The shared schema plus what only the product knows (batch and expiry required). */
export function validateReceipt(form: ReceiptForm, decimals: number): ReceiptValidation {
  const request = toReceiptRequest(form, decimals);
  const parsed = receiptRequestSchema.safeParse(request);
  const errors = parsed.success ? {} : foldSerialErrors(issuesToFieldErrors(parsed.error.issues));
  if (!form.warehouseId) errors.warehouseId = { key: 'required', raw: 'warehouse is required' };
  form.lines.forEach((l, i) => {
    const at = (field: string) => `lines.${i}.${field}`;
    if (!l.qty.trim()) errors[at('qty')] = { key: 'required', raw: 'quantity is required' };
    if (!l.unitCost.trim()) errors[at('unitCost')] = { key: 'required', raw: 'unit cost is required' };
    else if (costInputToMinor(l.unitCost, decimals) === null) errors[at('unitCost')] = { key: 'costFormat', raw: 'not a unit cost' };
    if (l.batchTracked && !l.batchNo.trim()) errors[at('batchNo')] = { key: 'batchRequired', raw: 'batch number is required' };
    if (l.tracksExpiry && !l.expiryDate) errors[at('expiryDate')] = { key: 'expiryRequired', raw: 'expiry date is required' };
    const serialProblem = serialsTextProblem(l.serialTracked, l.qty, l.serials);
    if (serialProblem) errors[at('serials')] = { key: null, raw: serialProblem };
    if (l.productionDate && !isIsoDate(l.productionDate)) errors[at('productionDate')] = { key: 'dateFormat', raw: 'not a date' };
    if (l.productionDate && l.expiryDate && l.expiryDate < l.productionDate) {
      errors[at('expiryDate')] = { key: 'expiryBeforeProduction', raw: 'expiry is before production' };
    }
  });
  const ok = Object.keys(errors).length === 0;
  return { request: ok && parsed.success ? (parsed.data as ReceiptRequest) : null, errors };
}

/** Quantity × unit cost in minor units, rounded half-up; null while either is not a number. */
export function lineValue(line: Pick<ReceiptLineForm, 'qty' | 'unitCost'>, decimals: number): number | null {
  const cost = costInputToMinor(line.unitCost, decimals);
  if (cost === null || !line.qty.trim()) return null;
  try {
    return lineCostMinor(parseQuantity(line.qty.trim()), parseUnitCost4(cost));
  } catch {
    return null;
  }
}

/** The receipt's value so far (lines not yet valid count as nothing). */
export function receiptTotal(form: ReceiptForm, decimals: number): number {
  return form.lines.reduce((sum, l) => sum + (lineValue(l, decimals) ?? 0), 0);
}
