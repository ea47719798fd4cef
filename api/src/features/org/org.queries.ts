import { asc, eq, inArray, ne } from 'drizzle-orm';
import type { CompanyInvoiceDetails, SessionUser } from '@shopbook/shared';
import type { DbOrTx } from '../../db/client.ts';
import { company, stores, warehouses } from '../../db/schema/index.ts';
import { recordAudit } from '../audit/record.ts';

export async function getCompanyRow(db: DbOrTx) {
  const [row] = await db.select().from(company).limit(1);
  if (!row) throw new Error('company missing after setup');
  return { name: row.name, taxNumber: row.taxNumber, currency: row.currency, pricesIncludeTax: row.pricesIncludeTax };
}

export async function getInvoiceDetailsRow(db: DbOrTx): Promise<CompanyInvoiceDetails> {
  const [row] = await db.select({ address: company.address, phone: company.phone, bankName: company.bankName, bankAccount: company.bankAccount }).from(company).limit(1);
  return row ?? { address: '', phone: '', bankName: '', bankAccount: '' };
}

export async function setInvoiceDetails(db: DbOrTx, input: CompanyInvoiceDetails, user: SessionUser, now: Date): Promise<CompanyInvoiceDetails> {
  const before = await getInvoiceDetailsRow(db);
  const [row] = await db.select({ id: company.id }).from(company).limit(1);
  if (!row) throw new Error('company missing after setup');
  await db.update(company).set(input).where(eq(company.id, row.id));
  await recordAudit(db, { user, action: 'update', entity: 'company', entityId: row.id, before, after: input, at: now });
  return input;
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
