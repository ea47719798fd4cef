// Receipts and Z reports: layout in columns, ESC/POS bytes, an HTML fallback, and the
// network print job the API relays. Pure: escpos-buffer is loaded only when bytes are made.
export * from './text-width.ts';
export { RECEIPT_LANGUAGES, type ReceiptLanguage, type ReceiptLabels, receiptLabels } from './labels.ts';
export * from './print-commands.ts';
export { type PrintOptions, type ReceiptStore, formatReceiptDate } from './receipt-format.ts';
export * from './receipt-layout.ts';
export * from './z-report-layout.ts';
export * from './escpos.ts';
export * from './escpos-decoder.ts';
export { code128Svg } from './code128.ts';
export * from './logo.ts';
export { type HtmlReceiptOptions, receiptHtml } from './html-receipt.ts';
export * from './print-job.ts';
export * from './store-printers.ts';
export * from './labels/index.ts';
export * from './documents/index.ts';
