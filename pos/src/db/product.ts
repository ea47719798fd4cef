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
}

/** What the sync pull hands over; the search keys are derived here, not on the wire. */
export type ProductInput = Omit<ProductRecord, 'nameNorm' | 'pinyinKeys'>;

export function toProductRecord(input: ProductInput): ProductRecord {
  return { ...input, barcodes: [...new Set(input.barcodes.map((b) => b.trim()))], ...toSearchKeys(input.name) };
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
