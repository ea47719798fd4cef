import { ApiRequestError } from './errors.ts';

type Translate = (key: string) => string;

/**
 * The text to show for a failed call. The API's own messages are specific ("wrong
 * username or password", "company.name: company name is required") and shown as they
 * are; failures that never reached the API get a translated sentence instead.
 */
export function describeError(err: unknown, t: Translate): string {
  if (err instanceof ApiRequestError) {
    if (err.code === 'network') return t('common.networkError');
    if (err.code === 'bad_response') return t('common.badResponse');
    return err.message || t('common.unexpectedError');
  }
  return t('common.unexpectedError');
}
