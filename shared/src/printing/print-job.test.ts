import { describe, expect, it } from 'vitest';
import { PRINT_JOB_MAX_BYTES, base64ToBytes, bytesToBase64, isPrinterHost, printJobRequestSchema } from './print-job.ts';

describe('print job request', () => {
  it('takes IPv4 addresses and hostnames, nothing else', () => {
    for (const ok of ['192.168.1.50', '10.0.0.1', 'printer', 'kitchen-printer.shop.local', 'EPSON1A2B3C']) expect(isPrinterHost(ok), ok).toBe(true);
    for (const bad of ['http://10.0.0.1', '10.0.0.1:9100', '10.0.0.1/x', '256.1.1.1', '10.1', '::1', '[::1]', 'user@host', '-bad.host', 'a b', '']) {
      expect(isPrinterHost(bad), bad).toBe(false);
    }
  });

  it('names a configured printer by id, defaults the timeout, and checks the bytes are base64', () => {
    const printerId = '0190f5e8-3b2a-7c41-9d2e-5f6a7b8c9d0e';
    expect(printJobRequestSchema.parse({ printerId, bytes: 'G0A=' })).toEqual({ printerId, bytes: 'G0A=', timeoutMs: 10_000 });
    expect(printJobRequestSchema.safeParse({ printerId, bytes: 'G0A' }).success).toBe(false);
    const tooBig = bytesToBase64(new Uint8Array(PRINT_JOB_MAX_BYTES + 3));
    expect(printJobRequestSchema.safeParse({ printerId, bytes: tooBig }).error?.issues[0]?.path).toEqual(['bytes']);
  });

  it('refuses an address of the till’s own, naming the printer field first', () => {
    const issues = printJobRequestSchema.safeParse({ printer: { host: '10.0.0.9', port: 9100 }, bytes: 'G0A=' }).error?.issues ?? [];
    expect(issues[0]?.path).toEqual(['printer']);
    expect(issues[0]?.message).toMatch(/printerId/);
  });

  it('converts bytes to base64 and back, large jobs included', () => {
    const data = Uint8Array.from({ length: 200_000 }, (_, i) => (i * 7) % 256);
    const text = bytesToBase64(data);
    expect(text.slice(0, 16)).toBe('AAcOFRwjKjE4P0ZN'); // 00 07 0e 15 1c 23 2a 31 38 3f 46 4d
    expect(text).toHaveLength(Math.ceil(data.length / 3) * 4);
    const back = base64ToBytes(text);
    expect(back.length === data.length && back.every((b, i) => b === data[i])).toBe(true);
  });
});
