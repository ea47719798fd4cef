import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/context.ts';
import { addStorePrinter, deleteStorePrinter, listStorePrinters, tillPrinter, updateStorePrinter } from './printers.queries.ts';
import { createPrinterRoute, deletePrinterRoute, listPrintersRoute, printJobRoute, tillPrintersRoute, updatePrinterRoute } from './printing.routes.ts';
import { sendQueued } from './tcp-printer.ts';

export function registerPrinting(app: OpenAPIHono<AppEnv>) {
  app.openapi(printJobRoute, async (c) => {
    const { printerId, bytes, timeoutMs } = c.req.valid('json');
    const printer = await tillPrinter(c.var.deps.db, c.var.device!.storeId, printerId);
    const data = new Uint8Array(Buffer.from(bytes, 'base64'));
    const outcome = await sendQueued(printer, data, timeoutMs);
    if (outcome.ok) return c.json({ ok: true as const, bytes: outcome.bytes }, 200);
    // The till keeps the job and retries (or falls back to the browser's print dialog).
    return c.json({ error: { code: outcome.code, message: outcome.message } }, 502);
  });
  app.openapi(tillPrintersRoute, async (c) => {
    const items = await listStorePrinters(c.var.deps.db, c.var.device!.storeId);
    return c.json({ items: items.map(({ id, name, host, port }) => ({ id, name, host, port })) }, 200);
  });
  app.openapi(listPrintersRoute, async (c) => c.json({ items: await listStorePrinters(c.var.deps.db, c.req.valid('query').storeId) }, 200));
  app.openapi(createPrinterRoute, async (c) => {
    const { db, clock } = c.var.deps;
    const body = c.req.valid('json');
    return c.json(await db.transaction((tx) => addStorePrinter(tx, body, c.var.user!, clock.now())), 201);
  });
  app.openapi(updatePrinterRoute, async (c) => {
    const { db, clock } = c.var.deps;
    const body = c.req.valid('json');
    return c.json(await db.transaction((tx) => updateStorePrinter(tx, c.req.valid('param').id, body, c.var.user!, clock.now())), 200);
  });
  app.openapi(deletePrinterRoute, async (c) => {
    const { db, clock } = c.var.deps;
    await db.transaction((tx) => deleteStorePrinter(tx, c.req.valid('param').id, c.var.user!, clock.now()));
    return c.body(null, 204);
  });
}
