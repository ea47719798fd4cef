import { formatQuantity, lineAmount, parseQuantity } from '../quantity/quantity.ts';
import type { ReturnV1, SaleV1 } from '../sync/events.ts';
import type { ReceiptLabels } from './labels.ts';
import { LayoutBuilder, type ReceiptLayout } from './print-commands.ts';
import {
  type PrintOptions,
  type ReceiptStore,
  columnsOf,
  formatRate,
  formatReceiptDate,
  infoLines,
  labelsOf,
  moneyFormatter,
  storeHeader,
  valueTable,
} from './receipt-format.ts';
import { textWidth } from './text-width.ts';

/**
 * Sale and return receipts: a sale event (what the till stored and sent) plus the names
 * the event refers to by id → the abstract layout in columns.
 */

/** Product names by product id: a Map or a plain object. */
export type ProductNames = ReadonlyMap<string, string> | Readonly<Record<string, string>>;

export interface ReceiptContext {
  store: ReceiptStore;
  productNames: ProductNames;
  /** The cashier's display name. */
  cashierName: string;
  /** When the sale happened: the outbox event's occurredAt. */
  occurredAt: Date | string;
  customer?: { name: string; code?: string | null } | null;
  tillName?: string | null;
}

export interface ReturnReceiptContext extends ReceiptContext {
  /** The receipt number of the sale given back, when the till knows it. */
  originalReceiptNo?: string | null;
}

export interface ReceiptOptions extends PrintOptions {
  /**
   * What the till's return flow scans: 'qr' (default) holds the sale id (the return id
   * on a return receipt); 'code128' holds the receipt number, and falls back to a QR
   * code when the number is too long for the paper or not plain ASCII.
   */
  scanCode?: 'qr' | 'code128' | 'none';
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Reads what a scanner typed from a receipt's code: a sale or return id from the QR code,
 * or a receipt number from the Code 128 barcode.
 */
export function parseReceiptScan(scanned: string): { kind: 'id'; id: string } | { kind: 'receiptNo'; receiptNo: string } {
  const text = scanned.trim();
  return UUID.test(text) ? { kind: 'id', id: text.toLowerCase() } : { kind: 'receiptNo', receiptNo: text };
}

/** Dots a Code 128 (code set B) symbol takes at module width 2: start, data, check digit, stop. */
function code128Dots(data: string): number {
  return (11 * (data.length + 3) + 2) * 2;
}

function productName(names: ProductNames, productId: string): string {
  const name = names instanceof Map ? names.get(productId) : (names as Readonly<Record<string, string>>)[productId];
  return name?.trim() ? name : `#${productId.slice(0, 8)}`;
}

function scanCode(b: LayoutBuilder, id: string, receiptNo: string, options: ReceiptOptions): void {
  const kind = options.scanCode ?? 'qr';
  if (kind === 'none') return;
  // 12 dots per column is font A on 203 dpi paper: 384 dots on 58 mm, 576 on 80 mm.
  if (kind === 'code128' && /^[\x20-\x7e]+$/.test(receiptNo) && code128Dots(receiptNo) <= b.columns * 12) {
    b.barcode(receiptNo);
    return;
  }
  b.qr(id, receiptNo);
  b.text(receiptNo, { align: 'center' });
}

function footer(b: LayoutBuilder, store: ReceiptStore, options: PrintOptions): void {
  const text = options.footer === undefined ? store.receiptFooter : options.footer;
  if (text?.trim()) b.text(text, { align: 'center' });
}

interface ItemRow {
  name: string;
  qty: string;
  price: string | null;
  amount: string;
  extra: [string, string][];
}

/**
 * Item lines. Wide paper: a table (name wraps in its column, quantity, unit price and
 * amount on the first line). Narrow paper, or numbers too wide for a table: the name on
 * its own line(s), then `qty x price` and the amount.
 */
function itemTable(b: LayoutBuilder, L: ReceiptLabels, rows: readonly ItemRow[]): void {
  const withPrice = rows.some((r) => r.price !== null);
  const header = withPrice ? [L.item, L.qty, L.price, L.amount] : [L.item, L.qty, L.amount];
  const cells = (r: ItemRow) => (withPrice ? [r.name, r.qty, r.price ?? '', r.amount] : [r.name, r.qty, r.amount]);
  const widths = header.slice(1).map((h, i) => Math.max(textWidth(h), ...rows.map((r) => textWidth(cells(r)[i + 1]!))) + 2);
  const nameWidth = b.columns - widths.reduce((a, w) => a + w, 0);
  const wide = b.columns >= 40 && nameWidth >= 14;
  if (wide) b.tableRow(header, [nameWidth, ...widths]);
  else b.row(withPrice ? `${L.item} / ${L.qty} x ${L.price}` : `${L.item} / ${L.qty}`, L.amount);
  b.rule();
  for (const r of rows) {
    if (wide) b.tableRow(cells(r), [nameWidth, ...widths]);
    else {
      b.text(r.name);
      b.row(r.price === null ? `  x ${r.qty}` : `  ${r.qty} x ${r.price}`, r.amount);
    }
    for (const [label, value] of r.extra) b.row(`  ${label}`, value);
  }
}

function taxRows(lines: readonly { taxRateBp: number; net: number; tax: number }[], sign: 1 | -1, money: (m: number) => string): string[][] {
  const byRate = new Map<number, { net: number; tax: number }>();
  for (const l of lines) {
    const row = byRate.get(l.taxRateBp) ?? { net: 0, tax: 0 };
    byRate.set(l.taxRateBp, { net: row.net + l.net, tax: row.tax + l.tax });
  }
  return [...byRate.entries()]
    .sort(([a], [b]) => b - a)
    .map(([rate, s]) => [formatRate(rate), money(sign * s.net), money(sign * s.tax)]);
}

function tenderLabel(L: ReceiptLabels, p: SaleV1['payments'][number]): string {
  if (p.tender === 'points' && p.points) return `${L.tenders.points} ${p.points}`;
  return p.reference ? `${L.tenders[p.tender]} ${p.reference}` : L.tenders[p.tender];
}

/** The customer's receipt for a sale. */
export function layoutSaleReceipt(sale: SaleV1, ctx: ReceiptContext, options: ReceiptOptions = {}): ReceiptLayout {
  const L = labelsOf(options);
  const money = moneyFormatter(ctx.store.currency);
  const b = new LayoutBuilder(columnsOf(options));
  if (options.openDrawer ?? sale.payments.some((p) => p.tender === 'cash')) b.drawer();

  storeHeader(b, ctx.store, options);
  b.rule();
  infoLines(b, [
    [L.receiptNo, sale.receiptNo],
    [L.date, formatReceiptDate(ctx.occurredAt, options.timeZone)],
    [L.cashier, ctx.cashierName],
    [L.till, ctx.tillName],
    [L.customer, ctx.customer ? `${ctx.customer.name}${ctx.customer.code ? ` (${ctx.customer.code})` : ''}` : null],
  ]);
  b.rule();

  let subtotal = 0;
  const rows = sale.lines.map((l): ItemRow => {
    const amount = lineAmount(parseQuantity(l.qty), l.unitPrice);
    subtotal += amount;
    const extra: [string, string][] = [];
    if (l.unitPrice !== l.listPrice) extra.push([L.listPrice, money(l.listPrice)]);
    if (l.discount > 0) extra.push([L.discount, money(-l.discount)]);
    return { name: productName(ctx.productNames, l.productId), qty: formatQuantity(parseQuantity(l.qty)), price: money(l.unitPrice), amount: money(amount), extra };
  });
  itemTable(b, L, rows);
  b.rule();

  b.row(`${L.subtotal}  ${L.items(sale.lines.length)}`, money(subtotal));
  if (sale.totals.discount > 0) b.row(L.discount, money(-sale.totals.discount));
  if (!sale.pricesIncludeTax) b.row(L.tax, money(sale.totals.tax));
  b.row(L.total, money(sale.totals.gross), { bold: true, size: 2 });
  b.rule();

  for (const p of sale.payments) {
    if (p.tender === 'cash' && p.tendered !== null) b.row(`${tenderLabel(L, p)} ${L.tendered}`, money(p.tendered));
    else b.row(tenderLabel(L, p), money(p.amount));
  }
  if (sale.change > 0) b.row(L.change, money(sale.change), { bold: true });
  b.rule();

  valueTable(b, [L.taxRate, L.net, L.tax], taxRows(sale.lines, 1, money));
  b.rule();

  footer(b, ctx.store, options);
  scanCode(b, sale.saleId, sale.receiptNo, options);
  b.blank();
  b.cut();
  return b.build(sale.receiptNo);
}

/** The customer's receipt for a return: amounts negative, refunds by tender. */
export function layoutReturnReceipt(ret: ReturnV1, ctx: ReturnReceiptContext, options: ReceiptOptions = {}): ReceiptLayout {
  const L = labelsOf(options);
  const money = moneyFormatter(ctx.store.currency);
  const b = new LayoutBuilder(columnsOf(options));
  if (options.openDrawer ?? ret.refunds.some((p) => p.tender === 'cash')) b.drawer();

  storeHeader(b, ctx.store, options);
  b.text(L.returnTitle, { align: 'center', bold: true, size: 2 });
  b.rule();
  infoLines(b, [
    [L.receiptNo, ret.receiptNo],
    [L.originalReceipt, ret.originalSaleId === null ? L.noReceipt : (ctx.originalReceiptNo ?? null)],
    [L.date, formatReceiptDate(ctx.occurredAt, options.timeZone)],
    [L.cashier, ctx.cashierName],
    [L.till, ctx.tillName],
    [L.customer, ctx.customer ? `${ctx.customer.name}${ctx.customer.code ? ` (${ctx.customer.code})` : ''}` : null],
    [L.reason, ret.reason.trim() || null],
  ]);
  b.rule();

  itemTable(
    b,
    L,
    ret.lines.map((l) => ({
      name: productName(ctx.productNames, l.productId),
      qty: formatQuantity(parseQuantity(l.qty)),
      price: null,
      amount: money(-l.gross),
      extra: [],
    })),
  );
  b.rule();
  b.row(L.items(ret.lines.length), '');
  b.row(L.refundTotal, money(-ret.totals.gross), { bold: true, size: 2 });
  b.rule();
  b.text(L.refunds);
  for (const p of ret.refunds) b.row(`  ${tenderLabel(L, p)}`, money(-p.amount));
  b.rule();

  valueTable(b, [L.taxRate, L.net, L.tax], taxRows(ret.lines, -1, money));
  b.rule();

  footer(b, ctx.store, options);
  scanCode(b, ret.returnId, ret.receiptNo, options);
  b.blank();
  b.cut();
  return b.build(ret.receiptNo);
}
