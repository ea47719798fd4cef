import { addItem, emptyCart, overridePrice, setCartDiscount, setLineDiscount } from '../sales/cart-edit.ts';
import { priceCart } from '../sales/cart.ts';
import type { PaymentInput } from '../sales/payment.ts';
import { buildReturnEvent } from '../sales/returns.ts';
import { buildSaleEvent } from '../sales/sale-event.ts';
import type { ReturnV1, SaleV1 } from '../sync/events.ts';
import type { ReceiptStore } from './receipt-format.ts';

/** Fixed ids and sales for the printing tests (built with the till's own cart functions). */

export const ids = {
  storeId: '0190f5e8-0000-7000-8000-000000000001',
  warehouseId: '0190f5e8-0000-7000-8000-000000000002',
  cashierId: '0190f5e8-0000-7000-8000-000000000003',
  shiftId: '0190f5e8-0000-7000-8000-000000000004',
};

export const store: ReceiptStore = {
  name: '好邻居便利店',
  companyName: '上海好邻居商贸有限公司',
  taxNumber: '91310000MA1FL0XX1X',
  currency: 'CNY',
  receiptHeader: '欢迎光临',
  receiptFooter: '谢谢惠顾，欢迎再来！\n退换货请凭小票',
};

const productId = (n: number) => `0190f5e8-1111-7000-8000-${n.toString(16).padStart(12, '0')}`;
const lineId = (n: number) => `0190f5e8-2222-7000-8000-${n.toString(16).padStart(12, '0')}`;

export const products = {
  cola: { id: productId(1), name: '可口可乐 330ml', price: 350, taxRateBp: 1300, weighed: false },
  apples: { id: productId(2), name: 'Fuji apples', price: 1299, taxRateBp: 900, weighed: true },
  tea: { id: productId(3), name: '西湖龙井茶叶（明前特级）礼盒装 250g', price: 16800, taxRateBp: 1300, weighed: false },
  towel: { id: productId(4), name: 'Extra-absorbent cotton kitchen towels, 6 rolls', price: 2590, taxRateBp: 1300, weighed: false },
};

export const productNames: Record<string, string> = Object.fromEntries(Object.values(products).map((p) => [p.id, p.name]));

export const SALE_ID = '0190f5e8-3333-7000-8000-000000000001';
export const RETURN_ID = '0190f5e8-4444-7000-8000-000000000001';

/** Cola ×2 with 0.50 off, apples 1.25 kg; paid 10.00 card + 20.00 cash (change 7.26). */
export function splitPaymentSale(): SaleV1 {
  let cart = addItem(emptyCart(true), products.cola, 2000, lineId(1));
  cart = addItem(cart, products.apples, 1250, lineId(2));
  cart = setLineDiscount(cart, lineId(1), { kind: 'amount', amount: 50 });
  const payments: PaymentInput[] = [
    { tender: 'card', amount: 1000, reference: '6222****1234' },
    { tender: 'cash', amount: 2000 },
  ];
  return buildSaleEvent({ priced: priceCart(cart), payments, receiptNo: 'S01-T1-000123', ...ids, saleId: SALE_ID });
}

/** Mixed Chinese and English names, a price override and a cart discount, paid by card. */
export function mixedNamesSale(): SaleV1 {
  let cart = addItem(emptyCart(true), products.tea, 1000, lineId(1));
  cart = addItem(cart, products.towel, 3000, lineId(2));
  cart = addItem(cart, products.cola, 6000, lineId(3));
  cart = overridePrice(cart, lineId(2), 2290, 'damaged packaging');
  cart = setCartDiscount(cart, { kind: 'percent', bp: 500 });
  const priced = priceCart(cart);
  return buildSaleEvent({ priced, payments: [{ tender: 'card', amount: priced.totals.gross }], receiptNo: 'S01-T1-000124', ...ids, saleId: SALE_ID });
}

/**
 * `count` lines of `count` different products whose names cycle through the four above
 * (a rescan would merge into one line), paid in cash rounded up to 100.00.
 */
export function longSale(count: number): { sale: SaleV1; names: Record<string, string> } {
  const all = Object.values(products);
  const names: Record<string, string> = {};
  let cart = emptyCart(true);
  for (let i = 0; i < count; i++) {
    const base = all[i % all.length]!;
    const product = { ...base, id: productId(1000 + i), weighed: false };
    names[product.id] = base.name;
    cart = addItem(cart, product, 1000 + (i % 3) * 1000, lineId(1000 + i));
  }
  const priced = priceCart(cart);
  const sale = buildSaleEvent({
    priced,
    payments: [{ tender: 'cash', amount: Math.ceil(priced.totals.gross / 10000) * 10000 }],
    receiptNo: 'S01-T1-000125',
    ...ids,
    saleId: SALE_ID,
  });
  return { sale, names };
}

/** Returns one cola of the split-payment sale, refunded to the original tenders. */
export function colaReturn(): ReturnV1 {
  const sale = splitPaymentSale();
  return buildReturnEvent({
    originalSale: sale,
    picks: [{ originalLineId: lineId(1), qtyMilli: 1000 }],
    refunds: [{ tender: 'cash', amount: 325 }],
    receiptNo: 'S01-T1-R000007',
    reason: '包装破损',
    ...ids,
    returnId: RETURN_ID,
  });
}

// Expected receipts, as layoutText / decodedText show them (reviewed by hand: amounts, tax, change).

export const SPLIT_PAYMENT_58_ZH: readonly string[] = [
  '  好邻居便利店',
  '     上海好邻居商贸有限公司',
  '    税号: 91310000MA1FL0XX1X',
  '            欢迎光临',
  '--------------------------------',
  '单号: S01-T1-000123',
  '日期: 2026-03-02 18:00:00',
  '收银员: 张三',
  '--------------------------------',
  '商品 / 数量 x 单价          金额',
  '--------------------------------',
  '可口可乐 330ml',
  '  2 x 3.50                  7.00',
  '  折扣                     -0.50',
  'Fuji apples',
  '  1.25 x 12.99             16.24',
  '--------------------------------',
  '小计  共 2 项              23.24',
  '折扣                       -0.50',
  '合计       22.74',
  '--------------------------------',
  '银行卡 6222****1234        10.00',
  '现金 实收                  20.00',
  '找零                        7.26',
  '--------------------------------',
  '税率                不含税  税额',
  '13%                   5.75  0.75',
  '9%                   14.90  1.34',
  '--------------------------------',
  '      谢谢惠顾，欢迎再来！',
  '         退换货请凭小票',
  '[QR 0190f5e8-3333-7000-8000-000000000001]',
  '         S01-T1-000123',
  '',
  '-- cut --',
];

export const MIXED_NAMES_80_EN: readonly string[] = [
  '      好邻居便利店',
  '             上海好邻居商贸有限公司',
  '          Tax no.: 91310000MA1FL0XX1X',
  '                    欢迎光临',
  '------------------------------------------------',
  'Receipt: S01-T1-000124',
  'Date: 2026-03-02 18:00:00',
  'Cashier: 张三',
  'Till: Till 1',
  'Customer: Li Si (C001)',
  '------------------------------------------------',
  'Item                         Qty   Price  Amount',
  '------------------------------------------------',
  '西湖龙井茶叶（明前特级）礼     1  168.00  168.00',
  '盒装 250g',
  '  Discount                                 -8.40',
  'Extra-absorbent cotton         3   22.90   68.70',
  'kitchen towels, 6 rolls',
  '  List price                               25.90',
  '  Discount                                 -3.44',
  '可口可乐 330ml                 6    3.50   21.00',
  '  Discount                                 -1.05',
  '------------------------------------------------',
  'Subtotal  3 items                         257.70',
  'Discount                                  -12.89',
  'TOTAL             244.81',
  '------------------------------------------------',
  'Card                                      244.81',
  '------------------------------------------------',
  'Rate                                  Net    Tax',
  '13%                                216.64  28.17',
  '------------------------------------------------',
  '              谢谢惠顾，欢迎再来！',
  '                 退换货请凭小票',
  '   [QR 0190f5e8-3333-7000-8000-000000000001]',
  '                 S01-T1-000124',
  '',
  '-- cut --',
];

export const MIXED_NAMES_58_CODE128: readonly string[] = [
  '  好邻居便利店',
  '     上海好邻居商贸有限公司',
  '    税号: 91310000MA1FL0XX1X',
  '            欢迎光临',
  '--------------------------------',
  '单号: S01-T1-000124',
  '日期: 2026-03-02 18:00:00',
  '收银员: 张三',
  '--------------------------------',
  '商品 / 数量 x 单价          金额',
  '--------------------------------',
  '西湖龙井茶叶（明前特级）礼盒装',
  '250g',
  '  1 x 168.00              168.00',
  '  折扣                     -8.40',
  'Extra-absorbent cotton kitchen',
  'towels, 6 rolls',
  '  3 x 22.90                68.70',
  '  原价                     25.90',
  '  折扣                     -3.44',
  '可口可乐 330ml',
  '  6 x 3.50                 21.00',
  '  折扣                     -1.05',
  '--------------------------------',
  '小计  共 3 项             257.70',
  '折扣                      -12.89',
  '合计      244.81',
  '--------------------------------',
  '银行卡                    244.81',
  '--------------------------------',
  '税率               不含税   税额',
  '13%                216.64  28.17',
  '--------------------------------',
  '      谢谢惠顾，欢迎再来！',
  '         退换货请凭小票',
  '    [CODE128 S01-T1-000124]',
  '',
  '-- cut --',
];

export const RETURN_58_ZH: readonly string[] = [
  '  好邻居便利店',
  '     上海好邻居商贸有限公司',
  '    税号: 91310000MA1FL0XX1X',
  '            欢迎光临',
  '     退货单',
  '--------------------------------',
  '单号: S01-T1-R000007',
  '原单号: S01-T1-000123',
  '日期: 2026-03-02 18:00:00',
  '收银员: 张三',
  '原因: 包装破损',
  '--------------------------------',
  '商品 / 数量                 金额',
  '--------------------------------',
  '可口可乐 330ml',
  '  x 1                      -3.25',
  '--------------------------------',
  '共 1 项',
  '退款合计   -3.25',
  '--------------------------------',
  '退款方式',
  '  现金                     -3.25',
  '--------------------------------',
  '税率               不含税   税额',
  '13%                 -2.87  -0.38',
  '--------------------------------',
  '      谢谢惠顾，欢迎再来！',
  '         退换货请凭小票',
  '[QR 0190f5e8-4444-7000-8000-000000000001]',
  '         S01-T1-R000007',
  '',
  '-- cut --',
];

export const Z_REPORT_58_ZH: readonly string[] = [
  '  好邻居便利店',
  '     上海好邻居商贸有限公司',
  '    税号: 91310000MA1FL0XX1X',
  '     Z 报表',
  '--------------------------------',
  '班次: S-1',
  '收银台: Till 1',
  '收银员: 张三',
  '开班: 2026-03-02 09:00:00',
  '结班: 2026-03-02 18:00:00',
  '--------------------------------',
  '销售笔数 2                267.55',
  '退货笔数 1                 -3.25',
  '折扣合计                   13.39',
  '不含税                    234.42',
  '税额                       29.88',
  '净销售额                  264.30',
  '--------------------------------',
  '税率               不含税   税额',
  '13%                219.52  28.54',
  '9%                  14.90   1.34',
  '--------------------------------',
  '支付方式     收款   退款    净额',
  '现金        12.74  -3.25    9.49',
  '银行卡     254.81   0.00  254.81',
  '--------------------------------',
  '现金',
  '  备用金                  200.00',
  '  现金收款                 12.74',
  '  顾客付现                 20.00',
  '  找零                     -7.26',
  '  现金退款                 -3.25',
  '  存入                     50.00',
  '  取出                    -20.00',
  '应有现金                  239.49',
  '--------------------------------',
  '盘点',
  '支付方式     应有   实点    差额',
  '现金       239.49 230.00   -9.49',
  '银行卡     254.81  50.00 -204.81',
  '合计       494.30 280.00 -214.30',
  '--------------------------------',
  '改价行数                       1',
  '授权次数                       0',
  '作废次数                       1',
  '',
  '-- cut --',
];

export const Z_REPORT_80_EN: readonly string[] = [
  '      好邻居便利店',
  '             上海好邻居商贸有限公司',
  '          Tax no.: 91310000MA1FL0XX1X',
  '        Z REPORT',
  '------------------------------------------------',
  'Cashier: Zhang',
  'Closed: 2026-03-02 18:00:00',
  '------------------------------------------------',
  'Sales 2                                   267.55',
  'Returns 1                                  -3.25',
  'Discounts                                  13.39',
  'Net                                       234.42',
  'Tax                                        29.88',
  'Net sales                                 264.30',
  '------------------------------------------------',
  'Rate                                  Net    Tax',
  '13%                                219.52  28.54',
  '9%                                  14.90   1.34',
  '------------------------------------------------',
  'Tender                    Sales  Refunds     Net',
  'Cash                      12.74    -3.25    9.49',
  'Card                     254.81     0.00  254.81',
  '------------------------------------------------',
  'Cash drawer',
  '  Opening float                           200.00',
  '  Cash sales                               12.74',
  '  Cash tendered                            20.00',
  '  Change given                             -7.26',
  '  Cash refunds                             -3.25',
  '  Paid in                                  50.00',
  '  Paid out                                -20.00',
  'Expected cash                             239.49',
  '------------------------------------------------',
  'Price overrides                                1',
  'Approvals                                      0',
  'Voids                                          1',
  '',
  '-- cut --',
];
