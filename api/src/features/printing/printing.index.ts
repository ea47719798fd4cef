import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/context.ts';
import { printJobRoute } from './printing.routes.ts';
import { sendQueued } from './tcp-printer.ts';

export function registerPrinting(app: OpenAPIHono<AppEnv>) {
  app.openapi(printJobRoute, async (c) => {
    const { printer, bytes, timeoutMs } = c.req.valid('json');
    const data = new Uint8Array(Buffer.from(bytes, 'base64'));
    const outcome = await sendQueued(printer, data, timeoutMs);
    if (outcome.ok) return c.json({ ok: true as const, bytes: outcome.bytes }, 200);
    // The till keeps the job and retries (or falls back to the browser's print dialog).
    return c.json({ error: { code: outcome.code, message: outcome.message } }, 502);
  });
}
