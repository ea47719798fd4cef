import { type ExpenseDocument, type expenseInputSchema, newId, type SessionUser } from '@shopbook/shared';
import { and, desc, eq, gte, lte, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import { expenseDocuments, stores } from '../../db/schema/index.ts';
import { DomainError } from '../../http/errors.ts';
import { recordAudit } from '../audit/record.ts';
import { ACCOUNTS } from '../finance/chart.ts';
import { postJournalEntry } from '../finance/post-entry.ts';
import { nextNumber } from '../inventory/numbering.ts';

type ExpenseInput = z.output<typeof expenseInputSchema>;
const MONEY_ACCOUNT = { cash: ACCOUNTS.cash.code, bank: ACCOUNTS.bank.code } as const;

function documentOf(r: typeof expenseDocuments.$inferSelect): ExpenseDocument {
  return {
    id: r.id, number: r.number, kind: r.kind, documentDate: r.documentDate, accountCode: r.accountCode, storeId: r.storeId, description: r.description,
    amount: r.amount, tax: r.tax, method: r.method, reference: r.reference, createdAt: r.createdAt.toISOString(),
  };
}

export async function getExpense(db: DbOrTx, id: string): Promise<ExpenseDocument> {
  const [r] = await db.select().from(expenseDocuments).where(eq(expenseDocuments.id, id));
  if (!r) throw new DomainError('not_found', `no expense document ${id}`, 'id');
  return documentOf(r);
}

export async function listExpenses(db: DbOrTx, q: { from?: string; to?: string }): Promise<ExpenseDocument[]> {
  const where: SQL[] = [];
  if (q.from) where.push(gte(expenseDocuments.documentDate, q.from));
  if (q.to) where.push(lte(expenseDocuments.documentDate, q.to));
  const list = await db.select().from(expenseDocuments).where(where.length ? and(...where) : undefined).orderBy(desc(expenseDocuments.documentDate), desc(expenseDocuments.number)).limit(500);
  return list.map(documentOf);
}

/**
 * Posts an expense (Dr the expense account net of input VAT, Dr input VAT, Cr cash or
 * bank) or other income (Dr cash or bank, Cr the income account), numbered EX-year-n.
 * A date in a closed month is refused on `documentDate`.
 */
export async function postExpense(db: DbOrTx, input: ExpenseInput, user: SessionUser, now: Date): Promise<ExpenseDocument> {
  if (input.storeId) {
    const [store] = await db.select({ id: stores.id }).from(stores).where(eq(stores.id, input.storeId));
    if (!store) throw new DomainError('unprocessable', 'no such store', 'storeId');
  }
  const id = newId();
  const number = await nextNumber(db, 'EX', Number(input.documentDate.slice(0, 4)));
  await db.insert(expenseDocuments).values({ id, number, ...input, createdBy: user.id, createdAt: now });
  const money = MONEY_ACCOUNT[input.method];
  const lines =
    input.kind === 'expense'
      ? [
          { accountCode: input.accountCode, debit: input.amount - input.tax, credit: 0 },
          ...(input.tax > 0 ? [{ accountCode: ACCOUNTS.taxReceivable.code, debit: input.tax, credit: 0 }] : []),
          { accountCode: money, debit: 0, credit: input.amount },
        ]
      : [
          { accountCode: money, debit: input.amount, credit: 0 },
          { accountCode: input.accountCode, debit: 0, credit: input.amount },
        ];
  await postJournalEntry(db, {
    date: input.documentDate, sourceType: 'expense', sourceId: id, memo: `${number} ${input.description}`, userId: user.id, postedAt: now, lines,
    whenClosed: 'refuse', dateField: 'documentDate',
  });
  await recordAudit(db, { user, action: 'post', entity: 'expense_document', entityId: id, after: { number, ...input }, at: now });
  return getExpense(db, id);
}
