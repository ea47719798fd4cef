import { setupRequestSchema, type SetupRequest } from '@shopbook/shared';
import { issuesToFieldErrors, type FieldErrors } from '../../forms/field-errors.ts';
import { percentToBasisPoints, toSetupRequest, type SetupForm } from './setup-form.ts';

// The issue → field-error mapping is shared by every form; re-exported for the wizard.
export { describeIssue, issuesToFieldErrors, pathKey } from '../../forms/field-errors.ts';
export type { FieldError, FieldErrors, SchemaIssue } from '../../forms/field-errors.ts';

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
