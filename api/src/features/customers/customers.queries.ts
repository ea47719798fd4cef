import { newId, type Customer, type customerInputSchema, type customerQuerySchema, type CustomerSummary, type SessionUser } from '@shopbook/shared';
import { and, asc, count, eq, ilike, ne, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import { customerAddresses, customerContacts, customers, users } from '../../db/schema/index.ts';
import { DomainError } from '../../http/errors.ts';
import { recordAudit } from '../audit/record.ts';
import { customerBalances } from './balance.queries.ts';
import { assignSalesperson, ownScope } from './salespeople.queries.ts';

type CustomerInput = z.output<typeof customerInputSchema>;
type CustomerQuery = z.output<typeof customerQuerySchema>;
type Row = typeof customers.$inferSelect;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
/** Every change takes a new revision from the catalogue's sequence, so tills pull it. */
const nextRevision = sql`nextval('catalogue_revision')`;

function summaryOf(row: Row, balance: number, salespersonName: string | null): CustomerSummary {
  return {
    id: row.id, code: row.code, name: row.name, taxNumber: row.taxNumber, phone: row.phone, email: row.email, category: row.category,
    discountBp: row.discountBp, creditLimit: row.creditLimit, paymentTermsDays: row.paymentTermsDays, status: row.status, balance,
    salespersonId: row.salespersonId, salespersonName, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * Code or name prefix first, then phones containing the text and tax numbers starting with
 * it. A user without sales.all sees only the customers assigned to them.
 */
export async function listCustomers(db: DbOrTx, q: CustomerQuery, user: SessionUser): Promise<{ items: CustomerSummary[]; total: number }> {
  const where: SQL[] = [];
  const scope = ownScope(user);
  if (scope) where.push(eq(customers.salespersonId, scope));
  if (q.salespersonId) where.push(eq(customers.salespersonId, q.salespersonId === 'me' ? user.id : q.salespersonId));
  if (q.status !== 'all') where.push(eq(customers.status, q.status));
  if (q.category) where.push(eq(customers.category, q.category));
  const text = q.q ? escapeLike(q.q) : null;
  if (text) {
    where.push(or(
      ilike(customers.code, `${text}%`), ilike(customers.name, `${text}%`), ilike(customers.phone, `%${text}%`), ilike(customers.taxNumber, `${text}%`),
    )!);
  }
  const filter = where.length ? and(...where) : undefined;
  const [total] = await db.select({ n: count() }).from(customers).where(filter);
  const order = text
    ? [sql`CASE WHEN ${customers.code} ILIKE ${`${text}%`} THEN 0 WHEN ${customers.name} ILIKE ${`${text}%`} THEN 1 ELSE 2 END`, asc(customers.code)]
    : [asc(customers.code)];
  const found = await db
    .select({ c: customers, salesperson: users.displayName })
    .from(customers)
    .leftJoin(users, eq(users.id, customers.salespersonId))
    .where(filter).orderBy(...order).limit(q.pageSize).offset((q.page - 1) * q.pageSize);
  const balances = await customerBalances(db, found.map((f) => f.c.id));
  return { total: total?.n ?? 0, items: found.map((f) => summaryOf(f.c, balances.get(f.c.id)?.balance ?? 0, f.salesperson)) };
}

/**
 * One customer; with `scope` (a salesperson's id, see ownScope) someone else's customer
 * is not found, exactly like one that does not exist.
 */
export async function getCustomer(db: DbOrTx, id: string, scope: string | null = null): Promise<Customer> {
  const [found] = await db.select({ c: customers, salesperson: users.displayName }).from(customers).leftJoin(users, eq(users.id, customers.salespersonId))
    .where(eq(customers.id, id));
  const row = found?.c;
  if (!row || (scope && row.salespersonId !== scope)) throw new DomainError('not_found', `no customer ${id}`, 'id');
  const contacts = await db.select().from(customerContacts).where(eq(customerContacts.customerId, id)).orderBy(asc(customerContacts.position));
  const addresses = await db.select().from(customerAddresses).where(eq(customerAddresses.customerId, id)).orderBy(asc(customerAddresses.position));
  const balance = (await customerBalances(db, [id])).get(id)?.balance ?? 0;
  return {
    ...summaryOf(row, balance, found.salesperson),
    invoiceTitle: row.invoiceTitle, address: row.address, bankName: row.bankName, bankAccount: row.bankAccount, note: row.note,
    contacts: contacts.map((c) => ({ id: c.id, name: c.name, role: c.role, phone: c.phone, email: c.email })),
    addresses: addresses.map((a) => ({ id: a.id, kind: a.kind, recipient: a.recipient, phone: a.phone, address: a.address, isDefault: a.isDefault })),
  };
}

/** The customer row locked for the change, so two saves of one customer take turns; outside the user's scope it is not found. */
async function lockCustomer(db: DbOrTx, id: string, user: SessionUser): Promise<void> {
  const scope = ownScope(user);
  const [locked] = await db.select({ id: customers.id, salespersonId: customers.salespersonId }).from(customers).where(eq(customers.id, id)).for('update');
  if (!locked || (scope && locked.salespersonId !== scope)) throw new DomainError('not_found', `no customer ${id}`, 'id');
}

// The unique index is the real guard; this names the holder before the insert fails.
async function checkCodeFree(db: DbOrTx, code: string, selfId: string | null) {
  const [taken] = await db
    .select({ name: customers.name })
    .from(customers)
    .where(and(eq(customers.code, code), selfId ? ne(customers.id, selfId) : undefined));
  if (taken) throw new DomainError('conflict', `customer code ${code} is already used by ${taken.name}`, 'code');
}

async function writeChildren(db: DbOrTx, id: string, input: CustomerInput) {
  await db.delete(customerContacts).where(eq(customerContacts.customerId, id));
  await db.delete(customerAddresses).where(eq(customerAddresses.customerId, id));
  if (input.contacts.length) {
    await db.insert(customerContacts).values(input.contacts.map((c, i) => ({ id: newId(), customerId: id, position: i + 1, ...c })));
  }
  if (input.addresses.length) {
    await db.insert(customerAddresses).values(input.addresses.map((a, i) => ({ id: newId(), customerId: id, position: i + 1, ...a })));
  }
}

function columns(input: CustomerInput) {
  const { contacts: _c, addresses: _a, salespersonId: _s, ...rest } = input;
  return rest;
}

export async function createCustomer(db: DbOrTx, input: CustomerInput, user: SessionUser, now: Date): Promise<Customer> {
  await checkCodeFree(db, input.code, null);
  const salespersonId = await assignSalesperson(db, input.salespersonId, user, undefined);
  const id = newId();
  await db.insert(customers).values({ id, ...columns(input), salespersonId, createdAt: now, updatedAt: now });
  await writeChildren(db, id, input);
  const after = await getCustomer(db, id);
  await recordAudit(db, { user, action: 'create', entity: 'customer', entityId: id, after, at: now });
  return after;
}

/** Replaces a customer's details with its contacts and addresses; the status is left alone (archive and restore change it). */
export async function updateCustomer(db: DbOrTx, id: string, input: CustomerInput, user: SessionUser, now: Date): Promise<Customer> {
  await lockCustomer(db, id, user);
  const before = await getCustomer(db, id);
  await checkCodeFree(db, input.code, id);
  const salespersonId = await assignSalesperson(db, input.salespersonId, user, before.salespersonId);
  await db.update(customers).set({ ...columns(input), salespersonId, updatedAt: now, revision: nextRevision }).where(eq(customers.id, id));
  await writeChildren(db, id, input);
  const after = await getCustomer(db, id);
  await recordAudit(db, { user, action: 'update', entity: 'customer', entityId: id, before, after, at: now });
  return after;
}

/**
 * Archives or restores a customer. Archived ones keep their history and balance but
 * leave the default list, and tills drop them (a tombstone in the pull).
 */
export async function setCustomerStatus(db: DbOrTx, id: string, status: 'active' | 'archived', user: SessionUser, now: Date): Promise<Customer> {
  await lockCustomer(db, id, user);
  const before = await getCustomer(db, id);
  if (before.status === status) return before;
  await db.update(customers).set({ status, updatedAt: now, revision: nextRevision }).where(eq(customers.id, id));
  const after = await getCustomer(db, id);
  await recordAudit(db, { user, action: status === 'archived' ? 'archive' : 'restore', entity: 'customer', entityId: id, before, after, at: now });
  return after;
}
