import type { ErrorCode } from '@shopbook/shared';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';

/**
 * A failure the caller can act on. Domain code throws these with a stable `code`;
 * only the HTTP layer turns the code into a status.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const STATUS_OF: Record<ErrorCode, ContentfulStatusCode> = {
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  setup_required: 409,
  setup_done: 409,
  unprocessable: 422,
  rate_limited: 429,
  internal: 500,
};

export function errorBody(code: ErrorCode, message: string, field?: string) {
  return { error: field === undefined ? { code, message } : { code, message, field } };
}

/** The first issue names the field, dotted (`stores.0.code`), so a form can point at it. */
export function fromZodError(error: ZodError, where?: string) {
  const issue = error.issues[0];
  const field = issue?.path.map(String).join('.') || where || '';
  const message = issue ? (field ? `${field}: ${issue.message}` : issue.message) : 'invalid input';
  return errorBody('validation_failed', message, field || undefined);
}
