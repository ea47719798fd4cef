import { setupRequestSchema, type SetupRequest } from '@shopbook/shared';
import { percentToBasisPoints, toSetupRequest, type SetupForm } from './setup-form.ts';

type ParseResult = ReturnType<typeof setupRequestSchema.safeParse>;
/** A zod issue as the shared schema produces it (zod is shared's dependency, not ours). */
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

/** Field errors by dotted path, as the API names fields too: `stores.1.code`. */
export type FieldErrors = Record<string, FieldError>;

// The shared schema's custom messages and the catalogue keys that translate them.
const KNOWN_MESSAGES: Record<string, string> = {
  'currency must be an ISO 4217 code such as CNY': 'currencyFormat',
  'code may use letters, digits, dash and underscore': 'codeFormat',
  'username may use letters, digits, dot, dash and underscore': 'usernameFormat',
  'password must mix letters and digits': 'passwordMix',
  'store codes must be unique': 'storeCodesUnique',
  'central warehouse code clashes with a store code': 'centralCodeClash',
};

export function pathKey(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

export function describeIssue(issue: SchemaIssue): FieldError {
  const raw = issue.message;
  switch (issue.code) {
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? { key: 'required', raw } : { key: 'minLength', params: { min }, raw };
      if (issue.origin === 'array') return { key: 'minItems', params: { min }, raw };
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
      return { key: KNOWN_MESSAGES[raw] ?? null, raw };
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

export interface SetupValidation {
  /** Present only when the whole form is valid. */
  request: SetupRequest | null;
  errors: FieldErrors;
}

/**
 * Validates the form with the same schema the API uses, plus the checks only a form
 * has: the password typed twice, and percentages that must parse before the schema
 * can judge them.
 */
export function validateSetup(form: SetupForm): SetupValidation {
  const request = toSetupRequest(form);
  const parsed = setupRequestSchema.safeParse(request);
  const errors = parsed.success ? {} : issuesToFieldErrors(parsed.error.issues);

  form.taxRates.forEach((rate, i) => {
    if (percentToBasisPoints(rate.percent) === null) {
      errors[`taxRates.${i}.rateBasisPoints`] = { key: 'percent', raw: 'not a percentage' };
    }
  });
  if (form.owner.password !== form.owner.passwordConfirm) {
    errors['owner.passwordConfirm'] = { key: 'passwordsDiffer', raw: 'the two passwords differ' };
  }
  const ok = Object.keys(errors).length === 0;
  // Send what the schema produced: trimmed text and its defaults filled in.
  return { request: ok && parsed.success ? parsed.data : null, errors };
}
