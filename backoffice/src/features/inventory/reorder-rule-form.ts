import { formatQuantity, parseQuantity, stockRuleInputSchema } from '@shopbook/shared';
import { issuesToFieldErrors, type FieldErrors } from '../../forms/field-errors.ts';

/**
 * One reorder rule (product × warehouse): reorder at or below `reorderPoint`, keep at
 * least `minQty`, order up to `maxQty` (the low-stock list suggests max − on hand).
 * The API takes a list of rules; the form edits one.
 */
export interface ReorderRuleForm {
  productId: string;
  /** "SKU name", for the dialog's title; not sent. */
  productLabel: string;
  warehouseId: string;
  reorderPoint: string;
  minQty: string;
  maxQty: string;
  /** Aisle-shelf-bin in this warehouse; left empty, the one on record is kept. */
  location: string;
}

export interface ReorderRuleRequest {
  rules: { productId: string; warehouseId: string; reorderPoint: string; minQty: string; maxQty: string; location?: string }[];
}

/** What is known of the current rule: the low-stock list has all three, a stock level only the reorder point. */
export interface KnownRule {
  productId: string;
  productLabel: string;
  warehouseId: string;
  reorderPoint?: string | null;
  minQty?: string | null;
  maxQty?: string | null;
}

const shown = (q: string | null | undefined): string => {
  if (q === null || q === undefined || q === '') return '';
  try {
    return formatQuantity(parseQuantity(q));
  } catch {
    return q;
  }
};

export function ruleFormFrom(known: KnownRule | null, warehouseId = ''): ReorderRuleForm {
  return {
    productId: known?.productId ?? '',
    productLabel: known?.productLabel ?? '',
    warehouseId: known?.warehouseId ?? warehouseId,
    reorderPoint: shown(known?.reorderPoint),
    minQty: shown(known?.minQty),
    maxQty: shown(known?.maxQty),
    location: '',
  };
}

export function toRuleRequest(form: ReorderRuleForm): ReorderRuleRequest {
  return {
    rules: [
      {
        productId: form.productId,
        warehouseId: form.warehouseId,
        reorderPoint: form.reorderPoint.trim(),
        minQty: form.minQty.trim(),
        maxQty: form.maxQty.trim(),
        ...(form.location.trim() ? { location: form.location.trim() } : {}),
      },
    ],
  };
}

/** 'rules.0.maxQty' (schema and API) → 'maxQty' (the form's field). */
export function ruleField(path: string): string {
  return path.replace(/^rules\.0\./, '');
}

export function validateRule(form: ReorderRuleForm): { request: ReorderRuleRequest | null; errors: FieldErrors } {
  const request = toRuleRequest(form);
  const parsed = stockRuleInputSchema.safeParse(request);
  const errors: FieldErrors = {};
  if (!parsed.success) {
    for (const [path, error] of Object.entries(issuesToFieldErrors(parsed.error.issues))) errors[ruleField(path)] ??= error;
  }
  if (!form.productId) errors.productId = { key: 'required', raw: 'product is required' };
  if (!form.warehouseId) errors.warehouseId = { key: 'required', raw: 'warehouse is required' };
  for (const field of ['reorderPoint', 'minQty', 'maxQty'] as const) {
    if (!form[field].trim()) errors[field] = { key: 'required', raw: `${field} is required` };
    else if (form[field].trim().startsWith('-')) errors[field] = { key: 'quantityNotNegative', raw: 'must not be negative' };
  }
  const ok = Object.keys(errors).length === 0;
  return { request: ok && parsed.success ? request : null, errors };
}
