import { describe, expect, it } from 'vitest';
import { customerStatementDocument } from './customer-statement.ts';

const company = { name: '示范超市', taxNumber: 'T', address: '上海', phone: '', bankName: '中国银行', bankAccount: '1' };
const customer = { code: 'C-1', name: '杭州西湖餐饮有限公司', taxNumber: '9133', address: '杭州', phone: '' };

describe('customer statement', () => {
  it('puts charges and payments in their own columns with the running balance, the balance due at the foot', () => {
    const doc = customerStatementDocument({
      company,
      customer,
      asOf: '2026-03-31',
      currency: 'CNY',
      language: 'zh-CN',
      entries: [
        { date: '2026-03-02', kind: 'invoice', id: 'a', number: 'INV-1', amount: 113000, balance: 113000 },
        { date: '2026-03-05', kind: 'credit_note', id: 'b', number: 'CN-1', amount: -11300, balance: 101700 },
        { date: '2026-03-20', kind: 'payment', id: 'c', number: 'RC-1', amount: -50000, balance: 51700 },
      ],
    });
    expect(doc.lines.rows).toEqual([
      { date: '2026-03-02', entry: '销售发票', number: 'INV-1', debit: '1,130.00', credit: '', balance: '1,130.00' },
      { date: '2026-03-05', entry: '红字发票', number: 'CN-1', debit: '', credit: '113.00', balance: '1,017.00' },
      { date: '2026-03-20', entry: '收款', number: 'RC-1', debit: '', credit: '500.00', balance: '517.00' },
    ]);
    expect(doc.totals).toEqual([{ label: '期末余额', value: '¥517.00', strong: true }]);
    expect(doc.parties[0]!.fields[0]).toEqual({ label: '名称', value: '杭州西湖餐饮有限公司' });
  });

  it('owes nothing when there is nothing on it', () => {
    const doc = customerStatementDocument({ company, customer, asOf: '2026-03-31', currency: 'CNY', language: 'en', entries: [] });
    expect(doc.totals[0]!.value).toBe('¥0.00');
    expect(doc.lines.rows).toEqual([]);
  });
});
