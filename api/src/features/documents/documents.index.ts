import type { OpenAPIHono } from '@hono/zod-openapi';
import type { PrintDocument } from '@shopbook/shared';
import type { Context } from 'hono';
import type { AppEnv } from '../../http/context.ts';
import { customerInvoicePrint, customerStatementPrint, deliveryNotePrint, goodsReceiptPrint, purchaseOrderPrint, purchaseReceiptPrint, saleInvoicePrint } from './documents.queries.ts';
import {
  customerInvoiceDocRoutes,
  customerStatementDocRoutes,
  deliveryNoteDocRoutes,
  goodsReceiptDocRoutes,
  purchaseOrderDocRoutes,
  purchaseReceiptDocRoutes,
  saleInvoiceDocRoutes,
} from './documents.routes.ts';
import { documentPdf } from './pdf.ts';

async function sendPdf(c: Context<AppEnv>, doc: PrintDocument) {
  const bytes = await documentPdf(doc);
  // The document number names the file; anything outside a safe set becomes '-'.
  const name = `${doc.kind}-${doc.number}`.replace(/[^A-Za-z0-9._-]/g, '-');
  return c.body(new Uint8Array(bytes), 200, { 'Content-Type': 'application/pdf', 'Content-Disposition': `inline; filename="${name}.pdf"` });
}

export function registerDocuments(app: OpenAPIHono<AppEnv>) {
  const simple = [
    [purchaseOrderDocRoutes, purchaseOrderPrint],
    [purchaseReceiptDocRoutes, purchaseReceiptPrint],
    [goodsReceiptDocRoutes, goodsReceiptPrint],
    [deliveryNoteDocRoutes, deliveryNotePrint],
    [customerInvoiceDocRoutes, customerInvoicePrint],
  ] as const;
  for (const [routes, build] of simple) {
    app.openapi(routes.json, async (c) => c.json(await build(c.var.deps.db, c.req.valid('param').id, c.req.valid('query').lang), 200));
    app.openapi(routes.pdf, async (c) => sendPdf(c, await build(c.var.deps.db, c.req.valid('param').id, c.req.valid('query').lang)));
  }

  // Statements are as of the server's day (the company has no time zone setting yet).
  const statement = (c: Context<AppEnv>, id: string, lang: 'zh-CN' | 'en') =>
    customerStatementPrint(c.var.deps.db, id, lang, c.var.deps.clock.now().toISOString().slice(0, 10));
  app.openapi(customerStatementDocRoutes.json, async (c) => c.json(await statement(c, c.req.valid('param').id, c.req.valid('query').lang), 200));
  app.openapi(customerStatementDocRoutes.pdf, async (c) => sendPdf(c, await statement(c, c.req.valid('param').id, c.req.valid('query').lang)));

  const invoice = (c: Context<AppEnv>, id: string, q: Record<string, string | undefined> & { lang: 'zh-CN' | 'en' }) =>
    saleInvoicePrint(c.var.deps.db, id, q.lang, {
      buyer: { name: q.buyerName, taxNumber: q.buyerTaxNumber, address: q.buyerAddress, phone: q.buyerPhone, bankName: q.buyerBankName, bankAccount: q.buyerBankAccount },
    });
  app.openapi(saleInvoiceDocRoutes.json, async (c) => c.json(await invoice(c, c.req.valid('param').id, c.req.valid('query')), 200));
  app.openapi(saleInvoiceDocRoutes.pdf, async (c) => sendPdf(c, await invoice(c, c.req.valid('param').id, c.req.valid('query'))));
}
