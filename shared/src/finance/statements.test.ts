import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACCOUNT_TYPES } from '../api/finance.ts';
import { type AccountBalance, balanceSheet, profitAndLoss, ratioBp } from './statements.ts';

const acct = (code: string, type: AccountBalance['type'], debit: number, credit: number): AccountBalance => ({ code, name: code, nameZh: code, type, debit, credit });

describe('profit and loss', () => {
  it('splits revenue, cost of goods sold (6401 and below) and other expenses, to the cent', () => {
    const pl = profitAndLoss([
      acct('6001', 'revenue', 1_000, 8_000), // 70.00 net of a return
      acct('6401', 'expense', 3_300, 300),
      acct('640102', 'expense', 50, 0),
      acct('6711', 'expense', 0, 6_000), // a stock gain: negative expense
      acct('6603', 'expense', 0, 0), // no activity: left out
      acct('1001', 'asset', 9_000, 0), // not on the P&L
    ]);
    expect(pl.revenue).toEqual({ total: 7_000, lines: [expect.objectContaining({ code: '6001', amount: 7_000 })] });
    expect(pl.costOfGoodsSold.total).toBe(3_050);
    expect(pl.costOfGoodsSold.lines.map((l) => l.code)).toEqual(['6401', '640102']);
    expect(pl.grossMargin).toBe(3_950);
    expect(pl.grossMarginBp).toBe(5_643); // 56.428… % → 56.43 %
    expect(pl.otherExpenses.lines.map((l) => [l.code, l.amount])).toEqual([['6711', -6_000]]);
    expect(pl.netProfit).toBe(9_950);
  });

  it('has no margin percentage without revenue, and rounds the percentage half away from zero', () => {
    expect(profitAndLoss([]).grossMarginBp).toBeNull();
    expect([ratioBp(1, 20_000), ratioBp(-1, 20_000), ratioBp(1, 20_001), ratioBp(2, 3)]).toEqual([1, -1, 0, 6_667]);
  });
});

describe('balance sheet', () => {
  it('adds the profit not yet closed to equity, and balances', () => {
    const bs = balanceSheet([
      acct('1001', 'asset', 11_300, 1_130),
      acct('1405', 'asset', 6_000, 900),
      acct('222101', 'liability', 130, 1_300),
      acct('6001', 'revenue', 1_000, 10_000),
      acct('6401', 'expense', 900, 0),
      acct('6711', 'expense', 0, 6_000),
    ]);
    expect([bs.assets.total, bs.liabilities.total, bs.equity.total, bs.profit]).toEqual([15_270, 1_170, 0, 14_100]);
    expect(bs).toMatchObject({ difference: 0, balanced: true });
  });

  it('balances exactly whenever the trial balance does (property)', () => {
    const entry = fc.record({
      amount: fc.integer({ min: 1, max: 1e11 }),
      debit: fc.integer({ min: 0, max: 9 }),
      credit: fc.integer({ min: 0, max: 9 }),
    });
    const codes = Array.from({ length: 10 }, (_, i) => ({ code: `${1000 + i}`, type: ACCOUNT_TYPES[i % ACCOUNT_TYPES.length]! }));
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 60 }), (entries) => {
        const balances = codes.map((c) => acct(c.code, c.type, 0, 0));
        for (const e of entries) {
          balances[e.debit]!.debit += e.amount;
          balances[e.credit]!.credit += e.amount;
        }
        const bs = balanceSheet(balances);
        expect(bs.difference).toBe(0);
        expect(bs.balanced).toBe(true);
        // The balance sheet's profit is the P&L's net profit over the same balances.
        expect(bs.profit).toBe(profitAndLoss(balances).netProfit);
        const pl = profitAndLoss(balances);
        expect(pl.grossMargin + pl.costOfGoodsSold.total).toBe(pl.revenue.total);
      }),
    );
  });
});
