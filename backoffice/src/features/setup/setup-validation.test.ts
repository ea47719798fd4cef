import { setupRequestSchema } from '@shopbook/shared';
import { describe, expect, it } from 'vitest';
import { defaultSetupForm, newStore, percentToBasisPoints, type SetupForm } from './setup-form.ts';
import { stepOfField } from './setup-steps.ts';
import { issuesToFieldErrors, validateSetup } from './setup-validation.ts';

const names = { standard: 'VAT 13%', reduced: 'VAT 9%', services: 'VAT 6%', zero: 'Zero' };

function validForm(): SetupForm {
  const form = defaultSetupForm(names);
  form.company.name = 'Green Grocer Ltd';
  form.stores[0]!.name = 'Main street';
  form.stores[0]!.warehouseName = 'Main street stockroom';
  form.owner = { username: 'boss', displayName: 'The Boss', password: 'secret123', passwordConfirm: 'secret123' };
  return form;
}

describe('validateSetup', () => {
  it('accepts a complete form and builds the request the API expects', () => {
    const { request, errors } = validateSetup(validForm());
    expect(errors).toEqual({});
    expect(request).toEqual({
      company: { name: 'Green Grocer Ltd', taxNumber: '', currency: 'CNY', pricesIncludeTax: true },
      stores: [{ code: 'S01', name: 'Main street', warehouseName: 'Main street stockroom' }],
      centralWarehouse: null,
      taxRates: [
        { name: 'VAT 13%', rateBasisPoints: 1300 },
        { name: 'VAT 9%', rateBasisPoints: 900 },
        { name: 'VAT 6%', rateBasisPoints: 600 },
        { name: 'Zero', rateBasisPoints: 0 },
      ],
      owner: { username: 'boss', displayName: 'The Boss', password: 'secret123' },
    });
    expect(setupRequestSchema.safeParse(request).success).toBe(true);
  });

  it('maps empty required fields to "required" at their dotted paths', () => {
    const form = validForm();
    form.company.name = '   ';
    form.stores[0]!.warehouseName = '';
    form.owner.displayName = '';
    const { request, errors } = validateSetup(form);
    expect(request).toBeNull();
    expect(errors['company.name']).toMatchObject({ key: 'required', raw: 'company name is required' });
    expect(errors['stores.0.warehouseName']).toMatchObject({ key: 'required' });
    expect(errors['owner.displayName']).toMatchObject({ key: 'required' });
  });

  it('maps the shared schema’s format messages to catalogue keys', () => {
    const form = validForm();
    form.company.currency = 'YUAN';
    form.stores[0]!.code = 'S 1';
    form.owner.username = 'the boss';
    form.owner.password = form.owner.passwordConfirm = 'onlyletters';
    const { errors } = validateSetup(form);
    expect(errors['company.currency']?.key).toBe('currencyFormat');
    expect(errors['stores.0.code']?.key).toBe('codeFormat');
    expect(errors['owner.username']?.key).toBe('usernameFormat');
    expect(errors['owner.password']?.key).toBe('passwordMix');
  });

  it('reports length limits with their numbers', () => {
    const form = validForm();
    form.owner.password = form.owner.passwordConfirm = 'ab1';
    form.owner.username = 'b';
    const { errors } = validateSetup(form);
    expect(errors['owner.password']).toMatchObject({ key: 'minLength', params: { min: 8 } });
    expect(errors['owner.username']).toMatchObject({ key: 'minLength', params: { min: 2 } });
  });

  it('catches duplicate store codes and a clashing central warehouse (the schema’s cross-field rules)', () => {
    const form = validForm();
    const second = newStore(1);
    form.stores.push({ ...second, code: 's01', name: 'Second', warehouseName: 'Second stockroom' });
    form.useCentralWarehouse = true;
    form.centralWarehouse = { code: 'S01', name: 'Central' };
    const { errors } = validateSetup(form);
    expect(errors['stores.1.code']?.key).toBe('storeCodesUnique');
    expect(errors['centralWarehouse.code']?.key).toBe('centralCodeClash');
  });

  it('requires at least one store and one tax rate', () => {
    const form = validForm();
    form.stores = [];
    form.taxRates = [];
    const { errors } = validateSetup(form);
    expect(errors['stores']).toMatchObject({ key: 'minItems', params: { min: 1 } });
    expect(errors['taxRates']).toMatchObject({ key: 'minItems', params: { min: 1 } });
  });

  it('flags a mistyped password confirmation and a bad percentage, which only the form knows', () => {
    const form = validForm();
    form.owner.passwordConfirm = 'secret124';
    form.taxRates[1]!.percent = '9.125';
    form.taxRates[2]!.percent = '120';
    const { errors } = validateSetup(form);
    expect(errors['owner.passwordConfirm']?.key).toBe('passwordsDiffer');
    expect(errors['taxRates.1.rateBasisPoints']?.key).toBe('percent');
    expect(errors['taxRates.2.rateBasisPoints']?.key).toBe('percent');
  });

  it('upper-cases the currency and ignores the central warehouse while it is switched off', () => {
    const form = validForm();
    form.company.currency = 'cny';
    form.centralWarehouse = { code: '', name: '' };
    const { request, errors } = validateSetup(form);
    expect(errors).toEqual({});
    expect(request?.company.currency).toBe('CNY');
    expect(request?.centralWarehouse).toBeNull();
  });
});

describe('issuesToFieldErrors', () => {
  it('keeps the first issue of each field', () => {
    const parsed = setupRequestSchema.safeParse({
      company: { name: '', currency: 'x' },
      stores: [{ code: '', name: '', warehouseName: '' }],
      taxRates: [{ name: 'x', rateBasisPoints: 1.5 }],
      owner: { username: '', displayName: '', password: '' },
    });
    expect(parsed.success).toBe(false);
    const errors = issuesToFieldErrors(parsed.error!.issues);
    expect(errors['stores.0.code']?.key).toBe('required');
    expect(errors['company.currency']?.key).toBe('currencyFormat');
    expect(Object.keys(errors)).toContain('taxRates.0.rateBasisPoints');
  });
});

describe('percentToBasisPoints', () => {
  it('parses percentages exactly', () => {
    expect(percentToBasisPoints('13')).toBe(1300);
    expect(percentToBasisPoints('6.5')).toBe(650);
    expect(percentToBasisPoints(' 0.07 % ')).toBe(7);
    expect(percentToBasisPoints('100')).toBe(10_000);
    expect(percentToBasisPoints('0')).toBe(0);
  });

  it('refuses what is not a percentage', () => {
    for (const bad of ['', 'abc', '-1', '100.01', '1.234', '1,5', '.5']) expect(percentToBasisPoints(bad)).toBeNull();
  });
});

describe('stepOfField', () => {
  it('finds the step that edits a field', () => {
    expect(stepOfField('company.name')).toBe(0);
    expect(stepOfField('stores.2.code')).toBe(1);
    expect(stepOfField('centralWarehouse.code')).toBe(2);
    expect(stepOfField('taxRates')).toBe(3);
    expect(stepOfField('owner.password')).toBe(4);
    expect(stepOfField('nonsense')).toBe(-1);
  });
});
