import { computed, ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { asApiError, type ApiRequestError } from '../api/errors.ts';
import { fieldErrorText, type FieldErrors } from './field-errors.ts';

/**
 * The errors a form shows: its own validation once the user tried to save, plus the
 * API's answer on the field it names (`lines.1.batchNo`). `mapApiField` translates the
 * API's path when the form's differs (a form editing `rules.0`).
 */
export function useFormErrors(validationErrors: () => FieldErrors, mapApiField: (field: string) => string = (f) => f) {
  const { t } = useI18n();
  const submitted = ref(false);
  const apiError = ref<ApiRequestError | null>(null);

  const errors = computed<FieldErrors>(() => {
    const shown: FieldErrors = submitted.value ? { ...validationErrors() } : {};
    const api = apiError.value;
    if (api?.field) {
      const key = mapApiField(api.field);
      if (!shown[key]) shown[key] = { key: null, raw: api.message };
    }
    return shown;
  });

  const err = (field: string): string => fieldErrorText(errors.value[field], t);

  function reset(): void {
    submitted.value = false;
    apiError.value = null;
  }

  function fail(e: unknown): void {
    apiError.value = asApiError(e);
  }

  return { submitted, apiError, errors, err, reset, fail };
}
