import type { documentsZh } from '../zh-CN/documents.ts';

export const documentsEn: typeof documentsZh = {
  print: 'Print',
  invoice: 'Invoice',
  printOrder: 'Print order',
  printReceipt: 'Print receipt note',
  printDeliveryNote: 'Print delivery note',
  buyer: 'Buyer',
  seller: 'Seller (address and bank, remembered on this computer)',
  apply: 'Update invoice',
  fields: {
    buyerName: 'Name',
    buyerTaxNumber: 'Tax number',
    buyerAddress: 'Address',
    buyerPhone: 'Phone',
    buyerBankName: 'Bank',
    buyerBankAccount: 'Account',
    sellerAddress: 'Address',
    sellerPhone: 'Phone',
    sellerBankName: 'Bank',
    sellerBankAccount: 'Account',
  },
  tillSales: {
    title: 'Till sales',
    allStores: 'All stores',
    empty: 'No till sales yet.',
    receiptNo: 'Receipt',
    time: 'Time',
    store: 'Store',
    lines: 'Lines',
    gross: 'Amount',
  },
};
