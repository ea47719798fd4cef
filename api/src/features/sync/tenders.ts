import type { Tender } from '@shopbook/shared';
import { ACCOUNTS } from '../finance/chart.ts';

/** Where each tender lands in the books: card takings sit in the bank until settled. */
export const TENDER_ACCOUNT: Record<Tender, string> = {
  cash: ACCOUNTS.cash.code,
  card: ACCOUNTS.bank.code,
  account: ACCOUNTS.receivables.code,
  voucher: ACCOUNTS.customerDeposits.code,
  other: ACCOUNTS.bank.code,
  points: ACCOUNTS.loyaltyPoints.code,
};

/** Sums amounts per account, dropping zeros, so an entry has one line per account and side. */
export function byAccount(items: { account: string; amount: number }[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const i of items) out.set(i.account, (out.get(i.account) ?? 0) + i.amount);
  for (const [k, v] of out) if (v === 0) out.delete(k);
  return out;
}
