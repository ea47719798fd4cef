/**
 * What can go wrong between the till and its printer, as codes the till translates for
 * the cashier (`print.failure.<code>`); the message keeps the technical detail.
 * The printer_* codes are the API's for network printers.
 */
export const PRINTER_FAILURES = [
  'unsupported',
  'not_paired',
  'not_found',
  'open_failed',
  'write_failed',
  'offline',
  'printer_refused',
  'printer_unreachable',
  'printer_dropped',
  'printer_timeout',
  'failed',
] as const;
export type PrinterFailure = (typeof PRINTER_FAILURES)[number];

export class PrinterError extends Error {
  constructor(
    readonly code: PrinterFailure,
    message: string,
  ) {
    super(message);
    this.name = 'PrinterError';
  }
}

export function isPrinterFailure(code: string | null): code is PrinterFailure {
  return (PRINTER_FAILURES as readonly string[]).includes(code ?? '');
}
