import type { PaperWidth } from '@shopbook/shared';
import type { PosDb } from '../db/PosDb.ts';
import { getMeta, setMeta } from '../db/meta.ts';

/**
 * The receipt printer this till uses, chosen once by a person (pairing a USB or serial
 * device needs a click) and remembered in the till's database. After a reload the till
 * finds the same device again through getPorts()/getDevices(), which need no click.
 * 'none': the browser's print dialog.
 */
export type PrinterSettings = { v: 1; paper: PaperWidth } & (
  | { transport: 'none' }
  | { transport: 'serial'; baudRate: number; usbVendorId: number | null; usbProductId: number | null }
  | { transport: 'usb'; vendorId: number; productId: number; serialNumber: string | null; name: string | null }
  /** one of the store's printers set up in the back office; the API sends to it by id */
  | { transport: 'network'; printerId: string; name: string; host: string; port: number }
);

export const DEFAULT_PRINTER: PrinterSettings = { v: 1, paper: 80, transport: 'none' };

export async function loadPrinterSettings(db: PosDb): Promise<PrinterSettings> {
  return (await getMeta(db, 'printer')) ?? DEFAULT_PRINTER;
}

export async function savePrinterSettings(db: PosDb, settings: PrinterSettings): Promise<void> {
  await setMeta(db, 'printer', settings);
}
