import type { StatementEntry } from '../../api/receivables.ts';
import { documentFormat } from './document-format.ts';
import { documentWords, type DocumentLanguage } from './document-words.ts';
import { col, present, type PrintDocument } from './print-document.ts';

export interface StatementInput {
  company: { name: string; taxNumber: string; address: string; phone: string; bankName: string; bankAccount: string };
  customer: { code: string; name: string; taxNumber: string; address: string; phone: string };
  entries: readonly StatementEntry[];
  /** The day the statement is printed for. */
  asOf: string;
  currency: string;
  language: DocumentLanguage;
}

/**
 * A customer's statement: every invoice, credit note and payment in date order with the
 * running balance the receivables ledger computed, and the balance due at the foot. Amounts
 * that raise the balance are charges, the others payments or credits.
 */
export function customerStatementDocument(input: StatementInput): PrintDocument {
  const w = documentWords(input.language);
  const f = documentFormat(input.language, input.currency);
  const closing = input.entries.at(-1)?.balance ?? 0;
  const c = input.company;
  return {
    kind: 'customer-statement',
    language: input.language,
    issuer: c.name,
    title: w.titles['customer-statement'],
    number: input.customer.code,
    meta: [
      { label: w.date, value: f.date(input.asOf) },
      { label: w.currency, value: input.currency },
    ],
    parties: [
      {
        heading: w.customer,
        fields: present([
          { label: w.name, value: input.customer.name },
          { label: w.taxNumber, value: input.customer.taxNumber },
          { label: w.addressPhone, value: [input.customer.address, input.customer.phone].filter(Boolean).join(' ') },
        ]),
      },
      {
        heading: w.seller,
        fields: present([
          { label: w.name, value: c.name },
          { label: w.addressPhone, value: [c.address, c.phone].filter(Boolean).join(' ') },
          { label: w.bank, value: [c.bankName, c.bankAccount].filter(Boolean).join(' ') },
        ]),
      },
    ],
    lines: {
      columns: [col('date', w.date, 10), col('entry', w.entry, 12), col('number', w.number, 16), col('debit', w.debit, 12, 'right'), col('credit', w.credit, 12, 'right'), col('balance', w.balance, 12, 'right')],
      rows: input.entries.map((e) => ({
        date: f.date(e.date),
        entry: w.statementKinds[e.kind] ?? e.kind,
        number: e.number,
        debit: e.amount > 0 ? f.amount(e.amount) : '',
        credit: e.amount < 0 ? f.amount(-e.amount) : '',
        balance: f.amount(e.balance),
      })),
    },
    totals: [{ label: w.closingBalance, value: f.money(closing), strong: true }],
    taxSummary: null,
    amountInWords: null,
    notes: [],
    signatures: [],
  };
}
