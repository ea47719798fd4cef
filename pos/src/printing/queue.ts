import { base64ToBytes, bytesToBase64, newId } from '@shopbook/shared';
import Dexie from 'dexie';
import type { PosDb } from '../db/PosDb.ts';
import type { PrintJobRecord, PrinterTransportKind } from '../db/printJob.ts';
import { backoffDelay } from '../sync/backoff.ts';
import { PrinterError } from './printer-error.ts';

/**
 * The till's print queue in IndexedDB. A job survives a reload or a crash; a printer that
 * is off, unplugged or out of paper leaves it queued with its error, retried with backoff,
 * and after MAX_AUTO_ATTEMPTS it waits for the cashier's Retry. It never touches the sale.
 */

/** Automatic attempts before a job waits for the cashier: a dead printer should not be polled all day. */
export const MAX_AUTO_ATTEMPTS = 5;

export interface NewPrintJob {
  kind: PrintJobRecord['kind'];
  docId: string | null;
  receiptNo: string | null;
  bytes: Uint8Array;
  transport: PrinterTransportKind;
}

export async function enqueuePrintJob(db: PosDb, job: NewPrintJob, now: Date = new Date()): Promise<PrintJobRecord> {
  const { bytes, ...rest } = job;
  const record: PrintJobRecord = {
    ...rest,
    bytesBase64: bytesToBase64(bytes),
    id: newId(),
    state: 'queued',
    attempts: 0,
    lastErrorCode: null,
    lastError: null,
    createdAt: now.toISOString(),
    nextAttemptAt: now.getTime(),
    printedAt: null,
  };
  await db.printJobs.add(record);
  return record;
}

/** Sends one job's bytes to the printer; throws (PrinterError, with a code the till translates) when it cannot. */
export type SendJob = (bytes: Uint8Array, job: PrintJobRecord) => Promise<void>;

export interface RunOutcome {
  printed: number;
  /** the job that failed in this run, if one did (the run stops there) */
  failed: PrintJobRecord | null;
}

/**
 * Claims the oldest due job (queued → printing, in one transaction, so a second tab or a
 * timer racing this one cannot send it too), sends it, and records the outcome. Stops at
 * the first failure: with one printer, the next job would only fail the same way.
 */
export async function runPrintQueue(db: PosDb, send: SendJob, now: () => number = Date.now): Promise<RunOutcome> {
  let printed = 0;
  for (;;) {
    const job = await claimNext(db, now());
    if (!job) return { printed, failed: null };
    try {
      await send(base64ToBytes(job.bytesBase64), job);
      await db.printJobs.update(job.id, { state: 'done', lastErrorCode: null, lastError: null, printedAt: new Date(now()).toISOString() });
      printed += 1;
    } catch (e) {
      const lastError = e instanceof Error ? e.message : String(e);
      const lastErrorCode = e instanceof PrinterError ? e.code : 'failed';
      const gaveUp = job.attempts >= MAX_AUTO_ATTEMPTS;
      const changes = { state: gaveUp ? 'failed' : 'queued', lastErrorCode, lastError, nextAttemptAt: now() + backoffDelay(job.attempts) } as const;
      await db.printJobs.update(job.id, changes);
      return { printed, failed: { ...job, ...changes } };
    }
  }
}

async function claimNext(db: PosDb, at: number): Promise<PrintJobRecord | null> {
  return db.transaction('rw', db.printJobs, async () => {
    const due = await db.printJobs.where('[state+nextAttemptAt]').between(['queued', Dexie.minKey], ['queued', at], true, true).sortBy('createdAt');
    const job = due[0];
    if (!job) return null;
    const claimed = { ...job, state: 'printing' as const, attempts: job.attempts + 1 };
    await db.printJobs.put(claimed);
    return claimed;
  });
}

/** The cashier's Retry: due now, whatever the backoff said; one more attempt after the automatic ones. */
export async function retryPrintJob(db: PosDb, id: string, now: Date = new Date()): Promise<void> {
  await db.printJobs
    .where('id')
    .equals(id)
    .and((j) => j.state === 'failed' || j.state === 'queued')
    .modify({ state: 'queued', nextAttemptAt: now.getTime() });
}

/**
 * A job left 'printing' by a reload or a crash went out or not, nobody knows: it is queued
 * again, because a receipt printed twice is better than a customer without one.
 */
export async function requeueInterrupted(db: PosDb): Promise<number> {
  return db.printJobs.where('state').equals('printing').modify({ state: 'queued' });
}

/** Jobs for one sale or return, newest first: the receipt screen shows the latest one. */
export async function printJobsFor(db: PosDb, docId: string): Promise<PrintJobRecord[]> {
  const jobs = await db.printJobs.where('docId').equals(docId).sortBy('createdAt');
  return jobs.reverse();
}

/** Jobs not printed yet (queued, printing or failed), oldest first. */
export async function unprintedJobs(db: PosDb): Promise<PrintJobRecord[]> {
  return db.printJobs.where('state').anyOf('queued', 'printing', 'failed').sortBy('createdAt');
}

/** Done jobs older than this are dropped: the bytes are only kept while they may be needed. */
export async function pruneDone(db: PosDb, olderThan: Date): Promise<number> {
  return db.printJobs
    .where('state')
    .equals('done')
    .and((j) => j.createdAt < olderThan.toISOString())
    .delete();
}
