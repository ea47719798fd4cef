import {
  customerStatementDocument,
  deliveryNoteDocument,
  goodsReceiptDocument,
  purchaseOrderDocument,
  purchaseReceiptDocument,
  salesInvoiceDocument,
  type DocumentContext,
  type DocumentLanguage,
  type InvoiceParty,
  type PrintDocument,
} from '@shopbook/shared';
import { asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { company, customers, products, saleLines, sales, stores, warehouses } from '../../db/schema/index.ts';
import { DomainError } from '../../http/errors.ts';
import { getOrder } from '../purchasing/orders.queries.ts';
import { getReceipt as getPurchaseReceipt } from '../purchasing/receipts.queries.ts';
import { getReceipt as getDirectReceipt } from '../receipts/receipts.queries.ts';
import { getInvoice } from '../receivables/invoices.queries.ts';
import { customerStatement } from '../receivables/reports.queries.ts';
import { getSupplier } from '../suppliers/suppliers.queries.ts';
import { getTransfer } from '../transfers/transfers.queries.ts';

/**
 * The printable documents, built from the same queries that serve each document's own
 * endpoint, so a print never says something the screen does not.
 */

async function context(db: DbOrTx, language: DocumentLanguage, supplierId: string | null): Promise<DocumentContext> {
  const [co] = await db.select().from(company).limit(1);
  const whs = await db.select({ id: warehouses.id, code: warehouses.code, name: warehouses.name }).from(warehouses);
  const supplier = supplierId ? await getSupplier(db, supplierId) : null;
  return {
    companyName: co?.name ?? '',
    currency: co?.currency ?? 'CNY',
    language,
    supplier,
    warehouses: Object.fromEntries(whs.map((w) => [w.id, `${w.code} ${w.name}`])),
  };
}

export async function purchaseOrderPrint(db: DbOrTx, id: string, language: DocumentLanguage): Promise<PrintDocument> {
  const order = await getOrder(db, id);
  return purchaseOrderDocument(order, await context(db, language, order.supplierId));
}

export async function purchaseReceiptPrint(db: DbOrTx, id: string, language: DocumentLanguage): Promise<PrintDocument> {
  const receipt = await getPurchaseReceipt(db, id);
  return purchaseReceiptDocument(receipt, await context(db, language, receipt.supplierId));
}

export async function goodsReceiptPrint(db: DbOrTx, id: string, language: DocumentLanguage): Promise<PrintDocument> {
  const receipt = await getDirectReceipt(db, id);
  return goodsReceiptDocument(receipt, await context(db, language, receipt.supplierId));
}

export async function deliveryNotePrint(db: DbOrTx, id: string, language: DocumentLanguage): Promise<PrintDocument> {
  return deliveryNoteDocument(await getTransfer(db, id), await context(db, language, null));
}

/** What the person printing an invoice may type in: the buyer's details. The seller's come from the company settings. */
export interface InvoiceDetails {
  buyer: Partial<InvoiceParty>;
}

function filled<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => typeof v === 'string' && v.trim() !== '')) as Partial<T>;
}

const EMPTY_PARTY: InvoiceParty = { name: '', taxNumber: '', address: '', phone: '', bankName: '', bankAccount: '' };

/**
 * A till sale as a VAT invoice. The buyer comes from the sale's customer when it has one;
 * what the person printing types in wins. The invoice number is the sale's receipt number
 * until invoices are documents of their own with their own numbering.
 */
export async function saleInvoicePrint(db: DbOrTx, id: string, language: DocumentLanguage, details: InvoiceDetails): Promise<PrintDocument> {
  const [sale] = await db
    .select({ s: sales, storeName: stores.name })
    .from(sales)
    .innerJoin(stores, eq(stores.id, sales.storeId))
    .where(eq(sales.id, id));
  if (!sale) throw new DomainError('not_found', `no sale ${id}`, 'id');
  const lines = await db
    .select({ l: saleLines, name: products.name, sku: products.sku, unit: products.unit })
    .from(saleLines)
    .innerJoin(products, eq(products.id, saleLines.productId))
    .where(eq(saleLines.saleId, id))
    .orderBy(asc(saleLines.lineNo));
  const [co] = await db.select().from(company).limit(1);
  let buyer: InvoiceParty = { ...EMPTY_PARTY };
  if (sale.s.customerId) {
    const [c] = await db.select().from(customers).where(eq(customers.id, sale.s.customerId));
    if (c) buyer = { name: c.invoiceTitle || c.name, taxNumber: c.taxNumber, address: c.address, phone: c.phone, bankName: c.bankName, bankAccount: c.bankAccount };
  }
  const typed = filled(details.buyer);
  return salesInvoiceDocument({
    number: sale.s.receiptNo,
    issuedAt: sale.s.occurredAt.toISOString(),
    reference: sale.s.receiptNo,
    storeName: sale.storeName,
    seller: {
      name: co?.name ?? '',
      taxNumber: co?.taxNumber ?? '',
      address: co?.address ?? '',
      phone: co?.phone ?? '',
      bankName: co?.bankName ?? '',
      bankAccount: co?.bankAccount ?? '',
    },
    buyer: { ...buyer, ...typed },
    lines: lines.map(({ l, name, sku, unit }) => ({ name, sku, unit, qty: l.qty, taxRateBp: l.taxRateBp, net: l.net, tax: l.tax, gross: l.gross })),
    currency: co?.currency ?? 'CNY',
    language,
  });
}

async function companyParty(db: DbOrTx) {
  const [co] = await db.select().from(company).limit(1);
  return {
    currency: co?.currency ?? 'CNY',
    party: { name: co?.name ?? '', taxNumber: co?.taxNumber ?? '', address: co?.address ?? '', phone: co?.phone ?? '', bankName: co?.bankName ?? '', bankAccount: co?.bankAccount ?? '' },
  };
}

async function customerRow(db: DbOrTx, id: string) {
  const [c] = await db.select().from(customers).where(eq(customers.id, id));
  if (!c) throw new DomainError('not_found', `no customer ${id}`, 'id');
  return c;
}

/** A customer invoice or credit note of the receivables ledger in the VAT invoice layout. */
export async function customerInvoicePrint(db: DbOrTx, id: string, language: DocumentLanguage): Promise<PrintDocument> {
  const inv = await getInvoice(db, id);
  const c = await customerRow(db, inv.customerId);
  const { currency, party } = await companyParty(db);
  const ids = [...new Set(inv.lines.map((l) => l.productId))];
  const units = new Map(ids.length ? (await db.select({ id: products.id, unit: products.unit }).from(products).where(inArray(products.id, ids))).map((p) => [p.id, p.unit]) : []);
  const [store] = await db.select({ name: stores.name }).from(stores).where(eq(stores.id, inv.storeId));
  return salesInvoiceDocument({
    credit: inv.kind === 'credit_note',
    number: inv.number,
    issuedAt: inv.invoiceDate,
    dueDate: inv.kind === 'invoice' ? inv.dueDate : null,
    reference: '',
    storeName: store?.name ?? '',
    seller: party,
    buyer: { name: inv.buyerTitle || c.name, taxNumber: inv.buyerTaxNumber, address: c.address, phone: c.phone, bankName: c.bankName, bankAccount: c.bankAccount },
    lines: inv.lines.map((l) => ({ name: l.name, sku: l.sku, unit: units.get(l.productId) ?? '', qty: l.qty, taxRateBp: l.taxRateBp, net: l.net, tax: l.tax, gross: l.gross })),
    currency,
    language,
  });
}

/** A customer's statement from the receivables ledger, as of today. */
export async function customerStatementPrint(db: DbOrTx, customerId: string, language: DocumentLanguage, today: string): Promise<PrintDocument> {
  const c = await customerRow(db, customerId);
  const { currency, party } = await companyParty(db);
  return customerStatementDocument({
    company: party,
    customer: { code: c.code, name: c.invoiceTitle || c.name, taxNumber: c.taxNumber, address: c.address, phone: c.phone },
    entries: await customerStatement(db, customerId),
    asOf: today,
    currency,
    language,
  });
}
