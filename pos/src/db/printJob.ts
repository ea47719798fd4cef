/** How the till reaches its receipt printer. */
export type PrinterTransportKind = 'serial' | 'usb' | 'network';

/**
 * queued: waiting for its (next) attempt; printing: being sent; done: the printer took it;
 * failed: automatic retries used up, waiting for the cashier's Retry.
 */
export type PrintJobState = 'queued' | 'printing' | 'done' | 'failed';

/**
 * One thing to print, kept apart from the sale: the sale is saved before its receipt is
 * queued, and nothing the printer does can touch it. The bytes are made when the job is
 * queued, so a retry prints exactly what was meant even if the store's header changed since.
 */
export interface PrintJobRecord {
  id: string;
  kind: 'receipt' | 'reprint' | 'drawer' | 'test' | 'z-report';
  /** the sale, return or (for a Z report) shift printed; null for a drawer kick or a test page */
  docId: string | null;
  receiptNo: string | null;
  /**
   * The ESC/POS bytes, base64: a string survives every structured clone and every Dexie
   * modify unchanged, where a typed array from another realm may not.
   */
  bytesBase64: string;
  transport: PrinterTransportKind;
  state: PrintJobState;
  attempts: number;
  /** why the last attempt failed: a code the till translates (PRINTER_FAILURES), and the detail */
  lastErrorCode: string | null;
  lastError: string | null;
  createdAt: string;
  /** epoch ms before which a queued job is not tried again */
  nextAttemptAt: number;
  printedAt: string | null;
}
