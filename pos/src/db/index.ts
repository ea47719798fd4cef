export { PosDb, POS_DB_NAME } from './PosDb.ts';
export * from './product.ts';
export * from './outbox.ts';
export * from './meta.ts';
export * from './searchKeys.ts';
export * from './customer.ts';
export * from './cashier.ts';
export * from './category.ts';
export * from './taxRate.ts';
export * from './sale.ts';
export * from './shift.ts';
export * from './parked.ts';
export * from './printJob.ts';
export * from './favourites.ts';

import { PosDb } from './PosDb.ts';

let instance: PosDb | undefined;

/** The app's one database connection, opened on first use. */
export function getDb(): PosDb {
  instance ??= new PosDb();
  return instance;
}
