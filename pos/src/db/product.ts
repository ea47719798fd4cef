import type { PosDb } from './PosDb.ts';
import { normaliseName, normalisePinyinQuery, toSearchKeys } from './searchKeys.ts';

/** A sellable item as the till keeps it: a copy of the catalogue pulled from the server. */
export interface ProductRecord {
  id: string;
  sku: string;
  name: string;
  /** normaliseName(name); indexed for prefix search */
  nameNorm: string;
  /** pinyin initials and full pinyin of the name; multi-entry index */
  pinyinKeys: string[];
  categoryId: string | null;
  /** unit of sale as shown on the receipt, e.g. 个, 瓶, kg */
  unit: string;
  /** tax rate in basis points: 1300 is 13 % */
  taxRateBp: number;
  /** selling price in minor units (分); never a float */
  priceMinor: number;
  /** every barcode that identifies this product; multi-entry index */
  barcodes: string[];
  /** the catalogue revision this row was last changed in (pull cursor) */
  revision: number;
  /** sold by weight: the quantity is kg with 3 decimals, from a scale label or typed */
  weighed: boolean;
  /** the item code a scale prints into its EAN-13 labels (prefix 20–29) */
  plu: string | null;
  batchTracked: boolean;
  /** each unit sold carries its serial number, asked for when it goes into the cart */
  serialTracked: boolean;
  /**
   * Barcodes that stand for more than one unit (a case of 12), as barcode → pack quantity
   * in the wire's decimal-string form ('12'). Barcodes not listed here are one unit.
   */
  packs: Record<string, string>;
}

/** What the sync pull hands over; the search keys are derived here, not on the wire. */
export type ProductInput = Omit<ProductRecord, 'nameNorm' | 'pinyinKeys' | 'weighed' | 'plu' | 'batchTracked' | 'serialTracked' | 'packs'> &
  Partial<Pick<ProductRecord, 'weighed' | 'plu' | 'batchTracked' | 'serialTracked' | 'packs'>>;

export function toProductRecord(input: ProductInput): ProductRecord {
  return {
    weighed: false,
    plu: null,
    batchTracked: false,
    serialTracked: false,
    packs: {},
    ...input,
    barcodes: [...new Set(input.barcodes.map((b) => b.trim()))],
    ...toSearchKeys(input.name),
  };
}

/**
 * Upserts (bulkPut), never adds. The pull is "everything since my cursor", in pages, and
 * the server re-sends a page whenever the till lost the answer (connection cut after the
 * server sent it, tab closed before the cursor was saved). With add() such a page would
 * fail on the first row already present and abort the whole transaction, leaving the
 * till stuck on that page for ever; put() makes applying a page idempotent, and the
 * newest revision of a row simply wins.
 */
export async function upsertProducts(db: PosDb, inputs: readonly ProductInput[]): Promise<void> {
  await db.products.bulkPut(inputs.map(toProductRecord));
}

/** The product a scanned code belongs to, if the till knows it. */
export async function findByBarcode(db: PosDb, code: string): Promise<ProductRecord | undefined> {
  const key = code.trim();
  if (!key) return undefined;
  return db.products.where('barcodes').equals(key).first();
}

/** A product by its SKU, which shelf labels carry in Code 128 when it has no EAN-13. */
export async function findBySku(db: PosDb, sku: string): Promise<ProductRecord | undefined> {
  return db.products.where('sku').equals(sku).first();
}

/** The weighed product a scale label's item code names. */
export async function findByPlu(db: PosDb, plu: string): Promise<ProductRecord | undefined> {
  return db.products.where('plu').equals(plu).first();
}

/** Products of one category in name order, for the category grid. */
export async function productsInCategory(db: PosDb, categoryId: string, limit = 60): Promise<ProductRecord[]> {
  const rows = await db.products.where('categoryId').equals(categoryId).limit(500).toArray();
  return rows.sort((a, b) => a.nameNorm.localeCompare(b.nameNorm)).slice(0, limit);
}

/**
 * Products whose name starts with `prefix` ("coca", "可口") or whose pinyin does
 * ("kkkl", "kekou"). Name matches come first; each product appears once.
 */
export async function searchByNamePrefix(db: PosDb, prefix: string, limit = 20): Promise<ProductRecord[]> {
  const namePrefix = normaliseName(prefix);
  const pinyinPrefix = normalisePinyinQuery(prefix);
  if (!namePrefix || limit <= 0) return [];

  const [byName, byPinyin] = await Promise.all([
    db.products.where('nameNorm').startsWith(namePrefix).limit(limit).toArray(),
    pinyinPrefix
      ? db.products.where('pinyinKeys').startsWith(pinyinPrefix).distinct().limit(limit).toArray()
      : Promise.resolve([]),
  ]);
  const seen = new Set<string>();
  const out: ProductRecord[] = [];
  for (const p of [...byName, ...byPinyin]) {
    if (seen.has(p.id)) continue;
    seen.add(p.id);
    out.push(p);
    if (out.length === limit) break;
  }
  return out;
}
