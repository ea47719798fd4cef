import { z } from 'zod';
import { printerAddressSchema } from './print-job.ts';

/**
 * The network receipt printers of each store, set up in the back office. A till prints
 * only to one of its own store's printers, by id: the API never connects to an address
 * a till makes up, so a till token cannot be used to reach other hosts on the network.
 */
export const storePrinterInputSchema = z.object({
  storeId: z.uuid({ message: 'storeId must be a uuid' }),
  name: z.string({ message: 'name is required' }).trim().min(1, 'name is required').max(100, 'name is at most 100 characters'),
  host: printerAddressSchema.shape.host,
  port: printerAddressSchema.shape.port,
});
export type StorePrinterInput = z.input<typeof storePrinterInputSchema>;

export const storePrinterSchema = z.object({
  id: z.string(),
  storeId: z.string(),
  storeName: z.string(),
  name: z.string(),
  host: z.string(),
  port: z.number().int(),
});
export type StorePrinter = z.infer<typeof storePrinterSchema>;

/** What a till sees of its store's printers: enough to offer a choice by name. */
export const tillPrinterSchema = storePrinterSchema.pick({ id: true, name: true, host: true, port: true });
export type TillPrinter = z.infer<typeof tillPrinterSchema>;

export const tillPrinterListSchema = z.object({ items: z.array(tillPrinterSchema) });
