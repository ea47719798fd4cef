import { describe, expect, it } from 'vitest';
import {
  emptyAdjustmentForm,
  lineTakesCost,
  newLineUid,
  signedQuantity,
  validateAdjustment,
  type AdjustmentForm,
  type AdjustmentLineForm,
} from './adjustment-form.ts';

const WH = '0190a7e0-0000-7000-8000-0000000000a1';
const P1 = '0190a7e0-0000-7000-8000-0000000000b1';
const P2 = '0190a7e0-0000-7000-8000-0000000000b2';

const line = (productId: string, qty: string, unitCost = ''): AdjustmentLineForm => ({
  uid: newLineUid(),
  productId,
  sku: 'SKU',
  name: 'Name',
  unit: 'each',
  qty,
  unitCost,
});

function form(over: Partial<AdjustmentForm>): AdjustmentForm {
  return { ...emptyAdjustmentForm(WH), ...over };
}

describe('signedQuantity', () => {
  it('turns the amount removed into a negative quantity for reasons that take stock away', () => {
    for (const reason of ['damage', 'loss', 'expired', 'own_use'] as const) {
      expect(signedQuantity(reason, '2')).toBe('-2');
      expect(signedQuantity(reason, '-2')).toBe('-2');
      expect(signedQuantity(reason, ' 1.5 ')).toBe('-1.5');
    }
  });

  it('sends found stock and corrections as typed', () => {
    expect(signedQuantity('found', '20')).toBe('20');
    expect(signedQuantity('found', '+20')).toBe('20');
    expect(signedQuantity('found', '-20')).toBe('-20');
    expect(signedQuantity('correction', '-3')).toBe('-3');
    expect(signedQuantity('correction', '3')).toBe('3');
  });

  it('lets only incoming lines carry a cost', () => {
    expect(lineTakesCost('found', '20')).toBe(true);
    expect(lineTakesCost('correction', '3')).toBe(true);
    expect(lineTakesCost('correction', '-3')).toBe(false);
    expect(lineTakesCost('damage', '2')).toBe(false);
  });
});

describe('validateAdjustment', () => {
  it('maps a found adjustment with a cost in major units to the request', () => {
    const { request, errors } = validateAdjustment(form({ reason: 'found', note: ' shelf ', lines: [line(P1, '20', '3.50')] }), 2);
    expect(errors).toEqual({});
    expect(request).toEqual({
      warehouseId: WH,
      reason: 'found',
      note: 'shelf',
      lines: [{ productId: P1, batchId: null, qty: '20', unitCost: '350', serials: [] }],
    });
  });

  it('sends damage as negative quantities and drops any cost', () => {
    const { request } = validateAdjustment(form({ reason: 'damage', lines: [line(P1, '2', '9.99'), line(P2, '0.5')] }), 2);
    expect(request?.lines).toEqual([
      { productId: P1, batchId: null, qty: '-2', serials: [] },
      { productId: P2, batchId: null, qty: '-0.5', serials: [] },
    ]);
  });

  it('names the units written off of a serial-tracked product, one per unit', () => {
    const serialLine = { ...line(P1, '2'), serialTracked: true, serials: 'sn-7 sn-8' };
    expect(validateAdjustment(form({ reason: 'damage', lines: [serialLine] }), 2).request?.lines[0]).toEqual({ productId: P1, batchId: null, qty: '-2', serials: ['SN-7', 'SN-8'] });
    const short = validateAdjustment(form({ reason: 'damage', lines: [{ ...serialLine, serials: 'sn-7' }] }), 2);
    expect(short.request).toBeNull();
    expect(short.errors['lines.0.serials']?.raw).toBe('give one serial number per unit: 2 needed, 1 given');
  });

  it("reports the schema's sign rule on the line for negative found stock", () => {
    const { request, errors } = validateAdjustment(form({ reason: 'found', lines: [line(P1, '-5')] }), 2);
    expect(request).toBeNull();
    expect(errors['lines.0.qty']?.key).toBe('quantityPositive');
  });

  it('marks missing warehouse, lines, quantities and bad numbers', () => {
    expect(validateAdjustment(form({ warehouseId: '', lines: [] }), 2).errors).toMatchObject({
      warehouseId: { key: 'required' },
      lines: { key: 'linesRequired' },
    });
    const { errors } = validateAdjustment(form({ reason: 'correction', lines: [line(P1, ''), line(P2, '1.2345'), line(P1, '0'), line(P2, '1', 'abc')] }), 2);
    expect(errors['lines.0.qty']?.key).toBe('required');
    expect(errors['lines.1.qty']?.key).toBe('quantityFormat');
    expect(errors['lines.2.qty']?.key).toBe('quantityNotZero');
    expect(errors['lines.3.unitCost']?.key).toBe('costFormat');
  });
});
