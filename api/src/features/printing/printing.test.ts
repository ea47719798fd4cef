import { bytesToBase64, decodeEscPos, escPosBytes, layoutSaleReceipt, newId, type PrintCommand, type SaleV1, type StorePrinter } from '@shopbook/shared';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDriver } from '../../../test/databases.ts';
import { useApp } from '../../../test/harness.ts';
import { registerTill, saleEvent } from '../../../test/till.ts';
import { type FakePrinter, closedPort, startFakePrinter } from './fake-printer.ts';

const store = {
  name: '好邻居便利店',
  companyName: '上海好邻居商贸有限公司',
  taxNumber: '91310000MA1FL0XX1X',
  currency: 'CNY',
  receiptHeader: '欢迎光临',
  receiptFooter: '谢谢惠顾',
};

const withoutExtras = (commands: PrintCommand[]) =>
  commands.map((c) => (c.kind === 'line' ? { kind: c.kind, text: c.text, align: c.align, bold: c.bold, size: c.size } : c.kind === 'qr' ? { kind: c.kind, data: c.data } : c));

describeEachDriver('network printing through the API', (driver) => {
  const t = useApp(driver);
  let token = '';
  let manager = '';
  let storeId = '';
  let otherStoreId = '';
  let sale: SaleV1;
  const names: Record<string, string> = {};
  const printers: FakePrinter[] = [];

  beforeAll(async () => {
    const till = await registerTill(t);
    token = till.token;
    storeId = till.storeId;
    manager = await t.login('manager');
    const stores = (await (await t.call('GET', '/api/org/stores', { token: manager })).json()) as { items: { id: string }[] };
    otherStoreId = stores.items.find((s) => s.id !== storeId)!.id;
    const tea = newId();
    const apples = newId();
    names[tea] = '龙井茶 Longjing tea 250g';
    names[apples] = 'Fuji apples 富士苹果';
    sale = saleEvent(till, 1, newId(), [
      { productId: tea, qty: '2', unitPrice: 4800, taxRateBp: 1300, discount: 200 },
      { productId: apples, qty: '1.25', unitPrice: 1299, taxRateBp: 900 },
    ]).payload;
  });
  afterAll(async () => {
    await Promise.all(printers.map((p) => p.close()));
  });

  const fake = async (...args: Parameters<typeof startFakePrinter>) => {
    const p = await startFakePrinter(...args);
    printers.push(p);
    return p;
  };
  /** Sets a printer up for a store in the back office, as a manager does. */
  const configure = async (port: number, opts: { host?: string; store?: string; name?: string } = {}) => {
    const res = await t.call('POST', '/api/printing/printers', {
      token: manager,
      body: { storeId: opts.store ?? storeId, name: opts.name ?? `Printer ${port}`, host: opts.host ?? '127.0.0.1', port },
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as StorePrinter).id;
  };
  const print = (body: unknown, auth = token) => t.call('POST', '/api/printing/jobs', { token: auth, body });
  const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string; field?: string } }).error;

  it('sends a receipt to the store’s printer byte for byte, and the bytes decode to the receipt', async () => {
    const printer = await fake('prints');
    const printerId = await configure(printer.port);
    const layout = layoutSaleReceipt(sale, { store, productNames: names, cashierName: '张三', occurredAt: '2026-03-02T10:00:00Z' }, { paper: 58, timeZone: 'Asia/Shanghai' });
    const bytes = await escPosBytes(layout);
    const res = await print({ printerId, bytes: bytesToBase64(bytes) });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, bytes: bytes.length });
    expect(printer.jobs).toHaveLength(1);
    expect(Buffer.from(printer.jobs[0]!).equals(Buffer.from(bytes))).toBe(true);

    const decoded = decodeEscPos(printer.jobs[0]!);
    expect(decoded.items).toEqual(withoutExtras(layout.commands));
    expect(decoded.lines).toContain('龙井茶 Longjing tea 250g');
    expect(decoded.lines).toContain(`${'  2 x 48.00'.padEnd(27)}96.00`);
    expect(decoded.items.filter((i) => i.kind === 'qr')).toEqual([{ kind: 'qr', data: sale.saleId }]);
    expect(decoded.items[0]).toEqual({ kind: 'drawer' });
    expect(decoded.items.at(-1)).toEqual({ kind: 'cut' });
  });

  it('refuses an address the till names itself, naming the printer field, and contacts nothing', async () => {
    const printer = await fake('prints');
    const bytes = bytesToBase64(new Uint8Array([0x1b, 0x40]));
    for (const body of [{ printer: { host: '127.0.0.1', port: printer.port }, bytes }, { printer: { host: '127.0.0.1', port: printer.port }, printerId: newId(), bytes }]) {
      const res = await print(body);
      expect(res.status).toBe(400);
      const error = await errorOf(res);
      expect(error.field).toBe('printer');
      expect(error.message).toContain('printerId');
    }
    expect(printer.jobs).toEqual([]);
  });

  it('prints only to a printer of the till’s own store that is still set up', async () => {
    const printer = await fake('prints');
    const elsewhere = await configure(printer.port, { store: otherStoreId, name: 'Other store' });
    const bytes = bytesToBase64(new Uint8Array([0x1b, 0x40]));
    for (const printerId of [elsewhere, newId()]) {
      const res = await print({ printerId, bytes });
      expect(res.status).toBe(422);
      expect((await errorOf(res)).field).toBe('printerId');
    }
    const mine = await configure(printer.port, { name: 'Counter' });
    const listed = (await (await t.call('GET', '/api/printing/till-printers', { token })).json()) as { items: { id: string; name: string }[] };
    expect(listed.items.map((p) => p.id)).toContain(mine);
    expect(listed.items.map((p) => p.id)).not.toContain(elsewhere);
    expect((await t.call('DELETE', `/api/printing/printers/${mine}`, { token: manager })).status).toBe(204);
    const gone = await print({ printerId: mine, bytes });
    expect(gone.status).toBe(422);
    expect((await errorOf(gone)).field).toBe('printerId');
    expect(printer.jobs).toEqual([]);
  });

  it('answers 502 printer_refused when nothing listens at the printer’s address', async () => {
    const port = await closedPort();
    const res = await print({ printerId: await configure(port), bytes: bytesToBase64(new Uint8Array([0x1b, 0x40])) });
    expect(res.status).toBe(502);
    const error = await errorOf(res);
    expect(error.code).toBe('printer_refused');
    expect(error.message).toContain(`127.0.0.1:${port} refused the connection`);
  });

  it('answers 502 printer_dropped when the printer drops the connection mid-job', async () => {
    const printer = await fake('drops-mid-job');
    const big = new Uint8Array(700_000).fill(0x41);
    const res = await print({ printerId: await configure(printer.port), bytes: bytesToBase64(big) });
    expect(res.status).toBe(502);
    const error = await errorOf(res);
    expect(error.code).toBe('printer_dropped');
    expect(error.message).toMatch(/before the job was complete/);
  });

  it('answers 502 printer_timeout when the printer never finishes the job', async () => {
    const printer = await fake('never-closes');
    const res = await print({ printerId: await configure(printer.port), bytes: bytesToBase64(new Uint8Array([0x1b, 0x40, 0x0a])), timeoutMs: 300 });
    expect(res.status).toBe(502);
    const error = await errorOf(res);
    expect(error.code).toBe('printer_timeout');
    expect(error.message).toMatch(/within 300 ms/);
  });

  it('validates the printer id and the bytes of a job, naming the field', async () => {
    const bytes = bytesToBase64(new Uint8Array([0x1b, 0x40]));
    const printerId = newId();
    const cases: [unknown, string][] = [
      [{ printerId: 'front-counter', bytes }, 'printerId'],
      [{ bytes }, 'printerId'],
      [{ printerId, bytes: 'not base64!' }, 'bytes'],
      [{ printerId, bytes: '' }, 'bytes'],
      [{ printerId }, 'bytes'],
    ];
    for (const [body, field] of cases) {
      const res = await print(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      const error = await errorOf(res);
      expect(error.field, JSON.stringify(body)).toBe(field);
      expect(error.message.startsWith(`${field}:`)).toBe(true);
    }
  });

  it('checks a printer’s address when it is set up, naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ host: 'http://10.0.0.5', port: 9100 }, 'host'],
      [{ host: '10.0.0.5:9100', port: 9100 }, 'host'],
      [{ host: '10.0.0.5/print', port: 9100 }, 'host'],
      [{ host: '999.1.1.1', port: 9100 }, 'host'],
      [{ host: '', port: 9100 }, 'host'],
      [{ host: '10.0.0.5', port: 0 }, 'port'],
      [{ host: '10.0.0.5', port: 65536 }, 'port'],
      [{ host: '10.0.0.5', port: 91.5 }, 'port'],
      [{ host: '10.0.0.5', port: '9100' }, 'port'],
      [{ host: '10.0.0.5', port: 9100, name: '' }, 'name'],
    ];
    for (const [over, field] of cases) {
      const res = await t.call('POST', '/api/printing/printers', { token: manager, body: { storeId, name: 'Front', ...over } });
      expect(res.status, JSON.stringify(over)).toBe(400);
      expect((await errorOf(res)).field, JSON.stringify(over)).toBe(field);
    }
    const unknownStore = await t.call('POST', '/api/printing/printers', { token: manager, body: { storeId: newId(), name: 'Front', host: '10.0.0.5' } });
    expect(unknownStore.status).toBe(422);
    expect((await errorOf(unknownStore)).field).toBe('storeId');
  });

  it('lists, renames and readdresses printers per store for a manager; a cashier may not', async () => {
    const id = await configure(9100, { host: 'kitchen-printer.shop.local', name: 'Kitchen' });
    const updated = await t.call('PUT', `/api/printing/printers/${id}`, { token: manager, body: { storeId, name: 'Bar', host: '10.0.0.7', port: 9101 } });
    expect(updated.status).toBe(200);
    expect(await updated.json()).toMatchObject({ id, storeId, name: 'Bar', host: '10.0.0.7', port: 9101 });
    const listed = (await (await t.call('GET', `/api/printing/printers?storeId=${storeId}`, { token: manager })).json()) as { items: StorePrinter[] };
    expect(listed.items.find((p) => p.id === id)).toMatchObject({ name: 'Bar', storeName: expect.any(String) });
    expect(listed.items.every((p) => p.storeId === storeId)).toBe(true);
    const cashier = await t.login('cashier');
    expect((await t.call('GET', '/api/printing/printers', { token: cashier })).status).toBe(403);
  });

  it('takes a hostname and defaults the port to 9100', async () => {
    const res = await t.call('POST', '/api/printing/printers', { token: manager, body: { storeId, name: 'Offsite', host: 'no-such-printer.invalid' } });
    const printerId = ((await res.json()) as StorePrinter).id;
    const job = await print({ printerId, bytes: bytesToBase64(new Uint8Array([0x0a])), timeoutMs: 2000 });
    expect(job.status).toBe(502);
    const error = await errorOf(job);
    expect(error.code).toBe('printer_unreachable');
    expect(error.message).toContain('no-such-printer.invalid:9100');
  });

  it('is for registered tills only', async () => {
    const res = await print({ printerId: newId(), bytes: 'AA==' }, manager);
    expect(res.status).toBe(401);
    expect((await t.call('GET', '/api/printing/till-printers', { token: manager })).status).toBe(401);
  });
});
