import type { serialsZh } from '../zh-CN/serials.ts';

export const serialsEn: typeof serialsZh = {
  scanHere: 'Scan or type the serial numbers, one per line',
  count: '{given} of {needed} serial numbers',
  column: 'Serial numbers',
  search: 'Scan or type a serial number (or its beginning)',
  anyState: 'Any state',
  state: {
    in_stock: 'In stock',
    out: 'Out',
  },
  serial: 'Serial number',
  product: 'Product',
  where: 'Warehouse',
  updatedAt: 'Last moved',
  empty: 'No serial numbers match.',
  history: 'History of {serial}',
  direction: 'In/out',
  in: 'In',
  out: 'Out',
  document: 'Document',
  problem: 'Problem',
  hint: 'Every unit of a serial-tracked product, from the receipt that brought it in to the sale that took it out.',
};
