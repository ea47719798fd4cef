import { useI18n } from 'vue-i18n';
import { useSetupWizardStore } from './setup-wizard.store.ts';

/** `fieldError('stores.0.code')` → the translated message for that field, or ''. */
export function useFieldError() {
  const { t } = useI18n();
  const wizard = useSetupWizardStore();
  return (field: string): string => {
    const error = wizard.errors[field];
    if (!error) return '';
    return error.key ? t(`validation.${error.key}`, error.params ?? {}) : error.raw;
  };
}
