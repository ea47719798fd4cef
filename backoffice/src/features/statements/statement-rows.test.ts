import { describe, expect, it } from 'vitest';
import { sectionRows, statementCsv } from './statement-rows.ts';

describe('statement rows', () => {
  const section = { lines: [{ code: '6001', name: 'Sales revenue', nameZh: '主营业务收入', amount: 7000 }], total: 7000 };

  it('lay a section out as heading, accounts in the UI language, subtotal', () => {
    expect(sectionRows('rev', 'Revenue', 'Total revenue', section, true).map((r) => [r.kind, r.label, r.code, r.amount])).toEqual([
      ['heading', 'Revenue', null, null], ['account', '主营业务收入', '6001', 7000], ['subtotal', 'Total revenue', null, 7000],
    ]);
  });

  it('export as CSV in major units, quoting what needs it', () => {
    const rows = [...sectionRows('rev', 'Revenue, net', 'Total', section, false), { key: 'x', kind: 'result' as const, label: 'Loss "net"', code: null, amount: -5 }];
    expect(statementCsv(['Code', 'Account', 'Amount'], rows, 2)).toBe(
      '\uFEFFCode,Account,Amount\r\n,"Revenue, net",\r\n6001,Sales revenue,70.00\r\n,Total,70.00\r\n,"Loss ""net""",-0.05\r\n',
    );
    expect(statementCsv(['a', 'b', 'c'], [{ key: 'y', kind: 'account', label: 'x', code: '1', amount: 1234 }], 0)).toContain('1,x,1234');
  });
});
