import type { PurchaseReceipt } from '@shopbook/shared';
import { describe, expect, it } from 'vitest';
import { limitRowsFrom, validateLimits } from './approval-limits-form.ts';
import { returnFormFrom, validateReturn } from './return-form.ts';

describe('approval limits', () => {
  it('shows every role: none, a limit or unlimited, and sends the whole rule back', () => {
    const rows = limitRowsFrom([{ role: 'purchaser', maxAmount: 500_000 }, { role: 'manager', maxAmount: null }], 2);
    expect(rows.find((r) => r.role === 'purchaser')).toEqual({ role: 'purchaser', authority: 'limit', amount: '5000.00' });
    expect(rows.find((r) => r.role === 'manager')?.authority).toBe('unlimited');
    expect(rows.find((r) => r.role === 'clerk')?.authority).toBe('none');
    rows.find((r) => r.role === 'purchaser')!.amount = '8000';
    const { request, errors } = validateLimits(rows, 2);
    expect(errors).toEqual({});
    expect(request!.limits).toEqual([{ role: 'manager', maxAmount: null }, { role: 'purchaser', maxAmount: 800_000 }]);
    expect(request!.remove).toEqual(['owner', 'clerk', 'cashier', 'accountant', 'salesperson'].filter((r) => rows.some((x) => x.role === r)));
  });

  it('asks for an amount where a limit is chosen', () => {
    const rows = limitRowsFrom([], 2);
    rows[2]!.authority = 'limit';
    rows[2]!.amount = 'lots';
    expect(validateLimits(rows, 2).errors['rows.2.amount']?.raw).toBe('enter an amount');
  });
});

describe('returning goods to the supplier', () => {
  const receipt = {
    id: '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a21',
    lines: [
      { id: '0190a1b2-c3d4-7e5f-8a6b-000000000001', sku: 'A', name: 'A', qtyAccepted: '48', qtyReturned: '10', serials: [] },
      { id: '0190a1b2-c3d4-7e5f-8a6b-000000000002', sku: 'B', name: 'B', qtyAccepted: '5', qtyReturned: '5', serials: [] },
      { id: '0190a1b2-c3d4-7e5f-8a6b-000000000003', sku: 'P', name: 'Phone', qtyAccepted: '2', qtyReturned: '0', serials: ['S1', 'S2'] },
    ],
  } as unknown as PurchaseReceipt;

  it('lists what is left to return and sends only lines with something to send', () => {
    const form = returnFormFrom(receipt);
    expect(form.lines.map((l) => [l.sku, l.left])).toEqual([['A', '38'], ['P', '2']]);
    form.reason = 'leaking';
    form.lines[0]!.qty = '3';
    form.lines[1]!.serials = ['S2'];
    const { request, errors } = validateReturn(form);
    expect(errors).toEqual({});
    expect(request!.lines).toEqual([
      { receiptLineId: receipt.lines[0]!.id, qty: '3', reason: '', serials: [] },
      { receiptLineId: receipt.lines[2]!.id, qty: '1', reason: '', serials: ['S2'] },
    ]);
  });

  it('refuses more than is left and a return without a reason', () => {
    const form = returnFormFrom(receipt);
    form.lines[0]!.qty = '39';
    const { errors } = validateReturn(form);
    expect(errors['lines.0.qty']?.raw).toBe('only 38 is left to return');
    expect(errors.reason).toBeDefined();
  });
});
