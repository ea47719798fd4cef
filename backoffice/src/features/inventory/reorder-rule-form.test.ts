import { describe, expect, it } from 'vitest';
import { ruleFormFrom, validateRule } from './reorder-rule-form.ts';

const P = '0190a1b2-c3d4-7e5f-8a6b-000000000001';
const W = '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b';

describe('reorder rule form', () => {
  it('prefills what is known, without trailing zeros', () => {
    expect(ruleFormFrom({ productId: P, productLabel: 'A', warehouseId: W, reorderPoint: '28.000', minQty: null })).toEqual({
      productId: P, productLabel: 'A', warehouseId: W, reorderPoint: '28', minQty: '', maxQty: '', location: '',
    });
    expect(ruleFormFrom(null, W).warehouseId).toBe(W);
  });

  it('sends one rule for the product and warehouse', () => {
    const form = { ...ruleFormFrom({ productId: P, productLabel: 'A', warehouseId: W }), reorderPoint: '28', minQty: '20', maxQty: '60' };
    expect(validateRule(form).request).toEqual({ rules: [{ productId: P, warehouseId: W, reorderPoint: '28', minQty: '20', maxQty: '60' }] });
    // A location is sent only when typed, so an empty field keeps the one on record.
    expect(validateRule({ ...form, location: ' a-03-2 ' }).request?.rules[0]?.location).toBe('a-03-2');
    expect(validateRule({ ...form, location: 'A 03' }).errors.location).toBeDefined();
  });

  it('puts every problem on its field', () => {
    const { request, errors } = validateRule({ ...ruleFormFrom(null), reorderPoint: '-1', minQty: '50', maxQty: '10' });
    expect(request).toBeNull();
    expect(errors.productId?.key).toBe('required');
    expect(errors.warehouseId?.key).toBe('required');
    expect(errors.reorderPoint?.key).toBe('quantityNotNegative');
    expect(errors.maxQty?.key).toBe('maxBelowMin');
    expect(validateRule({ ...ruleFormFrom(null), reorderPoint: '1.23456' }).errors.reorderPoint?.key).toBe('quantityFormat');
  });
});
