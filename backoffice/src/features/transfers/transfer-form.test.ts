import type { Transfer, TransferLine } from '@shopbook/shared';
import { describe, expect, it } from 'vitest';
import {
  discrepancyCount, discrepancyOf, emptyTransferForm, receiveFormFrom, receiveSerialsFrom, toTransferRequest, validateReceive, validateTransfer, type TransferForm,
} from './transfer-form.ts';

const W1 = '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a21';
const W2 = '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a22';
const P1 = '0190a1b2-c3d4-7e5f-8a6b-000000000001';
const L1 = '0190a1b2-c3d4-7e5f-8a6b-0000000000a1';
const L2 = '0190a1b2-c3d4-7e5f-8a6b-0000000000a2';

const line = (over: Partial<TransferLine>): TransferLine => ({
  id: L1, lineNo: 1, productId: P1, sku: 'A', name: 'A', unit: 'each', batchId: null, batchNo: null, qty: '5.000',
  serials: [], serialsReceived: [], qtyShipped: '5.000', qtyReceived: null, discrepancy: null, discrepancyValue: null, shippedBatches: [], ...over,
});
const shipped: Pick<Transfer, 'lines'> = { lines: [line({}), line({ id: L2, lineNo: 2, qtyShipped: '2.500' })] };

describe('transfer draft', () => {
  it('sends the units of a serial-tracked line, and receives the ones that arrived', () => {
    const form: TransferForm = {
      ...emptyTransferForm(W1), toWarehouseId: W2,
      lines: [{ uid: 1, productId: P1, sku: 'A', name: 'A', unit: 'each', qty: '2', serialTracked: true, serials: 'a-1\na-2' }],
    };
    expect(validateTransfer(form).request!.lines[0]!.serials).toEqual(['A-1', 'A-2']);
    expect(validateTransfer({ ...form, lines: [{ ...form.lines[0]!, qty: '3' }] }).errors['lines.0.serials']?.raw).toMatch(/3 needed, 2 given/);
    const sent = { lines: [line({ qtyShipped: '2.000', qty: '2.000', serials: ['A-1', 'A-2'] })] };
    expect(receiveSerialsFrom(sent)).toEqual({ [L1]: 'A-1\nA-2' });
    expect(validateReceive(sent, { [L1]: '1' }, { [L1]: 'A-2' }).request).toEqual({ lines: [{ lineId: L1, qtyReceived: '1', serials: ['A-2'] }] });
    expect(validateReceive(sent, { [L1]: '1' }, { [L1]: 'A-1\nA-2' }).errors['lines.0.serials']?.raw).toMatch(/1 needed, 2 given/);
  });

  it('maps the form to the request without batches (first expiry first out)', () => {
    const form: TransferForm = { ...emptyTransferForm(W1), toWarehouseId: W2, lines: [{ uid: 1, productId: P1, sku: 'A', name: 'A', unit: 'each', qty: ' 3 ', serialTracked: false, serials: '' }] };
    expect(toTransferRequest(form)).toEqual({ fromWarehouseId: W1, toWarehouseId: W2, note: '', lines: [{ productId: P1, batchId: null, qty: '3', serials: [] }] });
    expect(validateTransfer(form).request).not.toBeNull();
  });

  it('refuses the same warehouse at both ends, a missing destination and zero quantities', () => {
    const same = validateTransfer({ ...emptyTransferForm(W1), toWarehouseId: W1, lines: [{ uid: 1, productId: P1, sku: 'A', name: 'A', unit: 'each', qty: '0', serialTracked: false, serials: '' }] });
    expect(same.errors.toWarehouseId?.key).toBe('sameWarehouse');
    expect(same.errors['lines.0.qty']?.key).toBe('quantityAboveZero');
    const empty = validateTransfer(emptyTransferForm(W1));
    expect(empty.errors.toWarehouseId?.key).toBe('required');
    expect(empty.errors.lines?.key).toBe('linesRequired');
  });
});

describe('receiving', () => {
  it('prefills every line with what was shipped', () => {
    expect(receiveFormFrom(shipped)).toEqual({ [L1]: '5', [L2]: '2.5' });
  });

  it('sends the received quantity of every line and refuses blanks and negatives', () => {
    expect(validateReceive(shipped, { [L1]: '5', [L2]: '2' }).request).toEqual({
      lines: [{ lineId: L1, qtyReceived: '5' }, { lineId: L2, qtyReceived: '2' }],
    });
    const bad = validateReceive(shipped, { [L1]: '', [L2]: '-1' });
    expect(bad.request).toBeNull();
    expect(bad.errors['lines.0.qtyReceived']?.key).toBe('required');
    expect(bad.errors['lines.1.qtyReceived']?.key).toBe('quantityNotNegative');
  });
});

describe('discrepancy display', () => {
  it('tells short, over and exact apart with the amount', () => {
    expect(discrepancyOf('5.000', '3')).toEqual({ kind: 'short', signed: '-2', amount: '2' });
    expect(discrepancyOf('5.000', '5.5')).toEqual({ kind: 'over', signed: '+0.5', amount: '0.5' });
    expect(discrepancyOf('5.000', '5')).toEqual({ kind: 'exact', signed: '0', amount: '0' });
  });

  it('says nothing while the received quantity is blank or not a number', () => {
    expect(discrepancyOf('5', '').kind).toBe('unknown');
    expect(discrepancyOf('5', 'abc').kind).toBe('unknown');
    expect(discrepancyOf(null, '5').kind).toBe('unknown');
  });

  it('counts the lines that differ on the receiving form', () => {
    expect(discrepancyCount(shipped, { [L1]: '5', [L2]: '2.5' })).toBe(0);
    expect(discrepancyCount(shipped, { [L1]: '4', [L2]: '3' })).toBe(2);
  });
});
