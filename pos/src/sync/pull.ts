import {
  pulledCashierSchema,
  pulledCategorySchema,
  pulledCustomerSchema,
  pulledProductSchema,
  pulledStoreSchema,
  type PullEntity,
  type PullPage,
  type PulledProduct,
} from '@shopbook/shared';
import type { Table } from 'dexie';
import type { CashierRecord } from '../db/cashier.ts';
import type { CategoryRecord } from '../db/category.ts';
import { toCustomerRecord, type CustomerRecord } from '../db/customer.ts';
import { getMeta, setMeta, type StoreProfile } from '../db/meta.ts';
import type { PosDb } from '../db/PosDb.ts';
import { toProductRecord, type ProductRecord } from '../db/product.ts';
import type { TaxRateRecord } from '../db/taxRate.ts';
import type { Result, TransportFailure } from './api.ts';

/**
 * The pull: catalogue changes from the server, mapped onto the till's tables.
 *
 * The order matters for a till that has just been registered: the store and its cashiers
 * come first (a few rows), so the PIN screen works within a second while thousands of
 * products are still arriving in the background.
 */
export const PULL_ORDER: readonly PullEntity[] = ['store', 'cashiers', 'tax-rates', 'customers', 'categories', 'products'];
export const PULL_PAGE_SIZE = 1000;

export type FetchPage = (entity: PullEntity, since: number, limit: number) => Promise<Result<PullPage>>;

export function cursorKey(entity: PullEntity) {
  return `pullCursor:${entity}` as const;
}

export async function getCursor(db: PosDb, entity: PullEntity): Promise<number> {
  return (await getMeta(db, cursorKey(entity))) ?? 0;
}

export function productFromWire(p: PulledProduct): Omit<ProductRecord, 'nameNorm' | 'pinyinKeys'> {
  const packs: Record<string, string> = {};
  for (const b of p.barcodes) if (Number(b.packQty) !== 1) packs[b.barcode.trim()] = b.packQty;
  return {
    id: p.id,
    sku: p.sku,
    name: p.name,
    categoryId: p.categoryId,
    unit: p.unit,
    taxRateBp: p.taxRateBp,
    priceMinor: p.price,
    barcodes: p.barcodes.map((b) => b.barcode),
    revision: p.revision,
    weighed: p.weighed,
    plu: p.plu,
    batchTracked: p.batchTracked,
    serialTracked: p.serialTracked,
    packs,
  };
}

/** `tax-rates` has no shared schema yet; the API sends { id, name, rateBasisPoints, revision }. */
function taxRateFromWire(row: unknown): TaxRateRecord | null {
  if (typeof row !== 'object' || row === null) return null;
  const r = row as Record<string, unknown>;
  const rate = r.rateBasisPoints ?? r.rateBp;
  if (typeof r.id !== 'string' || typeof rate !== 'number' || typeof r.revision !== 'number') return null;
  return { id: r.id, name: typeof r.name === 'string' ? r.name : '', rateBp: rate, revision: r.revision };
}

/** Maps each wire row of the page to the record its table keeps; rows that fail the schema are skipped. */
function mapRows(page: PullPage): { records: { id: string; revision: number }[]; invalid: number } {
  const records: { id: string; revision: number }[] = [];
  let invalid = 0;
  for (const row of page.rows) {
    let rec: { id: string; revision: number } | null = null;
    switch (page.entity) {
      case 'products': {
        const p = pulledProductSchema.safeParse(row);
        rec = p.success ? toProductRecord(productFromWire(p.data)) : null;
        break;
      }
      case 'categories': {
        const c = pulledCategorySchema.safeParse(row);
        rec = c.success ? (c.data satisfies CategoryRecord) : null;
        break;
      }
      case 'customers': {
        const c = pulledCustomerSchema.safeParse(row);
        rec = c.success ? toCustomerRecord(c.data) : null;
        break;
      }
      case 'cashiers': {
        const c = pulledCashierSchema.safeParse(row);
        rec = c.success ? (c.data satisfies CashierRecord) : null;
        break;
      }
      case 'tax-rates':
        rec = taxRateFromWire(row);
        break;
      case 'store': {
        const s = pulledStoreSchema.safeParse(row);
        rec = s.success ? (s.data satisfies StoreProfile) : null;
        break;
      }
    }
    if (rec) records.push(rec);
    else invalid += 1;
  }
  if (invalid > 0) console.warn(`pull ${page.entity}: ${invalid} row(s) did not match the schema and were skipped`);
  return { records, invalid };
}

function tableFor(db: PosDb, entity: Exclude<PullEntity, 'store'>): Table<{ id: string; revision: number }, string> {
  const tables = { products: db.products, categories: db.categories, customers: db.customers, cashiers: db.cashiers, 'tax-rates': db.taxRates } as const;
  return tables[entity] as unknown as Table<{ id: string; revision: number }, string>;
}

export interface ApplyOutcome {
  /** rows written */
  put: number;
  /** tombstones applied */
  deleted: number;
  /** the page was older than what this till already has (another tab got there first) */
  stale: boolean;
}

/**
 * Applies one page in one transaction: the rows (upserts), the tombstones (deletes) and
 * the cursor. If the tab dies halfway, nothing of the page is kept and the cursor has not
 * moved, so the same page is asked for again: applying a page is idempotent.
 *
 * Races, all settled inside the transaction (IndexedDB serialises overlapping rw ones):
 *  - two pullers (two tabs, or a timer and an `online` event in tabs that do not share
 *    the Web Lock): a page whose cursor is not beyond the stored one was applied already
 *    by the other, and is skipped whole. Otherwise an older page arriving late could
 *    resurrect a row a newer page had tombstoned.
 *  - within a page, a row only replaces one with a lower or equal revision: the newest
 *    revision wins whatever order answers arrive in.
 *  - the cursor only moves forward (an empty page may carry cursor 0).
 */
export async function applyPage(db: PosDb, page: PullPage, since: number): Promise<ApplyOutcome> {
  const { records } = mapRows(page);
  const key = cursorKey(page.entity);
  const tables = page.entity === 'store' ? [db.meta] : [tableFor(db, page.entity), db.meta];
  return db.transaction('rw', tables, async () => {
    const stored = (await getMeta(db, key)) ?? 0;
    if (stored > since && page.cursor <= stored) return { put: 0, deleted: 0, stale: true };
    let put = 0;
    let deleted = 0;
    if (page.entity === 'store') {
      // One row, our own store. A store tombstone (archived store) is ignored: the till keeps
      // its receipt header and goes on selling; retiring a till is the manager's call.
      const mine = records.at(-1) as StoreProfile | undefined;
      const current = await getMeta(db, 'storeProfile');
      if (mine && (!current || current.revision <= mine.revision)) {
        await setMeta(db, 'storeProfile', mine);
        put = 1;
      }
    } else {
      const table = tableFor(db, page.entity);
      const existing = await table.bulkGet(records.map((r) => r.id));
      const newer = records.filter((r, i) => (existing[i]?.revision ?? -Infinity) <= r.revision);
      await table.bulkPut(newer);
      put = newer.length;
      if (page.tombstones.length) {
        await table.bulkDelete(page.tombstones);
        deleted = page.tombstones.length;
      }
    }
    await setMeta(db, key, Math.max(stored, page.cursor));
    return { put, deleted, stale: false };
  });
}

export interface PullProgress {
  entity: PullEntity;
  /** rows received for this entity in this run */
  rows: number;
  /** entities finished in this run, out of PULL_ORDER.length */
  entitiesDone: number;
}

export type PullResult = { ok: true; rows: number } | { ok: false; entity: PullEntity; failure: TransportFailure };

/** Pulls one entity page by page until the server says there is no more. */
export async function pullEntity(
  db: PosDb,
  fetchPage: FetchPage,
  entity: PullEntity,
  onPage: (rows: number) => void = () => undefined,
): Promise<PullResult> {
  let rows = 0;
  // Each page moves the cursor; a server that says "more" without moving it would loop for ever.
  for (let guard = 0; guard < 100_000; guard++) {
    const since = await getCursor(db, entity);
    const res = await fetchPage(entity, since, PULL_PAGE_SIZE);
    if (!res.ok) return { ok: false, entity, failure: res.failure };
    await applyPage(db, res.value, since);
    rows += res.value.rows.length + res.value.tombstones.length;
    onPage(rows);
    if (!res.value.more || res.value.cursor <= since) break;
  }
  return { ok: true, rows };
}

/**
 * Every entity in PULL_ORDER. Stops at the first failure (the network is gone; the next
 * round resumes from the saved cursors). Marks `initialPullDone` once all have finished.
 */
export async function pullAll(
  db: PosDb,
  fetchPage: FetchPage,
  onProgress: (p: PullProgress) => void = () => undefined,
): Promise<PullResult> {
  let total = 0;
  for (const [i, entity] of PULL_ORDER.entries()) {
    const res = await pullEntity(db, fetchPage, entity, (rows) => onProgress({ entity, rows, entitiesDone: i }));
    if (!res.ok) return res;
    total += res.rows;
    onProgress({ entity, rows: res.rows, entitiesDone: i + 1 });
  }
  if (!(await getMeta(db, 'initialPullDone'))) await setMeta(db, 'initialPullDone', true);
  return { ok: true, rows: total };
}
