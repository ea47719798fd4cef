import { newId, type setupRequestSchema } from '@shopbook/shared';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import { accounts, company, stores, taxRates, users, warehouses } from '../../db/schema/index.ts';
import { hashPassword } from '../auth/password.ts';
import { ACCOUNTS } from '../finance/chart.ts';

export const TRANSIT_CODE = 'TRANSIT';

export type SetupInput = z.output<typeof setupRequestSchema>;

/**
 * Creates the company and everything nothing else can work without: stores with their
 * warehouses, tax rates, the system chart of accounts and the owner. Runs inside the
 * caller's transaction, so a failure leaves the database as empty as it was.
 */
export async function installCompany(tx: DbOrTx, input: SetupInput, now: Date) {
  await tx.insert(company).values({ id: newId(), ...input.company, createdAt: now });
  const storeIds: string[] = [];
  for (const s of input.stores) {
    const storeId = newId();
    storeIds.push(storeId);
    const code = s.code.toUpperCase();
    await tx.insert(stores).values({ id: storeId, code, name: s.name, createdAt: now });
    await tx.insert(warehouses).values({ id: newId(), code: `${code}-WH`, name: s.warehouseName, storeId, kind: 'store', createdAt: now });
  }
  if (input.centralWarehouse) {
    const { code, name } = input.centralWarehouse;
    await tx.insert(warehouses).values({ id: newId(), code: code.toUpperCase(), name, storeId: null, kind: 'central', createdAt: now });
  }
  // Stock between a transfer's shipping and receipt sits here, so it stays on the books.
  await tx.insert(warehouses).values({ id: newId(), code: TRANSIT_CODE, name: 'In transit 在途', storeId: null, kind: 'transit', createdAt: now });
  await tx.insert(taxRates).values(input.taxRates.map((t) => ({ id: newId(), ...t })));
  await tx.insert(accounts).values(Object.values(ACCOUNTS).map((a) => ({ ...a, system: true })));
  const ownerId = newId();
  await tx.insert(users).values({
    id: ownerId,
    username: input.owner.username.toLowerCase(),
    displayName: input.owner.displayName,
    passwordHash: await hashPassword(input.owner.password),
    roles: ['owner'],
    storeIds,
    createdAt: now,
  });
  return { ownerId, storeIds };
}
