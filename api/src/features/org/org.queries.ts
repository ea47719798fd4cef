import { asc, inArray, ne } from 'drizzle-orm';
import type { SessionUser } from '@shopbook/shared';
import type { DbOrTx } from '../../db/client.ts';
import { company, stores, warehouses } from '../../db/schema/index.ts';

export async function getCompanyRow(db: DbOrTx) {
  const [row] = await db.select().from(company).limit(1);
  if (!row) throw new Error('company missing after setup');
  return { name: row.name, taxNumber: row.taxNumber, currency: row.currency, pricesIncludeTax: row.pricesIncludeTax };
}

/** Owners and managers see every store; everyone else the stores they are assigned to. */
export function seesAllStores(user: SessionUser): boolean {
  return user.roles.includes('owner') || user.roles.includes('accountant');
}

export async function storesFor(db: DbOrTx, user: SessionUser) {
  const all = seesAllStores(user);
  if (!all && user.storeIds.length === 0) return [];
  return db
    .select({ id: stores.id, code: stores.code, name: stores.name })
    .from(stores)
    .where(all ? undefined : inArray(stores.id, user.storeIds))
    .orderBy(asc(stores.code));
}

export async function allWarehouses(db: DbOrTx) {
  return db
    .select({ id: warehouses.id, code: warehouses.code, name: warehouses.name, storeId: warehouses.storeId })
    .from(warehouses)
    .where(ne(warehouses.kind, 'transit'))
    .orderBy(asc(warehouses.code));
}
