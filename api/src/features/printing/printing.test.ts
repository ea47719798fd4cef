import { bytesToBase64, decodeEscPos, escPosBytes, layoutSaleReceipt, newId, type PrintCommand, type SaleV1 } from '@shopbook/shared';
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
  let sale: SaleV1;
  const names: Record<string, string> = {};
  const printers: FakePrinter[] = [];

  beforeAll(async () => {
    const till = await registerTill(t);
    token = till.token;
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
  const print = (body: unknown, auth = token) => t.call('POST', '/api/printing/jobs', { token: auth, body });
  const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string; field?: string } }).error;

  it('sends a receipt to the printer byte for byte, and the bytes decode to the receipt', async () => {
    const printer = await fake('prints');
    const layout = layoutSaleReceipt(sale, { store, productNames: names, cashierName: '张三', occurredAt: '2026-03-02T10:00:00Z' }, { paper: 58, timeZone: 'Asia/Shanghai' });
    const bytes = await escPosBytes(layout);
    const res = await print({ printer: { host: '127.0.0.1', port: printer.port }, bytes: bytesToBase64(bytes) });
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

  it('answers 502 printer_refused when nothing listens at the address', async () => {
    const port = await closedPort();
    const res = await print({ printer: { host: '127.0.0.1', port }, bytes: bytesToBase64(new Uint8Array([0x1b, 0x40])) });
    expect(res.status).toBe(502);
    const error = await errorOf(res);
    expect(error.code).toBe('printer_refused');
    expect(error.message).toContain(`127.0.0.1:${port} refused the connection`);
  });

  it('answers 502 printer_dropped when the printer drops the connection mid-job', async () => {
    const printer = await fake('drops-mid-job');
    const big = new Uint8Array(700_000).fill(0x41);
    const res = await print({ printer: { host: '127.0.0.1', port: printer.port }, bytes: bytesToBase64(big) });
    expect(res.status).toBe(502);
    const error = await errorOf(res);
    expect(error.code).toBe('printer_dropped');
    expect(error.message).toMatch(/before the job was complete/);
  });

  it('answers 502 printer_timeout when the printer never finishes the job', async () => {
    const printer = await fake('never-closes');
    const res = await print({ printer: { host: '127.0.0.1', port: printer.port }, bytes: bytesToBase64(new Uint8Array([0x1b, 0x40, 0x0a])), timeoutMs: 300 });
    expect(res.status).toBe(502);
    const error = await errorOf(res);
    expect(error.code).toBe('printer_timeout');
    expect(error.message).toMatch(/within 300 ms/);
  });

  it('validates the printer address and the bytes, naming the field', async () => {
    const bytes = bytesToBase64(new Uint8Array([0x1b, 0x40]));
    const cases: [unknown, string][] = [
      [{ printer: { host: 'http://10.0.0.5', port: 9100 }, bytes }, 'printer.host'],
      [{ printer: { host: '10.0.0.5:9100', port: 9100 }, bytes }, 'printer.host'],
      [{ printer: { host: '10.0.0.5/print', port: 9100 }, bytes }, 'printer.host'],
      [{ printer: { host: '999.1.1.1', port: 9100 }, bytes }, 'printer.host'],
      [{ printer: { host: '', port: 9100 }, bytes }, 'printer.host'],
      [{ printer: { host: '10.0.0.5', port: 0 }, bytes }, 'printer.port'],
      [{ printer: { host: '10.0.0.5', port: 65536 }, bytes }, 'printer.port'],
      [{ printer: { host: '10.0.0.5', port: 91.5 }, bytes }, 'printer.port'],
      [{ printer: { host: '10.0.0.5', port: '9100' }, bytes }, 'printer.port'],
      [{ printer: { host: '10.0.0.5', port: 9100 }, bytes: 'not base64!' }, 'bytes'],
      [{ printer: { host: '10.0.0.5', port: 9100 }, bytes: '' }, 'bytes'],
      [{ printer: { host: '10.0.0.5', port: 9100 } }, 'bytes'],
      [{ bytes }, 'printer'],
    ];
    for (const [body, field] of cases) {
      const res = await print(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      const error = await errorOf(res);
      expect(error.field, JSON.stringify(body)).toBe(field);
      expect(error.message.startsWith(`${field}:`)).toBe(true);
    }
  });

  it('takes a hostname and defaults the port to 9100 (validation only: no printer is contacted here)', async () => {
    const res = await print({ printer: { host: 'no-such-printer.invalid' }, bytes: bytesToBase64(new Uint8Array([0x0a])), timeoutMs: 2000 });
    expect(res.status).toBe(502);
    const error = await errorOf(res);
    expect(error.code).toBe('printer_unreachable');
    expect(error.message).toContain('no-such-printer.invalid:9100');
  });

  it('is for registered tills only', async () => {
    const manager = await t.login('manager');
    const res = await print({ printer: { host: '127.0.0.1', port: 9100 }, bytes: 'AA==' }, manager);
    expect(res.status).toBe(401);
  });
});
