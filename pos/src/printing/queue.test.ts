import { addItem, base64ToBytes, buildSaleEvent, emptyCart, priceCart, receiptNumber } from '@shopbook/shared';
import { afterEach, describe, expect, it } from 'vitest';
import type { PosDb } from '../db/PosDb.ts';
import type { PrintJobRecord } from '../db/printJob.ts';
import { commitSale } from '../db/sale.ts';
import { openTestDb } from '../db/testDb.ts';
import { DEVICE, IDS } from '../testing/fixtures.ts';
import { PrinterError } from './printer-error.ts';
import { enqueuePrintJob, MAX_AUTO_ATTEMPTS, printJobsFor, requeueInterrupted, retryPrintJob, runPrintQueue, unprintedJobs } from './queue.ts';

let db: PosDb;
afterEach(async () => {
  await db?.delete();
});

const BYTES = Uint8Array.from([0x1b, 0x40, 0x41, 0x0a]);

async function sale() {
  const priced = priceCart(addItem(emptyCart(true), { id: IDS.category, name: '可乐', price: 350, taxRateBp: 1300, weighed: false }, 1000));
  const { record } = await commitSale(db, ({ receiptSeq }) => ({
    sale: buildSaleEvent({
      priced, payments: [{ tender: 'cash', amount: 350 }], receiptNo: receiptNumber('S01-T1', receiptSeq),
      storeId: DEVICE.storeId, warehouseId: DEVICE.warehouseId, cashierId: IDS.cashier, shiftId: null,
    }),
    cashierName: '陈收银',
    customerName: null,
    labels: {},
  }));
  return record;
}

/** A printer that fails while `down` is true and keeps what it was sent. */
function fakePrinter() {
  const sent: PrintJobRecord[] = [];
  const printer = {
    down: false,
    sent,
    send: async (bytes: Uint8Array, job: PrintJobRecord) => {
      if (printer.down) throw new PrinterError('write_failed', 'paper out');
      expect(Array.from(bytes)).toEqual(Array.from(BYTES));
      sent.push(job);
    },
  };
  return printer;
}

describe('print queue', () => {
  it('keeps a job queued with its attempts and error when the printer fails, and the sale untouched', async () => {
    db = openTestDb();
    const record = await sale();
    const before = { sales: await db.sales.toArray(), outbox: await db.outbox.toArray() };
    const job = await enqueuePrintJob(db, { kind: 'receipt', docId: record.id, receiptNo: record.receiptNo, bytes: BYTES, transport: 'serial' });
    const printer = fakePrinter();
    printer.down = true;
    const t0 = Date.now();

    const run = await runPrintQueue(db, printer.send, () => t0);
    expect(run.printed).toBe(0);
    const stored = (await db.printJobs.get(job.id))!;
    expect(stored).toMatchObject({ state: 'queued', attempts: 1, lastErrorCode: 'write_failed', lastError: 'paper out', printedAt: null });
    expect(stored.nextAttemptAt).toBeGreaterThan(t0);
    expect(Array.from(base64ToBytes(stored.bytesBase64))).toEqual(Array.from(BYTES));
    expect({ sales: await db.sales.toArray(), outbox: await db.outbox.toArray() }).toEqual(before);

    // Not due again before its backoff, even with the printer back.
    printer.down = false;
    expect((await runPrintQueue(db, printer.send, () => t0 + 1)).printed).toBe(0);
    const later = await runPrintQueue(db, printer.send, () => stored.nextAttemptAt);
    expect(later.printed).toBe(1);
    expect(await db.printJobs.get(job.id)).toMatchObject({ state: 'done', attempts: 2, lastErrorCode: null, lastError: null });
    expect(printer.sent.map((j) => j.id)).toEqual([job.id]);
    expect(await unprintedJobs(db)).toEqual([]);
  });

  it('stops retrying by itself after the automatic attempts; the cashier’s Retry prints it', async () => {
    db = openTestDb();
    const job = await enqueuePrintJob(db, { kind: 'receipt', docId: 'd1', receiptNo: 'R-1', bytes: BYTES, transport: 'usb' });
    const printer = fakePrinter();
    printer.down = true;
    let now = Date.now();
    for (let i = 0; i < MAX_AUTO_ATTEMPTS; i++) {
      await runPrintQueue(db, printer.send, () => now);
      now += 10 * 60_000;
    }
    expect(await db.printJobs.get(job.id)).toMatchObject({ state: 'failed', attempts: MAX_AUTO_ATTEMPTS });
    expect((await runPrintQueue(db, printer.send, () => now)).printed).toBe(0);

    printer.down = false;
    await retryPrintJob(db, job.id, new Date(now));
    expect(await db.printJobs.get(job.id)).toMatchObject({ state: 'queued' });
    expect((await runPrintQueue(db, printer.send, () => now)).printed).toBe(1);
    expect(await db.printJobs.get(job.id)).toMatchObject({ state: 'done' });
  });

  it('prints in the order queued, stops at the first failure, and sends a job once when two runs race', async () => {
    db = openTestDb();
    const t0 = Date.now();
    const a = await enqueuePrintJob(db, { kind: 'receipt', docId: 'a', receiptNo: 'R-1', bytes: BYTES, transport: 'serial' }, new Date(t0));
    const b = await enqueuePrintJob(db, { kind: 'receipt', docId: 'b', receiptNo: 'R-2', bytes: BYTES, transport: 'serial' }, new Date(t0 + 1));
    const printer = fakePrinter();
    const [x, y] = await Promise.all([runPrintQueue(db, printer.send, () => t0 + 5), runPrintQueue(db, printer.send, () => t0 + 5)]);
    expect(x.printed + y.printed).toBe(2);
    expect(printer.sent.map((j) => j.docId).sort()).toEqual(['a', 'b']);
    expect(new Set(printer.sent.map((j) => j.id))).toEqual(new Set([a.id, b.id]));
  });

  it('queues a reprint as a new job beside the first, and puts an interrupted job back in the queue', async () => {
    db = openTestDb();
    const first = await enqueuePrintJob(db, { kind: 'receipt', docId: 'd1', receiptNo: 'R-1', bytes: BYTES, transport: 'serial' }, new Date(Date.now() - 1000));
    await runPrintQueue(db, fakePrinter().send);
    const again = await enqueuePrintJob(db, { kind: 'reprint', docId: 'd1', receiptNo: 'R-1', bytes: BYTES, transport: 'serial' });
    expect((await printJobsFor(db, 'd1')).map((j) => [j.id, j.kind, j.state])).toEqual([
      [again.id, 'reprint', 'queued'],
      [first.id, 'receipt', 'done'],
    ]);
    await db.printJobs.update(again.id, { state: 'printing' });
    expect(await requeueInterrupted(db)).toBe(1);
    expect(await db.printJobs.get(again.id)).toMatchObject({ state: 'queued' });
  });
});
