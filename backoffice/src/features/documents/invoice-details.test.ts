import { describe, expect, it } from 'vitest';
import { detailsQuery, emptyDetails, loadSellerDetails, saveSellerDetails } from './invoice-details.ts';

describe('invoice details', () => {
  it('remembers only the seller’s part, and sends only filled fields', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    const d = { ...emptyDetails(), buyerName: ' 顾客公司 ', sellerBankName: '中国银行', sellerBankAccount: '6216' };
    saveSellerDetails(d, storage);
    expect(loadSellerDetails(storage)).toEqual({ sellerAddress: '', sellerPhone: '', sellerBankName: '中国银行', sellerBankAccount: '6216' });
    expect(detailsQuery(d)).toEqual({ buyerName: '顾客公司', sellerBankName: '中国银行', sellerBankAccount: '6216' });
  });

  it('survives a broken saved value', () => {
    expect(loadSellerDetails({ getItem: () => '{oops' })).toEqual({});
  });
});
