// The domain every part imports. Pure TypeScript: no I/O, no framework.
export * from './ids/uuidv7.ts';
export * from './auth/permissions.ts';
export * from './auth/roles.ts';
export * from './api/index.ts';
export * from './money/money.ts';
export * from './money/allocate.ts';
export * from './money/discount.ts';
export * from './money/format.ts';
export * from './quantity/quantity.ts';
export * from './tax/tax.ts';
export * from './barcode/gs1.ts';
export * from './barcode/weighed.ts';
export * from './journal/journal.ts';
export * from './inventory/index.ts';
export * from './sync/index.ts';
export * from './sales/index.ts';
export * from './printing/index.ts';
