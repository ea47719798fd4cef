import type { PosDb } from './PosDb.ts';
import { normaliseName, normalisePinyinQuery, toSearchKeys } from './searchKeys.ts';

/** A customer as pulled from the server, with search keys derived on the till. */
export interface CustomerRecord {
  id: string;
  code: string;
  name: string;
  phone: string;
  /** credit the customer may run up on account, minor units; 0 = cash customer */
  creditLimit: number;
  /** what the customer owed on account when the server last answered, minor units */
  balance: number;
  /** Loyalty points the server counted when it last answered; absent on records pulled before points. */
  points?: number;
  /** Price list: basis points off the catalogue price; absent on records pulled before price lists. */
  discountBp?: number;
  revision: number;
  nameNorm: string;
  pinyinKeys: string[];
}

export type CustomerInput = Omit<CustomerRecord, 'nameNorm' | 'pinyinKeys'>;

export function toCustomerRecord(input: CustomerInput): CustomerRecord {
  return { ...input, ...toSearchKeys(input.name) };
}

/**
 * Customers whose code, phone, name or pinyin starts with the query: the cashier types
 * whatever the customer says ("C012", "1381234", "王", "wxs").
 */
export async function searchCustomers(db: PosDb, query: string, limit = 20): Promise<CustomerRecord[]> {
  const q = query.trim();
  const name = normaliseName(q);
  const pinyin = normalisePinyinQuery(q);
  if (!name) return [];
  const [byCode, byPhone, byName, byPinyin] = await Promise.all([
    db.customers.where('code').startsWithIgnoreCase(q).limit(limit).toArray(),
    /^\d{3,}$/.test(q) ? db.customers.where('phone').startsWith(q).limit(limit).toArray() : Promise.resolve([]),
    db.customers.where('nameNorm').startsWith(name).limit(limit).toArray(),
    pinyin ? db.customers.where('pinyinKeys').startsWith(pinyin).distinct().limit(limit).toArray() : Promise.resolve([]),
  ]);
  const seen = new Set<string>();
  const out: CustomerRecord[] = [];
  for (const c of [...byCode, ...byPhone, ...byName, ...byPinyin]) {
    if (seen.has(c.id)) continue;
    seen.add(c.id);
    out.push(c);
    if (out.length === limit) break;
  }
  return out;
}
