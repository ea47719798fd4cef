import { describe, expect, it } from 'vitest';
import {
  buildCountBatch, markRejected, markRetry, markSaved, markSending, myTotals, newEntry, normalQty, recentEntries, rejectedIndex, stepQty, toStored,
  undoEntryFor,
  type CountEntry,
} from './count-entries.ts';

const A = '0190a1b2-c3d4-7e5f-8a6b-00000000000a';
const B = '0190a1b2-c3d4-7e5f-8a6b-00000000000b';
const LOT = '0190a1b2-c3d4-7e5f-8a6b-0000000000b1';

const scan = (barcode: string, qty = '1', at = 0, batchId: string | null = null) => newEntry({ barcode, productId: null, batchId, qty, label: barcode }, at);
const pick = (productId: string, qty: string, at = 0) => newEntry({ barcode: null, productId, batchId: null, qty, label: 'picked' }, at);

describe('count entry merging', () => {
  it('merges waiting scans of the same code and batch, keeping which scans each entry came from', () => {
    const entries = [scan('6901', '1'), scan('6902', '10'), scan('6901', '1'), scan('6901', '2.5'), scan('6902', '3', 0, LOT), pick(A, '4')];
    const batch = buildCountBatch(entries)!;
    expect(batch.request.entries).toEqual([
      { barcode: '6901', batchId: null, qty: '4.5' },
      { barcode: '6902', batchId: null, qty: '10' },
      { barcode: '6902', batchId: LOT, qty: '3' },
      { productId: A, batchId: null, qty: '4' },
    ]);
    expect(batch.sources).toEqual([
      [entries[0]!.uid, entries[2]!.uid, entries[3]!.uid],
      [entries[1]!.uid],
      [entries[4]!.uid],
      [entries[5]!.uid],
    ]);
  });

  it('sends only what is pending, and a correction nets out against its scan', () => {
    const sent = { ...scan('6901'), status: 'saved' as const };
    expect(buildCountBatch([sent])).toBeNull();
    const batch = buildCountBatch([sent, scan('6901', '5'), scan('6901', '-5')])!;
    expect(batch.request.entries).toEqual([{ barcode: '6901', batchId: null, qty: '0' }]);
  });

  it('lands the answer on the scans: names once saved, back in the queue on a network failure', () => {
    let entries: CountEntry[] = [scan('6901'), scan('6902', '10'), scan('6901')];
    const batch = buildCountBatch(entries)!;
    entries = markSending(entries, batch);
    expect(entries.every((e) => e.status === 'sending')).toBe(true);
    expect(buildCountBatch(entries)).toBeNull(); // nothing is sent twice

    const retried = markRetry(entries, batch);
    expect(retried.every((e) => e.status === 'pending')).toBe(true);

    entries = markSaved(entries, batch, {
      accepted: 2,
      entries: [
        { productId: A, sku: 'A-1', name: 'Tea', batchId: null, qty: '2' },
        { productId: B, sku: 'B-1', name: 'Milk', batchId: null, qty: '10' },
      ],
    });
    expect(entries.map((e) => [e.status, e.sku])).toEqual([['saved', 'A-1'], ['saved', 'B-1'], ['saved', 'A-1']]);
    expect(myTotals(entries).get(`${A}|`)).toBe(2000);
    expect(myTotals(entries).get(`${B}|`)).toBe(10000);
  });

  it('rejects only the scans behind the entry an API error names', () => {
    const entries = [scan('6901'), scan('0000'), scan('0000')];
    const batch = buildCountBatch(entries)!;
    expect(rejectedIndex('entries.1.barcode', batch)).toBe(1);
    expect(rejectedIndex('entries.9.barcode', batch)).toBeNull();
    expect(rejectedIndex('status', batch)).toBeNull();
    const sending = markSending(entries, batch);
    const after = markRetry(markRejected(sending, batch.sources[1]!, 'no product has the barcode 0000'), batch);
    expect(after.map((e) => e.status)).toEqual(['pending', 'rejected', 'rejected']);
    expect(after[1]!.error).toContain('0000');
    expect(buildCountBatch(after)!.request.entries).toEqual([{ barcode: '6901', batchId: null, qty: '1' }]);
  });

  it('keeps unsent entries on the device as waiting', () => {
    const waiting = [scan('6901')];
    const inFlight = markSending(waiting, buildCountBatch(waiting)!);
    expect(inFlight[0]!.status).toBe('sending');
    expect(toStored(inFlight).map((e) => e.status)).toEqual(['pending']);
    const many = Array.from({ length: 5 }, (_, i) => scan(String(i)));
    expect(toStored(many, 2).map((e) => e.barcode)).toEqual(['3', '4']);
  });

  it('lists the newest scans first and undoes a saved one with the opposite quantity', () => {
    const older = { ...scan('6901', '3', 1000), status: 'saved' as const, savedProductId: A, sku: 'A-1', name: 'Tea' };
    const newer = scan('6902', '1', 2000);
    expect(recentEntries([older, newer]).map((e) => e.uid)).toEqual([newer.uid, older.uid]);
    const undo = undoEntryFor(older, 3000)!;
    expect(undo).toMatchObject({ barcode: null, productId: A, batchId: null, qty: '-3', label: 'A-1 Tea', status: 'pending' });
    expect(undoEntryFor(newer)).toBeNull();
  });
});

describe('quantity box', () => {
  it('steps by whole units and stops at zero', () => {
    expect(stepQty('1', 1)).toBe('2');
    expect(stepQty('2.5', -1)).toBe('1.5');
    expect(stepQty('0.5', -1)).toBe('0');
    expect(stepQty('', 1)).toBe('1');
    expect(stepQty('abc', 1)).toBeNull();
  });

  it('accepts what the API accepts, corrections included', () => {
    expect(normalQty(' 28 ')).toBe('28');
    expect(normalQty('+2.500')).toBe('2.5');
    expect(normalQty('-3')).toBe('-3');
    expect(normalQty('1.2345')).toBeNull();
    expect(normalQty('')).toBeNull();
    expect(normalQty('1e3')).toBeNull();
  });
});
