import { bytesToBase64 } from '@shopbook/shared';
import { describeFailure, postPrintJob } from '../sync/api.ts';
import { PrinterError } from './printer-error.ts';
import type { PrinterSettings } from './settings.ts';
import { webSerial, webUsb, type SerialPortLike, type UsbDeviceLike } from './web-hardware.ts';

/** USB class of printers (IEEE 1284 over USB). */
const USB_PRINTER_CLASS = 7;
/** USB and serial printers take a receipt in well under a second; a stuck one must not hold the queue. */
const LOCAL_TIMEOUT_MS = 15_000;

export interface SendContext {
  /** the till's device token, for the API's network printing */
  token: string | null;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

function withTimeout<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PrinterError('write_failed', `${what}: no answer in ${LOCAL_TIMEOUT_MS / 1000} s`)), LOCAL_TIMEOUT_MS);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Sends the bytes with the transport the settings name; throws PrinterError. */
export async function sendToPrinter(settings: PrinterSettings, bytes: Uint8Array, ctx: SendContext): Promise<void> {
  switch (settings.transport) {
    case 'serial':
      return withTimeout(sendSerial(settings, bytes), 'serial printer');
    case 'usb':
      return withTimeout(sendUsb(settings, bytes), 'USB printer');
    case 'network':
      return sendNetwork(settings, bytes, ctx);
    case 'none':
      throw new PrinterError('not_paired', 'no receipt printer is set up on this till');
  }
}

// ---- Web Serial ---------------------------------------------------------------------------

type SerialSettings = Extract<PrinterSettings, { transport: 'serial' }>;

/** The remembered port: the one with the same USB ids, else the only one this site may use. */
async function findPort(settings: SerialSettings): Promise<SerialPortLike> {
  const serial = webSerial();
  if (!serial) throw new PrinterError('unsupported', 'this browser has no Web Serial');
  const ports = await serial.getPorts();
  const same = ports.find((p) => {
    const info = p.getInfo();
    return (info.usbVendorId ?? null) === settings.usbVendorId && (info.usbProductId ?? null) === settings.usbProductId;
  });
  const port = same ?? (ports.length === 1 ? ports[0] : undefined);
  if (!port) throw new PrinterError('not_found', 'the serial printer is not connected (or its permission was withdrawn)');
  return port;
}

async function sendSerial(settings: SerialSettings, bytes: Uint8Array): Promise<void> {
  const port = await findPort(settings);
  try {
    await port.open({ baudRate: settings.baudRate });
  } catch (e) {
    throw new PrinterError('open_failed', `could not open the serial port: ${message(e)}`);
  }
  try {
    if (!port.writable) throw new Error('the port cannot be written to');
    const writer = port.writable.getWriter();
    try {
      await writer.write(bytes);
      // close() resolves once everything written has left for the device.
      await writer.close();
    } finally {
      writer.releaseLock();
    }
  } catch (e) {
    throw new PrinterError('write_failed', `the serial printer did not take the receipt: ${message(e)}`);
  } finally {
    await port.close().catch(() => undefined);
  }
}

/** Asks the cashier to pick a serial port (needs a click); returns the settings that find it again. */
export async function pairSerial(paper: PrinterSettings['paper'], baudRate = 9600): Promise<PrinterSettings> {
  const serial = webSerial();
  if (!serial) throw new PrinterError('unsupported', 'this browser has no Web Serial');
  const port = await serial.requestPort();
  const info = port.getInfo();
  return { v: 1, paper, transport: 'serial', baudRate, usbVendorId: info.usbVendorId ?? null, usbProductId: info.usbProductId ?? null };
}

// ---- WebUSB -------------------------------------------------------------------------------

type UsbSettings = Extract<PrinterSettings, { transport: 'usb' }>;

async function findDevice(settings: UsbSettings): Promise<UsbDeviceLike> {
  const usb = webUsb();
  if (!usb) throw new PrinterError('unsupported', 'this browser has no WebUSB');
  const devices = await usb.getDevices();
  const device = devices.find(
    (d) => d.vendorId === settings.vendorId && d.productId === settings.productId && (settings.serialNumber === null || d.serialNumber === settings.serialNumber),
  );
  if (!device) throw new PrinterError('not_found', 'the USB printer is not connected (or its permission was withdrawn)');
  return device;
}

/** The interface to print through: a bulk OUT endpoint, on the printer-class interface when there is one. */
function printInterface(device: UsbDeviceLike): { interfaceNumber: number; endpointNumber: number } {
  const candidates = (device.configuration?.interfaces ?? []).flatMap((i) => {
    const out = i.alternate.endpoints.find((e) => e.direction === 'out' && e.type === 'bulk');
    return out ? [{ interfaceNumber: i.interfaceNumber, endpointNumber: out.endpointNumber, printer: i.alternate.interfaceClass === USB_PRINTER_CLASS }] : [];
  });
  const chosen = candidates.find((c) => c.printer) ?? candidates[0];
  if (!chosen) throw new PrinterError('write_failed', 'the USB device has no bulk output endpoint: is it a printer?');
  return chosen;
}

async function sendUsb(settings: UsbSettings, bytes: Uint8Array): Promise<void> {
  const device = await findDevice(settings);
  let claimed: number | null = null;
  try {
    if (!device.opened) await device.open();
    if (device.configuration === null) await device.selectConfiguration(1);
    const { interfaceNumber, endpointNumber } = printInterface(device);
    await device.claimInterface(interfaceNumber);
    claimed = interfaceNumber;
    const result = await device.transferOut(endpointNumber, bytes as Uint8Array<ArrayBuffer>);
    if (result.status !== 'ok' || result.bytesWritten !== bytes.length) {
      throw new Error(`transfer ${result.status}, ${result.bytesWritten} of ${bytes.length} bytes`);
    }
  } catch (e) {
    if (e instanceof PrinterError) throw e;
    throw new PrinterError('write_failed', `the USB printer did not take the receipt: ${message(e)}`);
  } finally {
    if (claimed !== null) await device.releaseInterface(claimed).catch(() => undefined);
    await device.close().catch(() => undefined);
  }
}

export async function pairUsb(paper: PrinterSettings['paper']): Promise<PrinterSettings> {
  const usb = webUsb();
  if (!usb) throw new PrinterError('unsupported', 'this browser has no WebUSB');
  // The printer class first; many receipt printers declare a vendor class instead, so any device may be picked.
  const device = await usb.requestDevice({ filters: [] });
  return {
    v: 1,
    paper,
    transport: 'usb',
    vendorId: device.vendorId,
    productId: device.productId,
    serialNumber: device.serialNumber ?? null,
    name: device.productName ?? null,
  };
}

// ---- network printer through the API -----------------------------------------------------

async function sendNetwork(settings: Extract<PrinterSettings, { transport: 'network' }>, bytes: Uint8Array, ctx: SendContext): Promise<void> {
  if (!ctx.token) throw new PrinterError('not_paired', 'this till is not registered');
  const res = await postPrintJob(ctx.token, { printerId: settings.printerId, bytes: bytesToBase64(bytes) });
  if (res.ok) return;
  const f = res.failure;
  if (f.kind === 'network') throw new PrinterError('offline', `the server cannot be reached: ${f.message}`);
  const code = f.kind === 'http' && /^printer_(refused|unreachable|dropped|timeout)$/.test(f.code) ? (f.code as 'printer_refused') : 'failed';
  throw new PrinterError(code, describeFailure(f));
}
