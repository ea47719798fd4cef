import { describe, expect, it } from 'vitest';
import { SALES_ERROR_CODES, SalesError } from './errors.ts';

describe('SalesError', () => {
  it('carries a code the UI can translate and the field it is about', () => {
    const e = new SalesError('overpaid_non_cash', 'card 100 is more than the 50 still due', 'payments.1');
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('SalesError');
    expect(e.code).toBe('overpaid_non_cash');
    expect(e.field).toBe('payments.1');
    expect(new SalesError('empty_sale', 'x').field).toBeUndefined();
    expect(new Set(SALES_ERROR_CODES).size).toBe(SALES_ERROR_CODES.length);
  });
});
