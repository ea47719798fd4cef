import { createConnection } from 'node:net';
import type { PrinterErrorCode } from '@shopbook/shared';

/**
 * Raw TCP printing ("port 9100", JetDirect style): connect, write the job, half-close,
 * and wait for the printer to close its side. That last step is how a raw printer says
 * it has taken the whole job (CUPS' socket backend waits for it too); a reset or an
 * early close before it means the job was cut short.
 */

export interface PrinterTarget {
  host: string;
  port: number;
}

export type PrintOutcome =
  | { ok: true; bytes: number; ms: number }
  | { ok: false; code: PrinterErrorCode; message: string };

const NETWORK_ERRORS: Record<string, PrinterErrorCode> = {
  ECONNREFUSED: 'printer_refused',
  ENOTFOUND: 'printer_unreachable',
  EAI_AGAIN: 'printer_unreachable',
  EHOSTUNREACH: 'printer_unreachable',
  ENETUNREACH: 'printer_unreachable',
  EHOSTDOWN: 'printer_unreachable',
  EADDRNOTAVAIL: 'printer_unreachable',
  ECONNRESET: 'printer_dropped',
  EPIPE: 'printer_dropped',
  ECONNABORTED: 'printer_dropped',
  ETIMEDOUT: 'printer_timeout',
};

/** Sends one job. Never throws: every failure comes back as a code and a sentence for the cashier. */
export function sendToPrinter(target: PrinterTarget, data: Uint8Array, timeoutMs: number): Promise<PrintOutcome> {
  const where = `${target.host}:${target.port}`;
  const started = Date.now();
  return new Promise((resolve) => {
    let phase: 'connecting' | 'sending' | 'closing' = 'connecting';
    let settled = false;
    const socket = createConnection({ host: target.host, port: target.port });

    const settle = (outcome: PrintOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(outcome);
    };
    const dropped = (why: string) =>
      settle({
        ok: false,
        code: 'printer_dropped',
        message: `the printer at ${where} ${why} before the job was complete (${Math.min(socket.bytesWritten, data.length)} of ${data.length} bytes sent); it may have printed part of it`,
      });

    const timer = setTimeout(() => {
      const message =
        phase === 'connecting'
          ? `no answer from the printer at ${where} within ${timeoutMs} ms`
          : phase === 'sending'
            ? `the printer at ${where} stopped taking data (${socket.bytesWritten} of ${data.length} bytes sent in ${timeoutMs} ms): paper out, cover open or busy?`
            : `the printer at ${where} took all ${data.length} bytes but did not finish the job within ${timeoutMs} ms; it may have printed`;
      settle({ ok: false, code: 'printer_timeout', message });
    }, timeoutMs);

    socket.on('connect', () => {
      phase = 'sending';
      // end() writes the job, then half-closes once it has been handed to the network.
      socket.end(data, () => {
        if (phase === 'sending') phase = 'closing';
      });
    });
    // Status bytes a printer may send back are not used; reading them lets 'end' arrive.
    socket.on('data', () => {});
    socket.on('end', () => {
      if (phase !== 'closing') dropped('closed the connection');
    });
    socket.on('close', (hadError) => {
      if (!hadError && phase === 'closing') settle({ ok: true, bytes: data.length, ms: Date.now() - started });
      else dropped('closed the connection');
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      const code = NETWORK_ERRORS[error.code ?? ''] ?? (phase === 'connecting' ? 'printer_unreachable' : 'printer_dropped');
      if (code === 'printer_refused') {
        settle({ ok: false, code, message: `the printer at ${where} refused the connection: is it switched on, and are the address and port right?` });
      } else if (code === 'printer_unreachable') {
        settle({ ok: false, code, message: `cannot reach the printer at ${where} (${error.code ?? error.message})` });
      } else if (code === 'printer_timeout') {
        settle({ ok: false, code, message: `the connection to the printer at ${where} timed out (${error.code})` });
      } else {
        dropped(`dropped the connection (${error.code ?? error.message})`);
      }
    });
  });
}

/**
 * A raw printer serves one connection at a time; jobs from several tills for the same
 * printer go one after another (within this API process).
 */
const queues = new Map<string, Promise<unknown>>();

export function sendQueued(target: PrinterTarget, data: Uint8Array, timeoutMs: number): Promise<PrintOutcome> {
  const key = `${target.host.toLowerCase()}:${target.port}`;
  const previous = queues.get(key) ?? Promise.resolve();
  const job = previous.then(() => sendToPrinter(target, data, timeoutMs));
  queues.set(key, job);
  void job.finally(() => {
    if (queues.get(key) === job) queues.delete(key);
  });
  return job;
}
