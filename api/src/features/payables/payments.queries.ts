import { newId, type SessionUser, type SupplierPayment, type supplierPaymentInputSchema } from '@shopbook/shared';
import { asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import { supplierInvoices, supplierPaymentAllocations, supplierPayments, suppliers } from '../../db/schema/index.ts';
import { DomainError } from '../../http/errors.ts';
import { recordAudit } from '../audit/record.ts';
import { ACCOUNTS } from '../finance/chart.ts';
import { postJournalEntry } from '../finance/post-entry.ts';
import { nextNumber } from '../inventory/numbering.ts';

type PaymentInput = z.output<typeof supplierPaymentInputSchema>;

/** Where a payment leaves from. */
const PAYING_ACCOUNT = { bank: ACCOUNTS.bank.code, cash: ACCOUNTS.cash.code, other: ACCOUNTS.bank.code } as const;

export async function getPayment(db: DbOrTx, id: string): Promise<SupplierPayment> {
  const [head] = await db
    .select({ p: supplierPayments, supplierName: suppliers.name })
    .from(supplierPayments)
    .innerJoin(suppliers, eq(suppliers.id, supplierPayments.supplierId))
    .where(eq(supplierPayments.id, id));
  if (!head) throw new DomainError('not_found', `no supplier payment ${id}`, 'id');
  const allocations = await db
    .select({ invoiceId: supplierPaymentAllocations.invoiceId, amount: supplierPaymentAllocations.amount, invoiceNumber: supplierInvoices.number, supplierInvoiceNo: supplierInvoices.supplierInvoiceNo })
    .from(supplierPaymentAllocations)
    .innerJoin(supplierInvoices, eq(supplierInvoices.id, supplierPaymentAllocations.invoiceId))
    .where(eq(supplierPaymentAllocations.paymentId, id))
    .orderBy(asc(supplierInvoices.dueDate));
  const p = head.p;
  return {
    id: p.id, number: p.number, supplierId: p.supplierId, supplierName: head.supplierName, paymentDate: p.paymentDate, method: p.method, amount: p.amount,
    reference: p.reference, note: p.note, createdAt: p.createdAt.toISOString(), allocations,
  };
}

export async function listPayments(db: DbOrTx, supplierId?: string): Promise<Omit<SupplierPayment, 'allocations'>[]> {
  const list = await db
    .select({ p: supplierPayments, supplierName: suppliers.name })
    .from(supplierPayments)
    .innerJoin(suppliers, eq(suppliers.id, supplierPayments.supplierId))
    .where(supplierId ? eq(supplierPayments.supplierId, supplierId) : undefined)
    .orderBy(desc(supplierPayments.paymentDate), desc(supplierPayments.createdAt))
    .limit(500);
  return list.map(({ p, supplierName }) => ({
    id: p.id, number: p.number, supplierId: p.supplierId, supplierName, paymentDate: p.paymentDate, method: p.method, amount: p.amount,
    reference: p.reference, note: p.note, createdAt: p.createdAt.toISOString(),
  }));
}

/**
 * A payment settles one or several posted invoices of its supplier, none beyond what is
 * open on it; the invoices are locked first, so two payments of one invoice are counted
 * one after the other. Books Dr payables, Cr the bank or cash it left from.
 */
export async function createPayment(db: DbOrTx, input: PaymentInput, user: SessionUser, now: Date): Promise<SupplierPayment> {
  const [supplier] = await db.select().from(suppliers).where(eq(suppliers.id, input.supplierId));
  if (!supplier) throw new DomainError('unprocessable', 'no such supplier', 'supplierId');
  const ids = input.allocations.map((a) => a.invoiceId);
  const invoices = await db.select().from(supplierInvoices).where(inArray(supplierInvoices.id, ids)).orderBy(asc(supplierInvoices.id)).for('update');
  for (const [i, a] of input.allocations.entries()) {
    const inv = invoices.find((x) => x.id === a.invoiceId);
    if (!inv || inv.supplierId !== supplier.id) throw new DomainError('unprocessable', 'no invoice of this supplier', `allocations.${i}.invoiceId`);
    if (inv.status !== 'posted') throw new DomainError('unprocessable', `invoice ${inv.number} is ${inv.status}; only posted invoices are paid`, `allocations.${i}.invoiceId`);
    const open = inv.baseGross - inv.paid;
    if (a.amount > open) throw new DomainError('unprocessable', `only ${open} is open on invoice ${inv.number}`, `allocations.${i}.amount`);
  }
  const id = newId();
  const number = await nextNumber(db, 'SP', now.getUTCFullYear());
  await db.insert(supplierPayments).values({
    id, number, supplierId: supplier.id, paymentDate: input.paymentDate, method: input.method, amount: input.amount, reference: input.reference,
    note: input.note, createdBy: user.id, createdAt: now,
  });
  await db.insert(supplierPaymentAllocations).values(input.allocations.map((a) => ({ id: newId(), paymentId: id, invoiceId: a.invoiceId, amount: a.amount })));
  for (const a of input.allocations) {
    await db.update(supplierInvoices).set({ paid: sql`${supplierInvoices.paid} + ${a.amount}` }).where(eq(supplierInvoices.id, a.invoiceId));
  }
  await postJournalEntry(db, {
    date: input.paymentDate, dateField: 'paymentDate', sourceType: 'supplier_payment', sourceId: id, memo: `${number} ${supplier.code}`, userId: user.id, postedAt: now,
    lines: [
      { accountCode: ACCOUNTS.payables.code, debit: input.amount, credit: 0 },
      { accountCode: PAYING_ACCOUNT[input.method], debit: 0, credit: input.amount },
    ],
  });
  await recordAudit(db, { user, action: 'create', entity: 'supplier_payment', entityId: id, after: { number, ...input }, at: now });
  return getPayment(db, id);
}
