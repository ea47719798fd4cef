import { describe, expect, it } from 'vitest';
import { buyerQuery, emptyBuyer } from './invoice-details.ts';

describe('invoice buyer', () => {
  it('sends only the fields filled in, trimmed', () => {
    expect(buyerQuery({ ...emptyBuyer(), buyerName: ' 顾客公司 ', buyerTaxNumber: '9131', buyerPhone: '  ' })).toEqual({ buyerName: '顾客公司', buyerTaxNumber: '9131' });
    expect(buyerQuery(emptyBuyer())).toEqual({});
  });
});
