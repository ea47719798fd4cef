import { afterEach, describe, expect, it } from 'vitest';
import { type FakePrinter, closedPort, startFakePrinter } from './fake-printer.ts';
import { sendQueued, sendToPrinter } from './tcp-printer.ts';

const printers: FakePrinter[] = [];
async function printer(...args: Parameters<typeof startFakePrinter>) {
  const p = await startFakePrinter(...args);
  printers.push(p);
  return p;
}
afterEach(async () => {
  await Promise.all(printers.splice(0).map((p) => p.close()));
});

const job = (size: number) => Uint8Array.from({ length: size }, (_, i) => (i * 31 + 7) % 256);

describe('raw TCP printing', () => {
  it('delivers every byte, in order, and succeeds once the printer closes', async () => {
    const p = await printer('prints');
    const data = job(300_000);
    const outcome = await sendToPrinter({ host: '127.0.0.1', port: p.port }, data, 5000);
    expect(outcome).toMatchObject({ ok: true, bytes: data.length });
    expect(p.jobs).toHaveLength(1);
    expect(Buffer.from(p.jobs[0]!).equals(Buffer.from(data))).toBe(true);
  });

  it('reports a refused connection', async () => {
    const port = await closedPort();
    const outcome = await sendToPrinter({ host: '127.0.0.1', port }, job(10), 2000);
    expect(outcome).toEqual({ ok: false, code: 'printer_refused', message: expect.stringContaining(`127.0.0.1:${port} refused the connection`) });
  });

  it('reports a printer that drops the connection mid-job', async () => {
    const p = await printer('drops-mid-job');
    const data = job(2_000_000);
    const outcome = await sendToPrinter({ host: '127.0.0.1', port: p.port }, data, 5000);
    expect(outcome).toMatchObject({ ok: false, code: 'printer_dropped' });
    expect(outcome.ok || outcome.message).toMatch(/before the job was complete/);
    // It got something, not everything.
    expect(p.jobs[0]!.length).toBeGreaterThan(0);
    expect(p.jobs[0]!.length).toBeLessThan(data.length);
  });

  it('times out when the printer takes the bytes but never finishes the job', async () => {
    const p = await printer('never-closes');
    const started = Date.now();
    const outcome = await sendToPrinter({ host: '127.0.0.1', port: p.port }, job(100), 300);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(outcome).toMatchObject({ ok: false, code: 'printer_timeout' });
    expect(outcome.ok || outcome.message).toMatch(/took all 100 bytes but did not finish the job within 300 ms/);
    expect(p.jobs[0]).toHaveLength(100);
  });

  it('reports a host that does not resolve', async () => {
    const outcome = await sendToPrinter({ host: 'no-such-printer.invalid', port: 9100 }, job(10), 5000);
    expect(outcome).toMatchObject({ ok: false, code: 'printer_unreachable' });
  });

  it('sends jobs for one printer one after another, never two connections at once', async () => {
    const p = await printer('prints', { delayCloseMs: 30 });
    const target = { host: '127.0.0.1', port: p.port };
    const outcomes = await Promise.all([1, 2, 3].map((n) => sendQueued(target, job(1000 * n), 5000)));
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(p.jobs.map((j) => j.length)).toEqual([1000, 2000, 3000]);
    for (let i = 1; i < p.spans.length; i++) expect(p.spans[i]!.start).toBeGreaterThanOrEqual(p.spans[i - 1]!.end);
  });
});
