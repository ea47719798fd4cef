import type { labelsZh } from '../zh-CN/labels.ts';

export const labelsEn: typeof labelsZh = {
  title: 'Print labels',
  intro: 'Pick products and how many labels of each, choose the label stock, then print. Products with a valid EAN-13 get that barcode; the others get their SKU in Code 128.',
  add: 'Add a product',
  fromSelection: 'Print labels',
  store: 'Prices of store',
  storeDefault: 'Standard price',
  layout: 'Label stock',
  layouts: {
    'a4-3x8': 'A4, 3 × 8 per page (70 × 37 mm)',
    'a4-4x10': 'A4, 4 × 10 per page (48.5 × 25.4 mm)',
    'roll-40x30': 'Roll, 40 × 30 mm',
    'roll-60x40': 'Roll, 60 × 40 mm',
  },
  skip: 'Start at position',
  skipHint: 'A part-used A4 sheet: skip the positions already used',
  copies: 'Copies',
  barcode: 'Barcode',
  price: 'Price',
  total: '{count} labels on {pages} pages',
  empty: 'No products picked yet.',
  print: 'Print',
  preview: 'Preview and print',
  back: 'Back',
  tooMany: 'At most {max} labels at a time',
  loading: 'Preparing the labels…',
};
