/** Each stock document type and the back-office page that shows it (by ?id=). */
export const DOCUMENT_PAGES: Record<string, string> = {
  stock_adjustment: 'adjustments',
  stock_receipt: 'receipts',
  transfer: 'transfers',
  stock_take: 'stockTakes',
};
