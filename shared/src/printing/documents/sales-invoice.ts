import { amountInWordsEn, amountInWordsZh } from '../../money/amount-in-words.ts';
import { documentFormat } from './document-format.ts';
import { documentWords, type DocumentLanguage } from './document-words.ts';
import { col, present, type PrintDocument } from './print-document.ts';

/** A party on a VAT invoice: the fields the tax office's layout asks for. */
export interface InvoiceParty {
  name: string;
  taxNumber: string;
  address: string;
  phone: string;
  bankName: string;
  bankAccount: string;
}

export interface InvoiceLine {
  name: string;
  sku: string;
  unit: string;
  /** Quantity as text with up to 3 decimals. */
  qty: string;
  taxRateBp: number;
  /** Minor units, as the sale recorded them (tax per line, rounded half away from zero). */
  net: number;
  tax: number;
  gross: number;
}

export interface InvoiceInput {
  /** A credit note prints under its own title; its figures are as the document holds them. */
  credit?: boolean;
  /** Payment due, for an invoice on account. */
  dueDate?: string | null;
  number: string;
  issuedAt: string;
  /** The sale it invoices, e.g. a till receipt number. */
  reference: string;
  storeName: string;
  seller: InvoiceParty;
  buyer: InvoiceParty;
  lines: InvoiceLine[];
  currency: string;
  language: DocumentLanguage;
  timeZone?: string;
}

export interface RateTotal {
  taxRateBp: number;
  net: number;
  tax: number;
  gross: number;
}

/** Net, tax and gross per tax rate, highest rate first; sums of the lines' own figures, never recomputed. */
export function totalsByRate(lines: readonly InvoiceLine[]): RateTotal[] {
  const byRate = new Map<number, RateTotal>();
  for (const l of lines) {
    const t = byRate.get(l.taxRateBp) ?? { taxRateBp: l.taxRateBp, net: 0, tax: 0, gross: 0 };
    t.net += l.net;
    t.tax += l.tax;
    t.gross += l.gross;
    byRate.set(l.taxRateBp, t);
  }
  return [...byRate.values()].sort((a, b) => b.taxRateBp - a.taxRateBp);
}

/**
 * Unit price before tax: the line's net over its quantity, shown with two more decimals
 * than the currency when it does not divide evenly (as VAT invoices print it), so
 * quantity × price visibly gives the amount.
 */
export function netUnitPrice(net: number, qty: string, decimals: number): string {
  const q = Number(qty);
  if (!q) return '';
  const major = net / 10 ** decimals / q;
  const exact = Number(major.toFixed(decimals));
  return Math.abs(exact * q - net / 10 ** decimals) < 1e-9 ? major.toFixed(decimals) : major.toFixed(decimals + 2);
}

function partyFields(p: InvoiceParty, w: ReturnType<typeof documentWords>) {
  return present([
    { label: w.name, value: p.name },
    { label: w.taxNumber, value: p.taxNumber },
    { label: w.addressPhone, value: [p.address, p.phone].filter(Boolean).join(' ') },
    { label: w.bank, value: [p.bankName, p.bankAccount].filter(Boolean).join(' ') },
  ]);
}

/** The VAT invoice layout of a sale: parties, lines with rate and tax, per-rate totals, the total in words. */
export function salesInvoiceDocument(input: InvoiceInput): PrintDocument {
  const w = documentWords(input.language);
  const f = documentFormat(input.language, input.currency, input.timeZone);
  const net = input.lines.reduce((s, l) => s + l.net, 0);
  const tax = input.lines.reduce((s, l) => s + l.tax, 0);
  const gross = input.lines.reduce((s, l) => s + l.gross, 0);
  return {
    kind: input.credit ? 'credit-note' : 'sales-invoice',
    language: input.language,
    issuer: input.seller.name,
    title: w.titles[input.credit ? 'credit-note' : 'sales-invoice'],
    number: input.number,
    meta: present([
      { label: w.date, value: f.date(input.issuedAt) },
      { label: w.dueDate, value: input.dueDate ? f.date(input.dueDate) : '' },
      { label: w.receiptNo, value: input.reference },
      { label: w.store, value: input.storeName },
      { label: w.currency, value: input.currency },
    ]),
    parties: [
      { heading: w.buyer, fields: partyFields(input.buyer, w) },
      { heading: w.seller, fields: partyFields(input.seller, w) },
    ],
    lines: {
      columns: [
        col('item', w.item, 30),
        col('sku', w.sku, 12),
        col('unit', w.unit, 6, 'center'),
        col('qty', w.qty, 8, 'right'),
        col('unitPrice', w.unitPrice, 11, 'right'),
        col('net', w.net, 12, 'right'),
        col('rate', w.taxRate, 7, 'right'),
        col('tax', w.tax, 11, 'right'),
      ],
      rows: input.lines.map((l) => ({
        item: l.name,
        sku: l.sku,
        unit: w.units[l.unit] ?? l.unit,
        qty: f.qty(l.qty),
        unitPrice: netUnitPrice(l.net, l.qty, f.decimals),
        net: f.amount(l.net),
        rate: f.rate(l.taxRateBp),
        tax: f.amount(l.tax),
      })),
    },
    totals: [
      { label: w.net, value: f.money(net), strong: false },
      { label: w.tax, value: f.money(tax), strong: false },
      { label: w.gross, value: f.money(gross), strong: true },
    ],
    taxSummary: {
      columns: [col('rate', w.taxRate, 1), col('net', w.net, 1, 'right'), col('tax', w.tax, 1, 'right'), col('gross', w.gross, 1, 'right')],
      rows: totalsByRate(input.lines).map((t) => ({ rate: f.rate(t.taxRateBp), net: f.amount(t.net), tax: f.amount(t.tax), gross: f.amount(t.gross) })),
    },
    amountInWords: { label: w.words, zh: amountInWordsZh(gross), en: amountInWordsEn(gross, input.currency), figure: f.money(gross) },
    notes: [w.pricesExcludeTax],
    signatures: [w.payee, w.checker, w.drawer],
  };
}
