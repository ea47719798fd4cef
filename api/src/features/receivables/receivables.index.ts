import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/context.ts';
import { creditInvoice } from './credit-notes.queries.ts';
import { getInvoice, invoiceableLines, invoiceSale, invoiceShipments, listInvoices } from './invoices.queries.ts';
import { applyCredit, creditsOf, getPayment, receivePayment } from './payments.queries.ts';
import {
  agingRoute, applyCreditRoute, creditRoute, creditsRoute, getInvoiceRoute, getPaymentRoute, invoiceableRoute, invoiceSaleRoute, invoiceShipmentsRoute, listInvoicesRoute, receivePaymentRoute,
  statementRoute,
} from './receivables.routes.ts';
import { customerStatement, receivablesAging } from './reports.queries.ts';
import type { SessionUser } from '@shopbook/shared';
import { DomainError } from '../../http/errors.ts';
import { ownScope } from '../customers/salespeople.queries.ts';

/** Invoicing is for staff who see every customer (sales.all); sales staff limited to their own customers do not issue invoices. */
function requireAllSales(user: SessionUser) {
  if (ownScope(user)) throw new DomainError('forbidden', 'only staff who see every customer and order issue invoices and credit notes', 'customerId');
}

/** Receivables (应收): customer invoices and credit notes, payments, aging and statements. */
export function registerReceivables(app: OpenAPIHono<AppEnv>) {
  app.openapi(listInvoicesRoute, async (c) => c.json({ items: await listInvoices(c.var.deps.db, c.req.valid('query')) }, 200));
  app.openapi(invoiceableRoute, async (c) => c.json({ items: await invoiceableLines(c.var.deps.db, c.req.valid('query').customerId) }, 200));
  app.openapi(invoiceSaleRoute, async (c) => {
    const { db, clock } = c.var.deps;
    const body = c.req.valid('json');
    requireAllSales(c.var.user!);
    return c.json(await db.transaction((tx) => invoiceSale(tx, body, c.var.user!, clock.now())), 201);
  });
  app.openapi(getInvoiceRoute, async (c) => c.json(await getInvoice(c.var.deps.db, c.req.valid('param').id), 200));
  app.openapi(invoiceShipmentsRoute, async (c) => {
    const { db, clock } = c.var.deps;
    const body = c.req.valid('json');
    requireAllSales(c.var.user!);
    return c.json(await db.transaction((tx) => invoiceShipments(tx, body, c.var.user!, clock.now())), 201);
  });
  app.openapi(creditRoute, async (c) => {
    const { db, clock } = c.var.deps;
    const body = c.req.valid('json');
    requireAllSales(c.var.user!);
    return c.json(await db.transaction((tx) => creditInvoice(tx, c.req.valid('param').id, body, c.var.user!, clock.now())), 201);
  });
  app.openapi(receivePaymentRoute, async (c) => {
    const { db, clock } = c.var.deps;
    const body = c.req.valid('json');
    return c.json(await db.transaction((tx) => receivePayment(tx, body, c.var.user!, clock.now())), 201);
  });
  app.openapi(getPaymentRoute, async (c) => c.json(await getPayment(c.var.deps.db, c.req.valid('param').id), 200));
  app.openapi(creditsRoute, async (c) => c.json({ items: await creditsOf(c.var.deps.db, c.req.valid('query').customerId) }, 200));
  app.openapi(applyCreditRoute, async (c) => {
    const { db, clock } = c.var.deps;
    const body = c.req.valid('json');
    return c.json(await db.transaction((tx) => applyCredit(tx, c.req.valid('param').id, body, c.var.user!, clock.now())), 200);
  });
  app.openapi(agingRoute, async (c) => {
    const asOf = c.req.valid('query').asOf ?? c.var.deps.clock.now().toISOString().slice(0, 10);
    return c.json({ asOf, items: await receivablesAging(c.var.deps.db, asOf) }, 200);
  });
  app.openapi(statementRoute, async (c) => c.json({ items: await customerStatement(c.var.deps.db, c.req.valid('param').id) }, 200));
}
