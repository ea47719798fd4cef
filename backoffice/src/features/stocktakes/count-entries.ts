import { formatQuantity, parseQuantity, type StockTakeCountRequest, type StockTakeCountResponse } from '@shopbook/shared';

/**
 * The counter's side of a stock-take: every scan becomes an entry in a local queue and
 * is sent in the background, so a scanner never waits for the network. Entries that
 * wait together are merged (same barcode or product, same batch) into one request
 * entry; the server adds entries up, so merging changes nothing but the number of
 * rows. Each request entry remembers which scans it came from, so an answer — saved,
 * or refused with `entries.N.…` — lands on exactly those scans.
 */
export type EntryStatus = 'pending' | 'sending' | 'saved' | 'rejected';

export interface CountEntry {
  uid: number;
  /** What was scanned or typed; null when the product was picked by search. */
  barcode: string | null;
  productId: string | null;
  batchId: string | null;
  /** Signed decimal string: a negative entry takes back an earlier one. */
  qty: string;
  /** What the counter sees until the server names the product: the code, or "SKU name". */
  label: string;
  status: EntryStatus;
  sku?: string;
  name?: string;
  /** The server's resolved product, once saved (for undo). */
  savedProductId?: string;
  error?: string;
  /** Milliseconds since the epoch, for the recent list. */
  at: number;
}

export interface CountBatch {
  request: StockTakeCountRequest;
  /** uids of the entries behind each request entry, in request order. */
  sources: number[][];
}

let nextUid = 1;

export function newEntry(fields: Pick<CountEntry, 'barcode' | 'productId' | 'batchId' | 'qty' | 'label'>, at = Date.now()): CountEntry {
  return { uid: nextUid++, status: 'pending', at, ...fields };
}

const keyOf = (e: CountEntry) => `${e.barcode !== null ? `b:${e.barcode}` : `p:${e.productId}`}|${e.batchId ?? ''}`;

/** Everything still pending, merged per barcode/product and batch; null when nothing waits. */
export function buildCountBatch(entries: readonly CountEntry[]): CountBatch | null {
  const groups = new Map<string, { first: CountEntry; milli: number; uids: number[] }>();
  for (const e of entries) {
    if (e.status !== 'pending') continue;
    const key = keyOf(e);
    const group = groups.get(key);
    if (group) {
      group.milli += parseQuantity(e.qty);
      group.uids.push(e.uid);
    } else {
      groups.set(key, { first: e, milli: parseQuantity(e.qty), uids: [e.uid] });
    }
  }
  if (groups.size === 0) return null;
  const request: StockTakeCountRequest = { entries: [] };
  const sources: number[][] = [];
  for (const { first, milli, uids } of groups.values()) {
    const qty = formatQuantity(milli);
    request.entries.push(first.barcode !== null ? { barcode: first.barcode, batchId: first.batchId, qty } : { productId: first.productId!, batchId: first.batchId, qty });
    sources.push(uids);
  }
  return { request, sources };
}

function update(entries: readonly CountEntry[], uids: ReadonlySet<number>, change: (e: CountEntry) => CountEntry): CountEntry[] {
  return entries.map((e) => (uids.has(e.uid) ? change(e) : e));
}

const all = (batch: CountBatch) => new Set(batch.sources.flat());

export function markSending(entries: readonly CountEntry[], batch: CountBatch): CountEntry[] {
  return update(entries, all(batch), (e) => ({ ...e, status: 'sending' }));
}

/** The server recorded the batch: each scan learns the product it named. */
export function markSaved(entries: readonly CountEntry[], batch: CountBatch, response: StockTakeCountResponse): CountEntry[] {
  const byUid = new Map<number, StockTakeCountResponse['entries'][number]>();
  batch.sources.forEach((uids, i) => {
    const recorded = response.entries[i];
    if (recorded) for (const uid of uids) byUid.set(uid, recorded);
  });
  return entries.map((e) => {
    if (!all(batch).has(e.uid)) return e;
    const r = byUid.get(e.uid);
    return { ...e, status: 'saved', error: undefined, sku: r?.sku, name: r?.name, savedProductId: r?.productId };
  });
}

/** Not sent (no network, server busy, or another entry of the batch refused): back in the queue. */
export function markRetry(entries: readonly CountEntry[], batch: CountBatch): CountEntry[] {
  return update(entries, all(batch), (e) => (e.status === 'sending' ? { ...e, status: 'pending' } : e));
}

/** Entries worth keeping on the device across a reload: everything, newest last, capped. */
export function toStored(entries: readonly CountEntry[], cap = 200): CountEntry[] {
  return entries.slice(-cap).map((e) => (e.status === 'sending' ? { ...e, status: 'pending' } : e));
}

export function markRejected(entries: readonly CountEntry[], uids: readonly number[], message: string): CountEntry[] {
  return update(entries, new Set(uids), (e) => ({ ...e, status: 'rejected', error: message }));
}

/**
 * The request entry an API error names (`entries.3.barcode` → 3), when the error is
 * about one entry; null for errors about the whole request.
 */
export function rejectedIndex(field: string | undefined, batch: CountBatch): number | null {
  const m = /^entries\.(\d+)(\.|$)/.exec(field ?? '');
  if (!m) return null;
  const i = Number(m[1]);
  return i < batch.sources.length ? i : null;
}

/** The counter's recent scans, newest first. */
export function recentEntries(entries: readonly CountEntry[], limit = 30): CountEntry[] {
  return [...entries].sort((a, b) => b.at - a.at || b.uid - a.uid).slice(0, limit);
}

/** An entry that takes a saved one back: same product and batch, opposite quantity. */
export function undoEntryFor(saved: CountEntry, at = Date.now()): CountEntry | null {
  if (saved.status !== 'saved' || !saved.savedProductId) return null;
  const milli = parseQuantity(saved.qty);
  if (milli === 0) return null;
  return newEntry(
    { barcode: null, productId: saved.savedProductId, batchId: saved.batchId, qty: formatQuantity(-milli), label: `${saved.sku ?? ''} ${saved.name ?? ''}`.trim() },
    at,
  );
}

/** The counter's own saved total per product and batch this session (the screen also shows everyone's, from the server). */
export function myTotals(entries: readonly CountEntry[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const e of entries) {
    if (e.status !== 'saved' || !e.savedProductId) continue;
    const key = `${e.savedProductId}|${e.batchId ?? ''}`;
    totals.set(key, (totals.get(key) ?? 0) + parseQuantity(e.qty));
  }
  return totals;
}

/** The quantity box's − and + buttons: whole steps, never below zero; null when the box holds no quantity. */
export function stepQty(text: string, delta: number): string | null {
  let milli: number;
  try {
    milli = parseQuantity(text.trim() || '0');
  } catch {
    return null;
  }
  return formatQuantity(Math.max(0, milli + delta * 1000));
}

/** A typed quantity as the API takes it, or null: up to 3 decimals, a minus for a correction. */
export function normalQty(text: string): string | null {
  const q = text.trim().replace(/^\+/, '');
  if (!/^-?\d{1,11}(\.\d{1,3})?$/.test(q)) return null;
  return formatQuantity(parseQuantity(q));
}
