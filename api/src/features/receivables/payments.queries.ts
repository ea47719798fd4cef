import { type ApplyCreditInput, newId, type CustomerPayment, type customerPaymentInputSchema, type SessionUser } from '@shopbook/shared';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import { customerInvoices, customerPaymentAllocations, customerPayments, customers } from '../../db/schema/index.ts';
import { DomainError } from '../../http/errors.ts';
import { recordAudit } from '../audit/record.ts';
import { ACCOUNTS } from '../finance/chart.ts';
import { postJournalEntry } from '../finance/post-entry.ts';
import { nextNumber } from '../inventory/numbering.ts';
import { touchCustomers } from '../customers/touch.ts';
import { openOf } from './invoices.queries.ts';

type PaymentInput = z.output<typeof customerPaymentInputSchema>;
const RECEIVING_ACCOUNT = { bank: ACCOUNTS.bank.code, cash: ACCOUNTS.cash.code, other: ACCOUNTS.bank.code } as const;

export async function getPayment(db: DbOrTx, id: string): Promise<CustomerPayment> {
  const [p] = await db.select().from(customerPayments).where(eq(customerPayments.id, id));
  if (!p) throw new DomainError('not_found', `no customer payment ${id}`, 'id');
  const allocations = await db
    .select({ invoiceId: customerPaymentAllocations.invoiceId, amount: customerPaymentAllocations.amount, invoiceNumber: customerInvoices.number })
    .from(customerPaymentAllocations)
    .innerJoin(customerInvoices, eq(customerInvoices.id, customerPaymentAllocations.invoiceId))
    .where(eq(customerPaymentAllocations.paymentId, id))
    .orderBy(asc(customerInvoices.dueDate));
  return {
    id: p.id, number: p.number, customerId: p.customerId, paymentDate: p.paymentDate, method: p.method, amount: p.amount, unallocated: p.unallocated,
    reference: p.reference, allocations,
  };
}

/** Checks allocations against the customer's open invoices, locked in id order. */
async function lockedInvoices(db: DbOrTx, customerId: string, allocations: readonly { invoiceId: string; amount: number }[]) {
  const ids = allocations.map((a) => a.invoiceId);
  const invoices = ids.length ? await db.select().from(customerInvoices).where(inArray(customerInvoices.id, ids)).orderBy(asc(customerInvoices.id)).for('update') : [];
  allocations.forEach((a, i) => {
    const inv = invoices.find((x) => x.id === a.invoiceId);
    if (!inv || inv.customerId !== customerId || inv.kind !== 'invoice') throw new DomainError('unprocessable', 'no invoice of this customer', `allocations.${i}.invoiceId`);
    if (a.amount > openOf(inv)) throw new DomainError('unprocessable', `only ${openOf(inv)} is open on invoice ${inv.number}`, `allocations.${i}.amount`);
  });
}

async function allocate(db: DbOrTx, paymentId: string, allocations: readonly { invoiceId: string; amount: number }[]) {
  if (!allocations.length) return;
  await db.insert(customerPaymentAllocations).values(allocations.map((a) => ({ id: newId(), paymentId, invoiceId: a.invoiceId, amount: a.amount })));
  for (const a of allocations) {
    await db.update(customerInvoices).set({ settled: sql`${customerInvoices.settled} + ${a.amount}` }).where(eq(customerInvoices.id, a.invoiceId));
  }
}

/** Payments of a customer that still hold credit to apply, oldest first. */
export async function creditsOf(db: DbOrTx, customerId: string): Promise<CustomerPayment[]> {
  const list = await db
    .select({ id: customerPayments.id })
    .from(customerPayments)
    .where(sql`${customerPayments.customerId} = ${customerId}::uuid AND ${customerPayments.unallocated} > 0`)
    .orderBy(asc(customerPayments.paymentDate), asc(customerPayments.id));
  return Promise.all(list.map((p) => getPayment(db, p.id)));
}

/**
 * Applies what a payment left over to the customer's invoices. The money is already in
 * the books (receivables carry it as a credit), so no journal entry: only which
 * invoices it settles changes.
 */
export async function applyCredit(db: DbOrTx, paymentId: string, input: ApplyCreditInput, user: SessionUser, now: Date): Promise<CustomerPayment> {
  const [payment] = await db.select().from(customerPayments).where(eq(customerPayments.id, paymentId)).for('update');
  if (!payment) throw new DomainError('not_found', `no customer payment ${paymentId}`, 'id');
  const total = input.allocations.reduce((s, a) => s + a.amount, 0);
  if (total > payment.unallocated) {
    throw new DomainError('unprocessable', `the payment has ${payment.unallocated} of credit left, less than the ${total} applied`, 'allocations');
  }
  await lockedInvoices(db, payment.customerId, input.allocations);
  await allocate(db, paymentId, input.allocations);
  await db.update(customerPayments).set({ unallocated: payment.unallocated - total }).where(eq(customerPayments.id, paymentId));
  await touchCustomers(db, [payment.customerId]);
  await recordAudit(db, { user, action: 'apply_credit', entity: 'customer_payment', entityId: paymentId, before: { unallocated: payment.unallocated }, after: { unallocated: payment.unallocated - total, allocations: input.allocations }, at: now });
  return getPayment(db, paymentId);
}

/**
 * Money from a customer settles their invoices (in full, in part, several at once);
 * what is left over stays as their credit. Dr bank or cash, Cr receivables.
 */
export async function receivePayment(db: DbOrTx, input: PaymentInput, user: SessionUser, now: Date): Promise<CustomerPayment> {
  const [customer] = await db.select().from(customers).where(eq(customers.id, input.customerId));
  if (!customer) throw new DomainError('unprocessable', 'no such customer', 'customerId');
  await lockedInvoices(db, customer.id, input.allocations);
  const allocated = input.allocations.reduce((s, a) => s + a.amount, 0);
  const id = newId();
  const number = await nextNumber(db, 'RC', now.getUTCFullYear());
  await db.insert(customerPayments).values({
    id, number, customerId: customer.id, paymentDate: input.paymentDate, method: input.method, amount: input.amount, unallocated: input.amount - allocated,
    reference: input.reference, createdBy: user.id, createdAt: now,
  });
  await allocate(db, id, input.allocations);
  await postJournalEntry(db, {
    date: input.paymentDate, dateField: 'paymentDate', sourceType: 'customer_payment', sourceId: id, memo: `${number} ${customer.code}`, userId: user.id, postedAt: now,
    lines: [
      { accountCode: RECEIVING_ACCOUNT[input.method], debit: input.amount, credit: 0 },
      { accountCode: ACCOUNTS.receivables.code, debit: 0, credit: input.amount },
    ],
  });
  await touchCustomers(db, [customer.id]);
  await recordAudit(db, { user, action: 'receive', entity: 'customer_payment', entityId: id, after: { number, ...input }, at: now });
  return getPayment(db, id);
}
