import { sumMoney } from '../money/money.ts';

/**
 * Checks a journal entry before it is posted. Every posted document writes one
 * (DESIGN: "balanced journal entry"), and the trial balance sums to zero only if
 * each entry does, so this runs on the client for early feedback and again on the
 * server as the gate to the ledger.
 */

export interface JournalLineInput {
  accountCode: string;
  /** Minor units, ≥ 0; exactly one of debit and credit is non-zero. */
  debit: number;
  credit: number;
  memo?: string;
}

export type JournalErrorCode = 'unbalanced' | 'empty' | 'invalid_line';

export class JournalError extends Error {
  override readonly name = 'JournalError';
  readonly code: JournalErrorCode;
  /** Index of the offending line, for 'invalid_line'. */
  readonly lineIndex: number | undefined;

  constructor(code: JournalErrorCode, message: string, lineIndex?: number) {
    super(message);
    this.code = code;
    this.lineIndex = lineIndex;
  }
}

export interface EntryTotals {
  debit: number;
  credit: number;
}

function isAmount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function checkLine(line: JournalLineInput, index: number): void {
  const fail = (why: string): never => {
    throw new JournalError('invalid_line', `journal line ${index}: ${why}`, index);
  };
  if (typeof line.accountCode !== 'string' || line.accountCode.trim() === '') {
    fail('account code is missing');
  }
  for (const side of ['debit', 'credit'] as const) {
    if (!isAmount(line[side])) {
      fail(`${side} must be a non-negative integer of minor units, got ${String(line[side])}`);
    }
  }
  // One side per line keeps reports unambiguous: a line with both would net out
  // invisibly, a line with neither records nothing.
  if ((line.debit === 0) === (line.credit === 0)) {
    fail(`exactly one of debit and credit must be non-zero, got ${line.debit} and ${line.credit}`);
  }
}

/** Sums of the debit and credit columns; does not validate the lines. */
export function entryTotals(lines: readonly JournalLineInput[]): EntryTotals {
  return {
    debit: sumMoney(lines.map((l) => l.debit)),
    credit: sumMoney(lines.map((l) => l.credit)),
  };
}

/**
 * Throws a JournalError unless the entry can be posted: at least two lines (code
 * 'empty' otherwise), each valid ('invalid_line', naming the line), and total debit
 * equal to total credit ('unbalanced'). Returns the totals.
 */
export function assertBalanced(lines: readonly JournalLineInput[]): EntryTotals {
  if (lines.length < 2) {
    throw new JournalError('empty', `a journal entry needs at least two lines, got ${lines.length}`);
  }
  lines.forEach(checkLine);
  const totals = entryTotals(lines);
  if (totals.debit !== totals.credit) {
    const difference = totals.debit - totals.credit;
    throw new JournalError(
      'unbalanced',
      `journal entry is unbalanced: debits ${totals.debit} ≠ credits ${totals.credit} (off by ${difference})`,
    );
  }
  return totals;
}
