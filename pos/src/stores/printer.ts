import { escPosSupported, type ReceiptLanguage } from '@shopbook/shared';
import { liveQuery, type Subscription } from 'dexie';
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { getDb, type PosDb, type PrintJobRecord, type ReturnRecord, type SaleRecord, type ShiftRecord } from '../db/index.ts';
import { enqueuePrintJob, pruneDone, requeueInterrupted, retryPrintJob, runPrintQueue, unprintedJobs, type NewPrintJob } from '../printing/queue.ts';
import { drawerKickBytes, returnReceiptBytes, saleReceiptBytes, testPageBytes, zReportBytes, type ReceiptSetup } from '../printing/receipt-bytes.ts';
import { DEFAULT_PRINTER, loadPrinterSettings, savePrinterSettings, type PrinterSettings } from '../printing/settings.ts';
import { pairSerial, pairUsb, sendToPrinter } from '../printing/transports.ts';
import { useDeviceStore } from './device.ts';

/** Due retries are looked for this often; a job's own backoff decides when it is due. */
const QUEUE_TICK_MS = 2_000;
/** Printed jobs are kept a day, for a look at what went out; then their bytes go. */
const KEEP_DONE_MS = 24 * 60 * 60 * 1000;

/**
 * The receipt printer: its settings, the queue and what the screens show of it. A sale is
 * saved before anything here runs; printing its receipt is queued and sent in the
 * background, so a printer that is off never blocks the till or loses the sale.
 */
export const usePrinterStore = defineStore('printer', () => {
  const settings = ref<PrinterSettings>(DEFAULT_PRINTER);
  const unprinted = ref<PrintJobRecord[]>([]);
  const configured = computed(() => settings.value.transport !== 'none');
  const supported = computed(() => escPosSupported());

  let db: PosDb = getDb();
  let timer: ReturnType<typeof setInterval> | undefined;
  let subscription: Subscription | undefined;
  let running: Promise<void> | null = null;

  async function start(database: PosDb = getDb()): Promise<void> {
    stop();
    db = database;
    settings.value = await loadPrinterSettings(db);
    await requeueInterrupted(db);
    await pruneDone(db, new Date(Date.now() - KEEP_DONE_MS));
    subscription = liveQuery(() => unprintedJobs(db)).subscribe({ next: (jobs) => (unprinted.value = jobs), error: (e: unknown) => console.error('print queue query failed', e) });
    timer = setInterval(() => void kick(), QUEUE_TICK_MS);
    void kick();
  }

  function stop(): void {
    clearInterval(timer);
    subscription?.unsubscribe();
    subscription = undefined;
  }

  /** Sends whatever is due; a second call while a run is going waits for that run. */
  function kick(): Promise<void> {
    if (!configured.value) return Promise.resolve();
    running ??= (async () => {
      try {
        const token = useDeviceStore().device?.token ?? null;
        await runPrintQueue(db, (bytes) => sendToPrinter(settings.value, bytes, { token }));
      } catch (e) {
        console.error('print queue run failed', e);
      } finally {
        running = null;
      }
    })();
    return running;
  }

  function setup(language: ReceiptLanguage): ReceiptSetup {
    const device = useDeviceStore();
    const p = device.profile;
    return {
      store: {
        name: p?.name ?? device.storeName ?? '',
        companyName: p?.companyName ?? '',
        taxNumber: p?.taxNumber ?? '',
        currency: device.currency,
        receiptHeader: p?.receiptHeader ?? '',
        receiptFooter: p?.receiptFooter ?? '',
        receiptLogo: p?.receiptLogo ?? null,
      },
      tillName: device.device?.name ?? null,
      language,
      paper: settings.value.paper,
    };
  }

  async function enqueue(job: Omit<NewPrintJob, 'transport'>): Promise<PrintJobRecord | null> {
    if (settings.value.transport === 'none') return null;
    const record = await enqueuePrintJob(db, { ...job, transport: settings.value.transport });
    void kick();
    return record;
  }

  /** The receipt of a sale just paid (opens the drawer when cash was taken), or a reprint. */
  async function printSale(record: SaleRecord, language: ReceiptLanguage, reprint = false): Promise<PrintJobRecord | null> {
    if (!configured.value) return null;
    const bytes = await saleReceiptBytes(record, setup(language), reprint);
    return enqueue({ kind: reprint ? 'reprint' : 'receipt', docId: record.id, receiptNo: record.receiptNo, bytes });
  }

  async function printReturn(record: ReturnRecord, language: ReceiptLanguage, originalReceiptNo: string | null, reprint = false): Promise<PrintJobRecord | null> {
    if (!configured.value) return null;
    const bytes = await returnReceiptBytes(record, setup(language), originalReceiptNo, reprint);
    return enqueue({ kind: reprint ? 'reprint' : 'receipt', docId: record.id, receiptNo: record.receiptNo, bytes });
  }

  /** A closed shift's Z report, through the same queue as receipts: a printer that is off never holds up the close. */
  async function printZReport(shift: ShiftRecord, language: ReceiptLanguage, reprint = false): Promise<PrintJobRecord | null> {
    if (!configured.value) return null;
    const bytes = await zReportBytes(shift, setup(language), reprint);
    return enqueue({ kind: 'z-report', docId: shift.id, receiptNo: null, bytes });
  }

  function openDrawer(): Promise<PrintJobRecord | null> {
    return enqueue({ kind: 'drawer', docId: null, receiptNo: null, bytes: drawerKickBytes() });
  }

  async function printTest(language: ReceiptLanguage, lines: readonly string[]): Promise<PrintJobRecord | null> {
    if (!configured.value) return null;
    return enqueue({ kind: 'test', docId: null, receiptNo: null, bytes: await testPageBytes(setup(language), lines) });
  }

  async function retry(id: string): Promise<void> {
    await retryPrintJob(db, id);
    await kick();
  }

  async function use(next: PrinterSettings): Promise<void> {
    await savePrinterSettings(db, next);
    settings.value = next;
    void kick();
  }

  /** Pairing shows the browser's device picker, so it must run straight from a click. */
  async function pair(kind: 'serial' | 'usb'): Promise<void> {
    await use(kind === 'serial' ? await pairSerial(settings.value.paper) : await pairUsb(settings.value.paper));
  }

  return { settings, unprinted, configured, supported, start, stop, kick, printSale, printReturn, printZReport, openDrawer, printTest, retry, use, pair };
});
