import type { z } from 'zod';
import { currencyDecimals } from '../money/format.ts';
import { toDecimalString } from '../money/money.ts';
import type { pulledStoreSchema } from '../sync/pull.ts';
import { type ReceiptLanguage, type ReceiptLabels, receiptLabels } from './labels.ts';
import type { LogoRaster } from './logo.ts';
import { type LayoutBuilder, PAPER_COLUMNS, type PaperWidth } from './print-commands.ts';
import { textWidth } from './text-width.ts';

/** What a receipt needs of the store (a pulled store row fits). */
export type ReceiptStore = Pick<
  z.infer<typeof pulledStoreSchema>,
  'name' | 'companyName' | 'taxNumber' | 'currency' | 'receiptHeader' | 'receiptFooter'
> & { receiptLogo?: LogoRaster | null };

/** Options shared by receipts and Z reports. */
export interface PrintOptions {
  /** 58 mm paper prints 32 columns, 80 mm 48 (the default). */
  paper?: PaperWidth;
  /** Overrides `paper` for printers with another font or width. */
  columns?: number;
  /** Receipt language; default 'zh-CN'. */
  language?: ReceiptLanguage;
  /** IANA time zone for printed dates; default the runtime's. */
  timeZone?: string;
  /** Replaces the store's receipt header / footer (null or '' prints none). */
  header?: string | null;
  footer?: string | null;
  /** Prints the store's logo above the header; default true. */
  logo?: boolean;
  /** Prints a reprint mark under the header. */
  reprint?: boolean;
  /** Opens the cash drawer first; default: when cash changes hands. */
  openDrawer?: boolean;
}

export function columnsOf(options: PrintOptions): number {
  return options.columns ?? PAPER_COLUMNS[options.paper ?? 80];
}

export function labelsOf(options: PrintOptions): ReceiptLabels {
  return receiptLabels(options.language ?? 'zh-CN');
}

/** Minor units as a plain decimal in the store currency's digits: 123456 → '1234.56'. */
export function moneyFormatter(currency: string): (minor: number) => string {
  let decimals = 2;
  try {
    decimals = currencyDecimals(currency);
  } catch {
    // A malformed currency code must not stop a receipt from printing.
  }
  return (minor) => toDecimalString(minor, decimals);
}

/** Basis points as a percentage: 1300 → '13%', 950 → '9.5%'. */
export function formatRate(rateBp: number): string {
  return `${toDecimalString(rateBp, 2).replace(/\.?0+$/, '')}%`;
}

/** 'YYYY-MM-DD HH:mm:ss' in the given IANA zone (the runtime's when omitted). */
export function formatReceiptDate(at: Date | string, timeZone?: string): string {
  const date = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(date.getTime())) throw new RangeError(`not a date: ${String(at)}`);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

/** Logo, store name (double size), company, tax number, header text, reprint mark. */
export function storeHeader(b: LayoutBuilder, store: ReceiptStore, options: PrintOptions): void {
  const L = labelsOf(options);
  // A logo wider than the paper (an 80 mm logo on a 58 mm till) is left out rather than cut.
  const logo = store.receiptLogo;
  if (logo && options.logo !== false && logo.width <= b.columns * 12) b.image(logo);
  b.text(store.name, { align: 'center', bold: true, size: 2 });
  if (store.companyName.trim() && store.companyName.trim() !== store.name.trim()) b.text(store.companyName, { align: 'center' });
  if (store.taxNumber.trim()) b.text(`${L.taxNumber}: ${store.taxNumber.trim()}`, { align: 'center' });
  const header = options.header === undefined ? store.receiptHeader : options.header;
  if (header) b.text(header, { align: 'center' });
  if (options.reprint) b.text(L.reprint, { align: 'center', bold: true });
}

/** `label: value` lines under the header. */
export function infoLines(b: LayoutBuilder, rows: readonly (readonly [string, string | null | undefined])[]): void {
  for (const [label, value] of rows) if (value) b.text(`${label}: ${value}`);
}

/**
 * A table of a text column and right-aligned value columns, each as wide as its widest
 * entry plus a gap. When that leaves the text column too narrow, each row prints as its
 * text followed by indented `label  value` rows instead.
 */
export function valueTable(b: LayoutBuilder, header: readonly string[], rows: readonly (readonly string[])[], minFirst = 8): void {
  // The text column should hold its widest entry (up to 12 columns) without wrapping.
  const wanted = Math.max(minFirst, Math.min(12, Math.max(...[header, ...rows].map((r) => textWidth(r[0] ?? '')))));
  for (const gap of [2, 1]) {
    const widths = header.slice(1).map((h, i) => Math.max(textWidth(h), ...rows.map((r) => textWidth(r[i + 1] ?? ''))) + gap);
    const first = b.columns - widths.reduce((a, w) => a + w, 0);
    if (first < wanted) continue;
    b.tableRow(header, [first, ...widths]);
    for (const row of rows) b.tableRow(row, [first, ...widths]);
    return;
  }
  for (const row of rows) {
    b.text(row[0] ?? '');
    for (const [i, value] of row.slice(1).entries()) b.row(`  ${header[i + 1]}`, value);
  }
}
