import { defineStore } from 'pinia';
import { computed, reactive, ref } from 'vue';
import { ApiRequestError } from '../../api/client.ts';
import { defaultSetupForm, newStore, newUid, type DefaultTaxNames } from './setup-form.ts';
import { setupApi } from './setup.api.ts';
import { SETUP_STEPS, stepOfField } from './setup-steps.ts';
import { validateSetup, type FieldError, type FieldErrors } from './setup-validation.ts';

export type SubmitOutcome = 'done' | 'invalid' | 'failed';

export const useSetupWizardStore = defineStore('setupWizard', () => {
  const form = reactive(defaultSetupForm({ standard: '', reduced: '', services: '', zero: '' }));
  const step = ref(0);
  const submitting = ref(false);
  /** The API's refusal, shown above the form and, when it names a field, at that field. */
  const apiError = ref<ApiRequestError | null>(null);
  /** Steps the user tried to leave (or submit); only their errors are shown. */
  const checkedSteps = ref<number[]>([]);

  // Re-validated on every edit, so a shown error disappears as soon as it is fixed.
  const validation = computed(() => validateSetup(form));

  const errors = computed<FieldErrors>(() => {
    const shown: FieldErrors = {};
    for (const [field, error] of Object.entries(validation.value.errors)) {
      if (checkedSteps.value.includes(stepOfField(field))) shown[field] = error;
    }
    const api = apiError.value;
    if (api?.field && !shown[api.field]) shown[api.field] = { key: null, raw: api.message };
    return shown;
  });

  const isLast = computed(() => step.value === SETUP_STEPS.length - 1);

  function initDefaults(taxNames: DefaultTaxNames): void {
    // Names follow the language the wizard was opened in; the user may rename them.
    form.taxRates.forEach((rate, i) => {
      if (rate.name === '') rate.name = [taxNames.standard, taxNames.reduced, taxNames.services, taxNames.zero][i] ?? '';
    });
  }

  function errorsOfStep(index: number): string[] {
    return Object.keys(validation.value.errors).filter((f) => stepOfField(f) === index);
  }

  function markChecked(index: number): void {
    if (!checkedSteps.value.includes(index)) checkedSteps.value.push(index);
  }

  function next(): boolean {
    markChecked(step.value);
    if (errorsOfStep(step.value).length > 0) return false;
    if (!isLast.value) step.value += 1;
    return true;
  }

  function prev(): void {
    if (step.value > 0) step.value -= 1;
  }

  function goTo(index: number): void {
    // Going back is always fine; going forward only through steps that pass.
    while (step.value < index && next());
    if (index < step.value) step.value = index;
  }

  function addStore(): void {
    form.stores.push(newStore(form.stores.length));
  }
  function removeStore(index: number): void {
    form.stores.splice(index, 1);
  }
  function addTaxRate(): void {
    form.taxRates.push({ uid: newUid(), name: '', percent: '' });
  }
  function removeTaxRate(index: number): void {
    form.taxRates.splice(index, 1);
  }

  async function submit(): Promise<SubmitOutcome> {
    SETUP_STEPS.forEach((_, i) => markChecked(i));
    apiError.value = null;
    const { request, errors: all } = validation.value;
    if (!request) {
      const first = Math.min(...Object.keys(all).map(stepOfField).filter((i) => i >= 0));
      if (Number.isFinite(first)) step.value = first;
      return 'invalid';
    }
    submitting.value = true;
    try {
      await setupApi.run(request);
      // Do not keep the owner's password in memory once it has been sent.
      form.owner.password = '';
      form.owner.passwordConfirm = '';
      return 'done';
    } catch (err) {
      apiError.value = err instanceof ApiRequestError ? err : new ApiRequestError(0, 'internal', String(err));
      const at = apiError.value.field ? stepOfField(apiError.value.field) : -1;
      if (at >= 0) step.value = at;
      return 'failed';
    } finally {
      submitting.value = false;
    }
  }

  return {
    form,
    step,
    submitting,
    apiError,
    errors,
    isLast,
    initDefaults,
    next,
    prev,
    goTo,
    addStore,
    removeStore,
    addTaxRate,
    removeTaxRate,
    submit,
  };
});

export type { FieldError };
