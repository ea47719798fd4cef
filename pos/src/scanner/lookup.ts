import {
  barcodeKind,
  expandUpcE,
  isValidUpcE,
  lineAmount,
  mulDivRound,
  parseQuantity,
  parseWeighedBarcode,
} from '@shopbook/shared';
import type { PosDb } from '../db/PosDb.ts';
import { findByBarcode, findByPlu, findBySku, type ProductRecord } from '../db/product.ts';
import type { SaleRecord } from '../db/sale.ts';

/** What a scanned code means on this till. */
export type ScanResolution =
  | {
      kind: 'product';
      product: ProductRecord;
      qtyMilli: number;
      /** the unit price the line is sold at (the list price, or what a scale's price label implies) */
      unitPrice: number;
      how: 'barcode' | 'pack' | 'weight-label' | 'price-label' | 'upc-e' | 'gtin-form' | 'sku';
      /** the amount printed on a scale's price label */
      labelPrice?: number;
    }
  | { kind: 'receipt'; sale: SaleRecord }
  | { kind: 'unknown'; code: string; why: 'not_found' | 'check_digit' | 'unknown_plu' };

/**
 * Quantity and unit price for a scale label that carries a price. The weight is the price
 * over the unit price, rounded to the gram. Scales round the other way round (price from
 * weight), so qty × unit price may miss the label by a cent; then the line takes the unit
 * price that reproduces the label exactly (the customer pays what the label says, and the
 * stock moves by the weight). A product without a unit price is one unit at the label's price.
 */
export function priceLabelLine(labelPrice: number, listPrice: number): { qtyMilli: number; unitPrice: number } {
  if (listPrice <= 0) return { qtyMilli: 1000, unitPrice: labelPrice };
  // Under a gram still moves a gram of stock, never nothing.
  const qtyMilli = Math.max(1, mulDivRound(labelPrice, 1000, listPrice));
  if (lineAmount(qtyMilli, listPrice) === labelPrice) return { qtyMilli, unitPrice: listPrice };
  const guess = mulDivRound(labelPrice, 1000, qtyMilli);
  for (const u of [guess, guess - 1, guess + 1]) {
    if (u > 0 && lineAmount(qtyMilli, u) === labelPrice) return { qtyMilli, unitPrice: u };
  }
  return { qtyMilli, unitPrice: listPrice };
}

/** The other spellings of the same GTIN a catalogue may hold (UPC-A ⇄ EAN-13 with a leading 0). */
function gtinForms(code: string): string[] {
  if (code.length === 12) return [`0${code}`];
  if (code.length === 13 && code.startsWith('0')) return [code.slice(1)];
  return [];
}

/**
 * Lookup order:
 *  1. the exact code among the products' barcodes (a pack barcode adds its pack quantity);
 *  2. a scale label (EAN-13, prefix 20–29): its item code is a product's PLU, its value a
 *     weight in grams (= qty in thousandths) or a price;
 *  3. UPC-E expanded to UPC-A, and the UPC-A ⇄ EAN-13 forms of the code;
 *  4. a SKU, as the back office's shelf labels print it for products without an EAN-13;
 *  5. a receipt number of a sale on this till (for returns);
 *  6. unknown, saying whether the check digit was wrong (a misread: scan again).
 */
export async function resolveScan(db: PosDb, raw: string): Promise<ScanResolution> {
  const code = raw.trim();
  const label = parseWeighedBarcode(code);
  const exact = await findByBarcode(db, code);
  // A weighed product's own code is often its label with weight 0: read it as a label.
  if (exact && !(exact.weighed && label)) {
    const pack = exact.packs[code];
    if (pack) return { kind: 'product', product: exact, qtyMilli: parseQuantity(pack), unitPrice: exact.priceMinor, how: 'pack' };
    return { kind: 'product', product: exact, qtyMilli: 1000, unitPrice: exact.priceMinor, how: 'barcode' };
  }

  if (label) {
    const product = (await findByPlu(db, label.itemCode)) ?? exact;
    if (!product) return { kind: 'unknown', code, why: 'unknown_plu' };
    if (label.kind === 'weight') {
      return { kind: 'product', product, qtyMilli: label.value, unitPrice: product.priceMinor, how: 'weight-label' };
    }
    const line = priceLabelLine(label.value, product.priceMinor);
    return { kind: 'product', product, ...line, how: 'price-label', labelPrice: label.value };
  }

  const forms = isValidUpcE(code) ? [expandUpcE(code), `0${expandUpcE(code)}`] : gtinForms(code);
  for (const form of forms) {
    const p = await findByBarcode(db, form);
    if (p) {
      const pack = p.packs[form];
      return {
        kind: 'product',
        product: p,
        qtyMilli: pack ? parseQuantity(pack) : 1000,
        unitPrice: p.priceMinor,
        how: code.length === 8 ? 'upc-e' : 'gtin-form',
      };
    }
  }

  const bySku = await findBySku(db, code);
  if (bySku && !bySku.weighed) return { kind: 'product', product: bySku, qtyMilli: 1000, unitPrice: bySku.priceMinor, how: 'sku' };

  const sale = await db.sales.where('receiptNo').equals(code).first();
  if (sale) return { kind: 'receipt', sale };

  const looksLikeGtin = /^\d+$/.test(code) && [8, 12, 13, 14].includes(code.length);
  return { kind: 'unknown', code, why: looksLikeGtin && barcodeKind(code) === null ? 'check_digit' : 'not_found' };
}
