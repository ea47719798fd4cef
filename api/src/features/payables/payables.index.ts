import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/context.ts';
import { approveInvoice, cancelInvoice, createInvoice, getInvoice, invoiceableLines, listInvoices, postInvoice } from './invoices.queries.ts';
import {
  agingRoute, approveInvoiceRoute, cancelInvoiceRoute, createInvoiceRoute, createPaymentRoute, dueRoute, getInvoiceRoute, getPaymentRoute, invoiceableRoute,
  listInvoicesRoute, listPaymentsRoute, postInvoiceRoute, supplierLedgerRoute,
} from './payables.routes.ts';
import { createPayment, getPayment, listPayments } from './payments.queries.ts';
import { aging, supplierLedger } from './reports.queries.ts';

const DAY = 86_400_000;

/** Payables (应付): supplier invoices matched to receipts, payments, aging and supplier accounts. */
export function registerPayables(app: OpenAPIHono<AppEnv>) {
  app.openapi(listInvoicesRoute, async (c) => c.json({ items: await listInvoices(c.var.deps.db, c.req.valid('query')) }, 200));
  app.openapi(getInvoiceRoute, async (c) => c.json(await getInvoice(c.var.deps.db, c.req.valid('param').id), 200));
  app.openapi(invoiceableRoute, async (c) => c.json({ items: await invoiceableLines(c.var.deps.db, c.req.valid('query').supplierId) }, 200));
  app.openapi(createInvoiceRoute, async (c) => {
    const { db, clock } = c.var.deps;
    const body = c.req.valid('json');
    return c.json(await db.transaction((tx) => createInvoice(tx, body, c.var.user!, clock.now())), 201);
  });
  app.openapi(approveInvoiceRoute, async (c) => {
    const { db, clock } = c.var.deps;
    return c.json(await db.transaction((tx) => approveInvoice(tx, c.req.valid('param').id, c.var.user!, clock.now())), 200);
  });
  app.openapi(postInvoiceRoute, async (c) => {
    const { db, clock } = c.var.deps;
    return c.json(await db.transaction((tx) => postInvoice(tx, c.req.valid('param').id, c.var.user!, clock.now())), 200);
  });
  app.openapi(cancelInvoiceRoute, async (c) => {
    const { db, clock } = c.var.deps;
    return c.json(await db.transaction((tx) => cancelInvoice(tx, c.req.valid('param').id, c.var.user!, clock.now())), 200);
  });

  app.openapi(listPaymentsRoute, async (c) => c.json({ items: await listPayments(c.var.deps.db, c.req.valid('query').supplierId) }, 200));
  app.openapi(getPaymentRoute, async (c) => c.json(await getPayment(c.var.deps.db, c.req.valid('param').id), 200));
  app.openapi(createPaymentRoute, async (c) => {
    const { db, clock } = c.var.deps;
    const body = c.req.valid('json');
    return c.json(await db.transaction((tx) => createPayment(tx, body, c.var.user!, clock.now())), 201);
  });

  app.openapi(agingRoute, async (c) => {
    const asOf = c.req.valid('query').asOf ?? c.var.deps.clock.now().toISOString().slice(0, 10);
    return c.json({ asOf, items: await aging(c.var.deps.db, asOf) }, 200);
  });
  app.openapi(dueRoute, async (c) => {
    const today = Date.parse(`${c.var.deps.clock.now().toISOString().slice(0, 10)}T00:00:00Z`);
    const open = await listInvoices(c.var.deps.db, { open: 'true' });
    return c.json({ items: open.map((i) => ({ ...i, daysPastDue: Math.round((today - Date.parse(`${i.dueDate}T00:00:00Z`)) / DAY) })) }, 200);
  });
  app.openapi(supplierLedgerRoute, async (c) => c.json({ items: await supplierLedger(c.var.deps.db, c.req.valid('param').id) }, 200));
}
