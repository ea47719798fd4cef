import type { documentsZh } from '../zh-CN/documents.ts';

export const documentsEn: typeof documentsZh = {
  print: 'Print',
  invoice: 'Invoice',
  printOrder: 'Print order',
  printReceipt: 'Print receipt note',
  receiptNotes: 'Goods received notes:',
  printDeliveryNote: 'Print delivery note',
  buyer: 'Buyer',
  sellerHint: 'The seller’s address, phone and bank are set in Admin → Company details.',
  apply: 'Update invoice',
  fields: {
    buyerName: 'Name',
    buyerTaxNumber: 'Tax number',
    buyerAddress: 'Address',
    buyerPhone: 'Phone',
    buyerBankName: 'Bank',
    buyerBankAccount: 'Account',
  },
  company: {
    title: 'Company details',
    intro: 'The seller’s address, phone and bank on sales invoices. The name and tax number were set at first-time setup.',
    name: 'Company name',
    taxNumber: 'Tax number',
    saved: 'Company details saved',
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
