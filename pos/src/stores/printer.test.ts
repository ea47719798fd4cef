import { addItem, buildSaleEvent, decodeEscPos, emptyCart, priceCart, receiptNumber, zReport } from '@shopbook/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { commitSale, getDb, type SaleRecord, type ShiftRecord } from '../db/index.ts';
import { DEVICE, IDS, PRODUCTS } from '../testing/fixtures.ts';
import { eventually, resetDb, tillStores } from '../testing/setup.ts';
import { usePrinterStore } from './printer.ts';

/** A serial printer as Web Serial hands it over: records what is written, or fails while `down`. */
function installFakeSerial() {
  const fake = { written: [] as number[], down: false, opened: 0 };
  const port = {
    getInfo: () => ({ usbVendorId: 0x0416, usbProductId: 0x5011 }),
    open: async () => {
      fake.opened += 1;
    },
    close: async () => undefined,
    get writable() {
      return new WritableStream<Uint8Array>({
        write(chunk) {
          if (fake.down) throw new Error('device disconnected');
          fake.written.push(...chunk);
        },
      });
    },
  };
  Object.defineProperty(navigator, 'serial', { configurable: true, value: { getPorts: async () => [port], requestPort: async () => port } });
  return fake;
}

async function cashSale(): Promise<SaleRecord> {
  const coke = PRODUCTS[0]!;
  const priced = priceCart(addItem(emptyCart(true), { id: coke.id, name: coke.name, price: coke.priceMinor, taxRateBp: coke.taxRateBp, weighed: false }, 2000));
  const { record } = await commitSale(getDb(), ({ receiptSeq }) => {
    const sale = buildSaleEvent({
      priced, payments: [{ tender: 'cash', amount: 1000 }], receiptNo: receiptNumber('S01-T1', receiptSeq),
      storeId: DEVICE.storeId, warehouseId: DEVICE.warehouseId, cashierId: IDS.cashier, shiftId: null,
    });
    return { sale, cashierName: '陈收银', customerName: null, labels: { [sale.lines[0]!.lineId]: { name: coke.name, sku: coke.sku, unit: coke.unit, weighed: false } } };
  });
  return record;
}

/** A shift closed after one cash sale, counted 2.00 short. */
async function closedShift(): Promise<ShiftRecord> {
  const sale = await cashSale();
  const report = zReport({ sales: [sale.sale], returns: [], cashMovements: [], openingFloat: 20000 });
  const expectedCash = report.expected.find((e) => e.tender === 'cash')!.amount;
  return {
    id: '0190f5e8-3b2a-7c41-9d2e-5f6a7b8c9d0e', storeId: DEVICE.storeId, cashierId: IDS.cashier, cashierName: '陈收银',
    openedAt: '2026-03-02T01:00:00Z', openingFloat: 20000, state: 'closed', closedAt: '2026-03-02T10:00:00Z', closedBy: IDS.cashier,
    counted: [{ tender: 'cash', amount: expectedCash - 200 }], report,
  };
}

beforeEach(resetDb);
afterEach(() => {
  usePrinterStore().stop();
  Reflect.deleteProperty(navigator, 'serial');
  vi.unstubAllGlobals();
});

describe('printer store', () => {
  it('prints a cash sale’s receipt on the paired serial printer, drawer kick first', async () => {
    await tillStores();
    const fake = installFakeSerial();
    const printer = usePrinterStore();
    await printer.start();
    await printer.pair('serial');
    expect(printer.settings).toMatchObject({ transport: 'serial', usbVendorId: 0x0416, usbProductId: 0x5011 });

    const sale = await cashSale();
    await printer.printSale(sale, 'zh-CN');
    await printer.kick();
    const decoded = decodeEscPos(Uint8Array.from(fake.written));
    expect(decoded.items[0]).toEqual({ kind: 'drawer' });
    expect(decoded.lines.join('\n')).toContain(sale.receiptNo);
    expect(decoded.lines.join('\n')).toContain('可口可乐 330ml');
    expect(decoded.items.at(-1)).toEqual({ kind: 'cut' });
    const [job] = await getDb().printJobs.toArray();
    expect(job).toMatchObject({ state: 'done', kind: 'receipt', docId: sale.id, transport: 'serial' });
  });

  it('keeps the sale and the job when the printer fails; Retry prints it; a reprint is marked and keeps the drawer shut', async () => {
    await tillStores();
    const fake = installFakeSerial();
    const printer = usePrinterStore();
    await printer.start();
    await printer.pair('serial');
    fake.down = true;

    const sale = await cashSale();
    const job = (await printer.printSale(sale, 'en'))!;
    await printer.kick();
    expect(await getDb().printJobs.get(job.id)).toMatchObject({ state: 'queued', attempts: 1, lastErrorCode: 'write_failed' });
    expect((await getDb().printJobs.get(job.id))!.lastError).toContain('device disconnected');
    expect(await getDb().sales.get(sale.id)).toEqual(sale);
    await eventually(() => expect(printer.unprinted.map((j) => j.id)).toEqual([job.id]));

    fake.down = false;
    await printer.retry(job.id);
    expect(await getDb().printJobs.get(job.id)).toMatchObject({ state: 'done', attempts: 2 });
    await eventually(() => expect(printer.unprinted).toEqual([]));

    fake.written.length = 0;
    const again = (await printer.printSale(sale, 'en', true))!;
    expect(again.id).not.toBe(job.id);
    await printer.kick();
    const decoded = decodeEscPos(Uint8Array.from(fake.written));
    expect(decoded.items.some((i) => i.kind === 'drawer')).toBe(false);
    expect(decoded.lines.join('\n')).toMatch(/REPRINT/i);
    expect(await getDb().printJobs.count()).toBe(2);
  });

  it('sends to a network printer of the store by id only, and keeps the API’s printer error on the job', async () => {
    await tillStores();
    const bodies: Record<string, unknown>[] = [];
    let answer: [number, unknown] = [502, { error: { code: 'printer_unreachable', message: '10.0.0.7:9100 cannot be reached' } }];
    vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
      bodies.push(JSON.parse(String(init.body)) as Record<string, unknown>);
      return new Response(JSON.stringify(answer[1]), { status: answer[0], headers: { 'content-type': 'application/json' } });
    });
    const printer = usePrinterStore();
    await printer.start();
    const printerId = '0190f5e8-3b2a-7c41-9d2e-5f6a7b8c9d0e';
    await printer.use({ v: 1, paper: 58, transport: 'network', printerId, name: 'Counter', host: '10.0.0.7', port: 9100 });

    const job = (await printer.printSale(await cashSale(), 'zh-CN'))!;
    await printer.kick();
    expect(Object.keys(bodies[0]!).sort()).toEqual(['bytes', 'printerId']);
    expect(bodies[0]!.printerId).toBe(printerId);
    expect(await getDb().printJobs.get(job.id)).toMatchObject({ state: 'queued', lastErrorCode: 'printer_unreachable' });

    answer = [200, { ok: true, bytes: 10 }];
    await printer.retry(job.id);
    expect(await getDb().printJobs.get(job.id)).toMatchObject({ state: 'done' });
  });

  it('prints a closed shift’s Z report through the queue: counted against expected, cut, the drawer left shut; a dead printer only delays it', async () => {
    await tillStores();
    const fake = installFakeSerial();
    const printer = usePrinterStore();
    await printer.start();
    await printer.pair('serial');
    const shift = await closedShift();
    fake.written.length = 0;
    fake.down = true;

    const job = (await printer.printZReport(shift, 'zh-CN'))!;
    await printer.kick();
    await eventually(async () => expect((await getDb().printJobs.get(job.id))?.lastErrorCode).toBeTruthy());
    expect(await getDb().printJobs.get(job.id)).toMatchObject({ kind: 'z-report', docId: shift.id, state: 'queued' });

    fake.down = false;
    await printer.retry(job.id);
    await eventually(async () => expect((await getDb().printJobs.get(job.id))?.state).toBe('done'));
    const decoded = decodeEscPos(Uint8Array.from(fake.written));
    const text = decoded.lines.join('\n');
    expect(text).toContain('Z 报表');
    expect(text).toContain('陈收银');
    expect(text).toMatch(/差额/);
    expect(text).toMatch(/-2\.00/);
    expect(decoded.items.some((i) => i.kind === 'drawer')).toBe(false);
    expect(decoded.items.at(-1)).toEqual({ kind: 'cut' });

    // A reprint says so.
    fake.written.length = 0;
    await printer.printZReport(shift, 'en', true);
    await printer.kick();
    await eventually(() => expect(decodeEscPos(Uint8Array.from(fake.written)).lines.join('\n')).toContain('REPRINT'));
  });

  it('queues nothing while no printer is set up (the browser dialog prints)', async () => {
    await tillStores();
    const printer = usePrinterStore();
    await printer.start();
    expect(printer.configured).toBe(false);
    expect(await printer.printSale(await cashSale(), 'en')).toBeNull();
    expect(await getDb().printJobs.count()).toBe(0);
  });
});
