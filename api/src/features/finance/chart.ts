import type { AccountType } from '@shopbook/shared';

/**
 * The system chart of accounts. Codes follow the Chinese enterprise chart (企业会计准则)
 * so an accountant recognises them; documents post only to these codes.
 */
export const ACCOUNTS = {
  cash: { code: '1001', name: 'Cash', nameZh: '库存现金', type: 'asset' },
  bank: { code: '1002', name: 'Bank', nameZh: '银行存款', type: 'asset' },
  receivables: { code: '1122', name: 'Accounts receivable', nameZh: '应收账款', type: 'asset' },
  inventory: { code: '1405', name: 'Inventory', nameZh: '库存商品', type: 'asset' },
  taxReceivable: { code: '222102', name: 'Input VAT (tax receivable)', nameZh: '应交税费-进项税额', type: 'asset' },
  customerDeposits: { code: '2203', name: 'Customer deposits and gift cards', nameZh: '预收账款', type: 'liability' },
  /** Points customers hold, at what they will take off a bill: earned as an expense, spent as a tender. */
  loyaltyPoints: { code: '220302', name: 'Loyalty points outstanding', nameZh: '预收账款-会员积分', type: 'liability' },
  payables: { code: '2202', name: 'Accounts payable', nameZh: '应付账款', type: 'liability' },
  receivedNotInvoiced: { code: '220201', name: 'Goods received not invoiced', nameZh: '应付账款-暂估', type: 'liability' },
  taxPayable: { code: '222101', name: 'Output VAT (tax payable)', nameZh: '应交税费-销项税额', type: 'liability' },
  equity: { code: '4001', name: "Owner's equity", nameZh: '实收资本', type: 'equity' },
  revenue: { code: '6001', name: 'Sales revenue', nameZh: '主营业务收入', type: 'revenue' },
  otherIncome: { code: '6051', name: 'Other operating income', nameZh: '其他业务收入', type: 'revenue' },
  nonOperatingIncome: { code: '6301', name: 'Non-operating income', nameZh: '营业外收入', type: 'revenue' },
  costOfGoodsSold: { code: '6401', name: 'Cost of goods sold', nameZh: '主营业务成本', type: 'expense' },
  priceVariance: { code: '640102', name: 'Purchase price variance', nameZh: '主营业务成本-采购价差', type: 'expense' },
  sellingExpenses: { code: '6601', name: 'Selling expenses', nameZh: '销售费用', type: 'expense' },
  adminExpenses: { code: '6602', name: 'Administrative expenses', nameZh: '管理费用', type: 'expense' },
  loyaltyExpense: { code: '660105', name: 'Loyalty points expense', nameZh: '销售费用-会员积分', type: 'expense' },
  cashOverShort: { code: '6603', name: 'Cash over and short', nameZh: '现金长短款', type: 'expense' },
  adjustments: { code: '6711', name: 'Inventory adjustments', nameZh: '库存盘盈盘亏', type: 'expense' },
} as const satisfies Record<string, { code: string; name: string; nameZh: string; type: AccountType }>;

export type AccountKey = keyof typeof ACCOUNTS;

/**
 * Control accounts are fed only by their sub-ledgers (stock, customers, suppliers), so
 * that each always equals its sub-ledger; manual entries may not touch them.
 */
export const CONTROL_ACCOUNTS: readonly string[] = [
  ACCOUNTS.inventory.code,
  ACCOUNTS.receivables.code,
  ACCOUNTS.payables.code,
  ACCOUNTS.receivedNotInvoiced.code,
];
