import { describe, expect, it } from 'vitest';
import { assertBalanced, entryTotals, JournalError, type JournalLineInput } from './journal.ts';

// A cash sale of 113.00 at 13 % VAT: cash 113.00 = revenue 100.00 + VAT payable 13.00.
const sale: JournalLineInput[] = [
  { accountCode: '1001', debit: 11_300, credit: 0, memo: 'cash' },
  { accountCode: '6001', debit: 0, credit: 10_000 },
  { accountCode: '2221', debit: 0, credit: 1300 },
];

function journalError(fn: () => unknown): JournalError {
  try {
    fn();
  } catch (error) {
    if (error instanceof JournalError) return error;
    throw error;
  }
  throw new Error('expected a JournalError');
}

describe('entryTotals', () => {
  it('sums both columns', () => {
    expect(entryTotals(sale)).toEqual({ debit: 11_300, credit: 11_300 });
    expect(entryTotals([])).toEqual({ debit: 0, credit: 0 });
  });
});

describe('assertBalanced', () => {
  it('passes a balanced entry and returns its totals', () => {
    expect(assertBalanced(sale)).toEqual({ debit: 11_300, credit: 11_300 });
  });

  it("reports 'empty' for fewer than two lines", () => {
    expect(journalError(() => assertBalanced([])).code).toBe('empty');
    const one = journalError(() => assertBalanced([{ accountCode: '1001', debit: 100, credit: 0 }]));
    expect(one.code).toBe('empty');
    expect(one.message).toMatch(/at least two lines/);
  });

  it("reports 'unbalanced' with both totals", () => {
    const lines = [...sale.slice(0, 2), { accountCode: '2221', debit: 0, credit: 1299 }];
    const error = journalError(() => assertBalanced(lines));
    expect(error.code).toBe('unbalanced');
    expect(error.message).toMatch(/11300.*11299/);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('JournalError');
  });

  it("reports 'invalid_line' naming the line", () => {
    const cases: [JournalLineInput, RegExp][] = [
      [{ accountCode: '6001', debit: 0, credit: 0 }, /exactly one/],
      [{ accountCode: '6001', debit: 100, credit: 100 }, /exactly one/],
      [{ accountCode: '6001', debit: -100, credit: 0 }, /debit must be a non-negative/],
      [{ accountCode: '6001', debit: 0, credit: 10.5 }, /credit must be a non-negative.*10\.5/],
      [{ accountCode: '6001', debit: 0, credit: Number.MAX_SAFE_INTEGER + 1 }, /credit/],
      [{ accountCode: ' ', debit: 0, credit: 100 }, /account code/],
    ];
    for (const [bad, why] of cases) {
      const error = journalError(() => assertBalanced([sale[0]!, sale[1]!, bad]));
      expect(error.code).toBe('invalid_line');
      expect(error.lineIndex).toBe(2);
      expect(error.message).toMatch(/journal line 2/);
      expect(error.message).toMatch(why);
    }
  });
});
