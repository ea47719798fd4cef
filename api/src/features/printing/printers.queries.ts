import { newId, type SessionUser, type StorePrinter, type StorePrinterInput } from '@shopbook/shared';
import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { storePrinters, stores } from '../../db/schema/index.ts';
import { DomainError } from '../../http/errors.ts';
import { recordAudit } from '../audit/record.ts';

type Input = Required<Pick<StorePrinterInput, 'storeId' | 'name' | 'host'>> & { port: number };

export async function listStorePrinters(db: DbOrTx, storeId?: string): Promise<StorePrinter[]> {
  const list = await db
    .select({ p: storePrinters, storeName: stores.name })
    .from(storePrinters)
    .innerJoin(stores, eq(stores.id, storePrinters.storeId))
    .where(and(eq(storePrinters.active, true), storeId ? eq(storePrinters.storeId, storeId) : undefined))
    .orderBy(asc(stores.code), asc(storePrinters.name));
  return list.map(({ p, storeName }) => ({ id: p.id, storeId: p.storeId, storeName, name: p.name, host: p.host, port: p.port }));
}

async function one(db: DbOrTx, id: string): Promise<StorePrinter> {
  const [found] = (await listStorePrinters(db)).filter((p) => p.id === id);
  if (!found) throw new DomainError('not_found', 'no such printer', 'id');
  return found;
}

async function checkStore(db: DbOrTx, storeId: string): Promise<void> {
  const [store] = await db.select({ id: stores.id }).from(stores).where(and(eq(stores.id, storeId), eq(stores.active, true)));
  if (!store) throw new DomainError('unprocessable', 'no such store', 'storeId');
}

export async function addStorePrinter(db: DbOrTx, input: Input, user: SessionUser, now: Date): Promise<StorePrinter> {
  await checkStore(db, input.storeId);
  const id = newId();
  await db.insert(storePrinters).values({ id, storeId: input.storeId, name: input.name, host: input.host, port: input.port, createdAt: now });
  await recordAudit(db, { user, action: 'create', entity: 'store_printer', entityId: id, after: input, at: now });
  return one(db, id);
}

export async function updateStorePrinter(db: DbOrTx, id: string, input: Input, user: SessionUser, now: Date): Promise<StorePrinter> {
  const before = await one(db, id);
  await checkStore(db, input.storeId);
  await db.update(storePrinters).set({ storeId: input.storeId, name: input.name, host: input.host, port: input.port }).where(eq(storePrinters.id, id));
  await recordAudit(db, { user, action: 'update', entity: 'store_printer', entityId: id, before, after: input, at: now });
  return one(db, id);
}

export async function deleteStorePrinter(db: DbOrTx, id: string, user: SessionUser, now: Date): Promise<void> {
  const before = await one(db, id);
  await db.update(storePrinters).set({ active: false }).where(eq(storePrinters.id, id));
  await recordAudit(db, { user, action: 'delete', entity: 'store_printer', entityId: id, before, at: now });
}

/** The printer a till may send to: one of its own store's, still set up. */
export async function tillPrinter(db: DbOrTx, storeId: string, printerId: string): Promise<{ host: string; port: number }> {
  const [p] = await db
    .select({ host: storePrinters.host, port: storePrinters.port })
    .from(storePrinters)
    .where(and(eq(storePrinters.id, printerId), eq(storePrinters.storeId, storeId), eq(storePrinters.active, true)));
  if (!p) throw new DomainError('unprocessable', 'printerId is not a printer set up for this till’s store', 'printerId');
  return p;
}
