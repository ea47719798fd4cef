import type { AccountType } from '../api/finance.ts';

/**
 * Profit and loss and the balance sheet, built from account balances (the trial
 * balance of a date range or up to a date). Money is integer minor units throughout.
 */
export interface AccountBalance {
  code: string;
  name: string;
  nameZh: string;
  type: AccountType;
  debit: number;
  credit: number;
}

/** Cost of goods sold is 6401 and its sub-accounts (e.g. 640102 purchase price variance). */
export const COST_OF_GOODS_SOLD_PREFIX = '6401';

export interface StatementLine {
  code: string;
  name: string;
  nameZh: string;
  /** On the account's natural side: credit − debit for revenue, liabilities and equity; debit − credit otherwise. */
  amount: number;
}

export interface StatementSection {
  lines: StatementLine[];
  total: number;
}

export interface ProfitAndLossFigures {
  revenue: StatementSection;
  costOfGoodsSold: StatementSection;
  grossMargin: number;
  /** Gross margin over revenue in basis points, rounded half away from zero; null without revenue. */
  grossMarginBp: number | null;
  /** Expenses other than cost of goods sold, by account; a negative amount is income (a stock-take gain). */
  otherExpenses: StatementSection;
  netProfit: number;
}

export interface BalanceSheetFigures {
  assets: StatementSection;
  liabilities: StatementSection;
  equity: StatementSection;
  /** Cumulative revenue less expenses up to the date: profit not yet closed to equity. */
  profit: number;
  /** assets − (liabilities + equity + profit); zero when the books balance. */
  difference: number;
  balanced: boolean;
}

const creditNormal = (type: AccountType) => type === 'revenue' || type === 'liability' || type === 'equity';

function line(b: AccountBalance): StatementLine {
  return { code: b.code, name: b.name, nameZh: b.nameZh, amount: creditNormal(b.type) ? b.credit - b.debit : b.debit - b.credit };
}

function section(balances: readonly AccountBalance[]): StatementSection {
  const lines = balances
    .filter((b) => b.debit !== 0 || b.credit !== 0)
    .map(line)
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return { lines, total: lines.reduce((s, l) => s + l.amount, 0) };
}

export const isCostOfGoodsSold = (b: Pick<AccountBalance, 'code' | 'type'>) => b.type === 'expense' && b.code.startsWith(COST_OF_GOODS_SOLD_PREFIX);

/** round(numerator × 10 000 / denominator), half away from zero, exact (BigInt). */
export function ratioBp(numerator: number, denominator: number): number | null {
  if (denominator === 0) return null;
  const n = BigInt(numerator) * 10_000n;
  const d = BigInt(denominator);
  const negative = n < 0n !== d < 0n;
  const an = n < 0n ? -n : n;
  const ad = d < 0n ? -d : d;
  const q = (an * 2n + ad) / (ad * 2n);
  return Number(negative ? -q : q);
}

/** Sales revenue is 6001 and its sub-accounts: what the shop sells, the base of the gross margin. */
export const SALES_REVENUE_PREFIX = '6001';
export const isSalesRevenue = (b: Pick<AccountBalance, 'code' | 'type'>) => b.type === 'revenue' && b.code.startsWith(SALES_REVENUE_PREFIX);

export function profitAndLoss(balances: readonly AccountBalance[]): ProfitAndLossFigures {
  const revenue = section(balances.filter(isSalesRevenue));
  const costOfGoodsSold = section(balances.filter(isCostOfGoodsSold));
  // Other income (6051, 6301) is not what the shop sells: it stays out of the gross
  // margin and sits with the other expenses as a negative amount.
  const otherExpenses = section([
    ...balances.filter((b) => b.type === 'expense' && !isCostOfGoodsSold(b)),
    ...balances.filter((b) => b.type === 'revenue' && !isSalesRevenue(b)).map((b) => ({ ...b, type: 'expense' as const })),
  ]);
  const grossMargin = revenue.total - costOfGoodsSold.total;
  return {
    revenue,
    costOfGoodsSold,
    grossMargin,
    grossMarginBp: ratioBp(grossMargin, revenue.total),
    otherExpenses,
    netProfit: grossMargin - otherExpenses.total,
  };
}

export function balanceSheet(balances: readonly AccountBalance[]): BalanceSheetFigures {
  const assets = section(balances.filter((b) => b.type === 'asset'));
  const liabilities = section(balances.filter((b) => b.type === 'liability'));
  const equity = section(balances.filter((b) => b.type === 'equity'));
  const profit = balances
    .filter((b) => b.type === 'revenue' || b.type === 'expense')
    .reduce((s, b) => s + b.credit - b.debit, 0);
  const difference = assets.total - (liabilities.total + equity.total + profit);
  return { assets, liabilities, equity, profit, difference, balanced: difference === 0 };
}
