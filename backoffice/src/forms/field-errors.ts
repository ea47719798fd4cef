import type { setupRequestSchema } from '@shopbook/shared';

/**
 * Zod issues from the shared schemas turned into field errors keyed by dotted path
 * (`stores.1.code`, `lines.0.qty`, `barcodes.2.barcode`): the same form the API's
 * `error.field` takes, so client and server errors land on the same input.
 */

type ParseResult = ReturnType<typeof setupRequestSchema.safeParse>;
/** A zod issue as the shared schemas produce it (zod is shared's dependency, not ours). */
export type SchemaIssue = NonNullable<ParseResult['error']>['issues'][number];

/**
 * A problem with one field, ready for translation: `key` names a message under
 * `validation.` with its `params`; `raw` is the schema's own English text, used when
 * no translation applies.
 */
export interface FieldError {
  key: string | null;
  params?: Record<string, number>;
  raw: string;
}

/** Field errors by dotted path. */
export type FieldErrors = Record<string, FieldError>;

// The shared schemas' custom messages and the catalogue keys that translate them.
const KNOWN_MESSAGES: Record<string, string> = {
  'currency must be an ISO 4217 code such as CNY': 'currencyFormat',
  'code may use letters, digits, dash and underscore': 'codeFormat',
  'username may use letters, digits, dot, dash and underscore': 'usernameFormat',
  'password must mix letters and digits': 'passwordMix',
  'store codes must be unique': 'storeCodesUnique',
  'central warehouse code clashes with a store code': 'centralCodeClash',
  'barcode is empty': 'required',
  'barcode may use letters, digits, dot, dash and slash': 'barcodeFormat',
  'barcode check digit is wrong': 'barcodeCheckDigit',
  'barcode listed twice': 'barcodeTwice',
  'pack quantity must be positive': 'packQtyPositive',
  'PLU must be 1 to 5 digits': 'pluFormat',
  'a weighed product is sold by kg or g': 'weighedUnit',
  'expiry is tracked per batch: turn on batch tracking': 'expiryNeedsBatch',
  'quantity must be a number with at most 3 decimals': 'quantityFormat',
  'quantity must not be zero': 'quantityNotZero',
  'found stock adds: quantity must be positive': 'quantityPositive',
  'unit cost must be a non-negative number of minor units with at most 4 decimals': 'unitCostFormat',
  'an adjustment needs at least one line': 'linesRequired',
  'a receipt needs at least one line': 'linesRequired',
  'a transfer needs at least one line': 'linesRequired',
  'quantity must be positive': 'quantityAboveZero',
  'qty must be greater than zero': 'quantityAboveZero',
  'qtyReceived must not be negative': 'quantityNotNegative',
  'must not be negative': 'quantityNotNegative',
  'maximum must not be below minimum': 'maxBelowMin',
  'toWarehouseId must differ from fromWarehouseId': 'sameWarehouse',
  'productionDate must be a date YYYY-MM-DD': 'dateFormat',
  'expiryDate must be a date YYYY-MM-DD': 'dateFormat',
};

// Messages that carry a value ("damage takes stock away: …").
const KNOWN_PATTERNS: [RegExp, string][] = [[/takes stock away: quantity must be negative$/, 'quantityNegative']];

export function pathKey(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

function knownKey(raw: string): string | null {
  return KNOWN_MESSAGES[raw] ?? KNOWN_PATTERNS.find(([re]) => re.test(raw))?.[1] ?? null;
}

export function describeIssue(issue: SchemaIssue): FieldError {
  const raw = issue.message;
  switch (issue.code) {
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? { key: 'required', raw } : { key: 'minLength', params: { min }, raw };
      if (issue.origin === 'array') return { key: knownKey(raw) ?? 'minItems', params: { min }, raw };
      return { key: 'numberRange', raw };
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return { key: 'maxLength', params: { max }, raw };
      if (issue.origin === 'array') return { key: 'maxItems', params: { max }, raw };
      return { key: 'numberRange', raw };
    }
    case 'invalid_type':
      return issue.input === undefined || issue.input === null ? { key: 'required', raw } : { key: null, raw };
    default:
      return { key: knownKey(raw), raw };
  }
}

/** The first issue per field wins: it is the one the schema checks first (e.g. "required" before a format). */
export function issuesToFieldErrors(issues: readonly SchemaIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const key = pathKey(issue.path);
    errors[key] ??= describeIssue(issue);
  }
  return errors;
}

/** The text to show for a field error, translated when we know the message. */
export function fieldErrorText(error: FieldError | undefined, t: (key: string, params?: Record<string, unknown>) => string): string {
  if (!error) return '';
  return error.key ? t(`validation.${error.key}`, error.params ?? {}) : error.raw;
}
