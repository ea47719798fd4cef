import { apiErrorSchema } from '@shopbook/shared';

/**
 * Any failed call to the API. `code` is the API's stable error code (see ERROR_CODES in
 * shared) or one of ours for failures that never reached it: `network` (no answer) and
 * `bad_response` (an answer that is not the JSON we expect). `status` is 0 for `network`.
 */
export class ApiRequestError extends Error {
  override readonly name = 'ApiRequestError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** Turns a non-2xx answer into an ApiRequestError, keeping whatever the API explained. */
export async function errorFromResponse(res: Response): Promise<ApiRequestError> {
  let body: unknown = undefined;
  try {
    body = await res.json();
  } catch {
    // not JSON (a proxy's HTML error page, an empty body): fall through
  }
  const parsed = apiErrorSchema.safeParse(body);
  if (parsed.success) {
    const { code, message, field } = parsed.data.error;
    return new ApiRequestError(res.status, code, message, field);
  }
  return new ApiRequestError(res.status, `http_${res.status}`, res.statusText || `HTTP ${res.status}`);
}

/** Whatever a call threw, as an ApiRequestError for the page to show. */
export function asApiError(err: unknown): ApiRequestError {
  return err instanceof ApiRequestError ? err : new ApiRequestError(0, 'internal', err instanceof Error ? err.message : String(err));
}
