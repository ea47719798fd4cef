// A4 documents: one laid-out object per document that the back office prints as HTML and the API as PDF.
export * from '../../money/amount-in-words.ts';
export * from './print-document.ts';
export * from './document-words.ts';
export * from './document-format.ts';
export * from './sales-invoice.ts';
export * from './stock-documents.ts';
export * from './customer-statement.ts';
