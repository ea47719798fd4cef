import { z } from 'zod';

/**
 * A print job the till hands to the API for a network printer (raw TCP, port 9100 by
 * default): `POST /api/printing/jobs`. The printer is one set up for the till's store
 * (store-printers.ts), named by id.
 */

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const HOSTNAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;

/** An IPv4 address or a DNS hostname: no scheme, port, path, user or IPv6 literal. */
export function isPrinterHost(host: string): boolean {
  // All-numeric dotted names are only valid as real IPv4 addresses (no 999.1.1.1, no 10.1).
  if (/^[\d.]+$/.test(host)) return IPV4.test(host);
  return HOSTNAME.test(host);
}

/** Largest job accepted: plenty for a receipt with a logo, small enough to refuse nonsense. */
export const PRINT_JOB_MAX_BYTES = 1024 * 1024;

export const printerAddressSchema = z.object({
  host: z
    .string({ message: 'host is required' })
    .trim()
    .min(1, 'host is required')
    .refine(isPrinterHost, 'host must be an IPv4 address or a hostname, without scheme, port or path'),
  port: z
    .number({ message: 'port must be a number from 1 to 65535' })
    .int('port must be a whole number')
    .min(1, 'port must be from 1 to 65535')
    .max(65535, 'port must be from 1 to 65535')
    .default(9100),
});
export type PrinterAddress = z.infer<typeof printerAddressSchema>;

export const printJobRequestSchema = z.object({
  /**
   * Refused whatever it holds: a till may not name a host and port of its own. First in
   * the shape, so a request that still sends one is told about this field, not printerId.
   */
  printer: z
    .unknown()
    .refine((v) => v === undefined, 'a till cannot send to an address of its own: send printerId, a printer set up for its store in the back office')
    .optional(),
  printerId: z.uuid({ message: 'printerId must be the id of a printer set up for this store' }),
  /** The ESC/POS bytes, base64. */
  bytes: z
    .string({ message: 'bytes (base64) is required' })
    .min(1, 'bytes must not be empty')
    .max(Math.ceil(PRINT_JOB_MAX_BYTES / 3) * 4, `bytes must be at most ${PRINT_JOB_MAX_BYTES} bytes`)
    .pipe(z.base64({ message: 'bytes must be base64' })),
  /** How long the whole job may take: connecting, sending, and the printer closing. */
  timeoutMs: z.number().int().min(100, 'timeoutMs must be at least 100').max(60_000, 'timeoutMs must be at most 60000').default(10_000),
});
export type PrintJobRequest = z.input<typeof printJobRequestSchema>;

export const printJobResponseSchema = z.object({ ok: z.literal(true), bytes: z.number().int() });

/** Error codes of a 502 from the print job route: what the till can tell the cashier. */
export const PRINTER_ERROR_CODES = ['printer_refused', 'printer_unreachable', 'printer_dropped', 'printer_timeout'] as const;
export type PrinterErrorCode = (typeof PRINTER_ERROR_CODES)[number];

/** Base64 of bytes, in browsers and Node alike (for `bytes` in a print job). */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}
