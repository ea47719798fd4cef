import type { Tender } from '../sync/events.ts';

/** The words printed on receipts and Z reports, per receipt language. */
export const RECEIPT_LANGUAGES = ['zh-CN', 'en'] as const;
export type ReceiptLanguage = (typeof RECEIPT_LANGUAGES)[number];

export interface ReceiptLabels {
  taxNumber: string;
  receiptNo: string;
  date: string;
  cashier: string;
  till: string;
  customer: string;
  reprint: string;
  item: string;
  qty: string;
  price: string;
  amount: string;
  listPrice: string;
  discount: string;
  items: (count: number) => string;
  subtotal: string;
  tax: string;
  total: string;
  taxRate: string;
  net: string;
  change: string;
  tendered: string;
  tenders: Record<Tender, string>;
  returnTitle: string;
  originalReceipt: string;
  noReceipt: string;
  reason: string;
  refundTotal: string;
  refunds: string;
  zTitle: string;
  shift: string;
  opened: string;
  closed: string;
  printed: string;
  salesCount: string;
  returnsCount: string;
  salesGross: string;
  returnsGross: string;
  netSales: string;
  discounts: string;
  tenderTable: { tender: string; sales: string; refunds: string; net: string };
  cash: string;
  openingFloat: string;
  cashSales: string;
  cashTendered: string;
  cashChange: string;
  cashRefunds: string;
  cashIn: string;
  cashOut: string;
  cashExpected: string;
  count: { title: string; expected: string; counted: string; difference: string; total: string };
  overrides: string;
  approvals: string;
  voids: string;
}

const ZH: ReceiptLabels = {
  taxNumber: '税号',
  receiptNo: '单号',
  date: '日期',
  cashier: '收银员',
  till: '收银台',
  customer: '会员',
  reprint: '** 重印 **',
  item: '商品',
  qty: '数量',
  price: '单价',
  amount: '金额',
  listPrice: '原价',
  discount: '折扣',
  items: (n) => `共 ${n} 项`,
  subtotal: '小计',
  tax: '税额',
  total: '合计',
  taxRate: '税率',
  net: '不含税',
  change: '找零',
  tendered: '实收',
  tenders: { cash: '现金', card: '银行卡', account: '挂账', voucher: '代金券', other: '其他', points: '积分' },
  returnTitle: '退货单',
  originalReceipt: '原单号',
  noReceipt: '无原单',
  reason: '原因',
  refundTotal: '退款合计',
  refunds: '退款方式',
  zTitle: 'Z 报表',
  shift: '班次',
  opened: '开班',
  closed: '结班',
  printed: '打印',
  salesCount: '销售笔数',
  returnsCount: '退货笔数',
  salesGross: '销售额',
  returnsGross: '退货额',
  netSales: '净销售额',
  discounts: '折扣合计',
  tenderTable: { tender: '支付方式', sales: '收款', refunds: '退款', net: '净额' },
  cash: '现金',
  openingFloat: '备用金',
  cashSales: '现金收款',
  cashTendered: '顾客付现',
  cashChange: '找零',
  cashRefunds: '现金退款',
  cashIn: '存入',
  cashOut: '取出',
  cashExpected: '应有现金',
  count: { title: '盘点', expected: '应有', counted: '实点', difference: '差额', total: '合计' },
  overrides: '改价行数',
  approvals: '授权次数',
  voids: '作废次数',
};

const EN: ReceiptLabels = {
  taxNumber: 'Tax no.',
  receiptNo: 'Receipt',
  date: 'Date',
  cashier: 'Cashier',
  till: 'Till',
  customer: 'Customer',
  reprint: '** REPRINT **',
  item: 'Item',
  qty: 'Qty',
  price: 'Price',
  amount: 'Amount',
  listPrice: 'List price',
  discount: 'Discount',
  items: (n) => `${n} item${n === 1 ? '' : 's'}`,
  subtotal: 'Subtotal',
  tax: 'Tax',
  total: 'TOTAL',
  taxRate: 'Rate',
  net: 'Net',
  change: 'Change',
  tendered: 'tendered',
  tenders: { cash: 'Cash', card: 'Card', account: 'Account', voucher: 'Voucher', other: 'Other', points: 'Points' },
  returnTitle: 'RETURN',
  originalReceipt: 'Original',
  noReceipt: 'no receipt',
  reason: 'Reason',
  refundTotal: 'REFUND',
  refunds: 'Refunded by',
  zTitle: 'Z REPORT',
  shift: 'Shift',
  opened: 'Opened',
  closed: 'Closed',
  printed: 'Printed',
  salesCount: 'Sales',
  returnsCount: 'Returns',
  salesGross: 'Sales total',
  returnsGross: 'Returns total',
  netSales: 'Net sales',
  discounts: 'Discounts',
  tenderTable: { tender: 'Tender', sales: 'Sales', refunds: 'Refunds', net: 'Net' },
  cash: 'Cash drawer',
  openingFloat: 'Opening float',
  cashSales: 'Cash sales',
  cashTendered: 'Cash tendered',
  cashChange: 'Change given',
  cashRefunds: 'Cash refunds',
  cashIn: 'Paid in',
  cashOut: 'Paid out',
  cashExpected: 'Expected cash',
  count: { title: 'Count', expected: 'Expected', counted: 'Counted', difference: 'Diff', total: 'Total' },
  overrides: 'Price overrides',
  approvals: 'Approvals',
  voids: 'Voids',
};

export function receiptLabels(language: ReceiptLanguage): ReceiptLabels {
  return language === 'en' ? EN : ZH;
}
