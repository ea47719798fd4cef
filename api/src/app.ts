import { OpenAPIHono } from '@hono/zod-openapi';
import { secureHeaders } from 'hono/secure-headers';
import type { Db } from './db/client.ts';
import { registerAudit } from './features/audit/audit.index.ts';
import { registerAuth } from './features/auth/auth.index.ts';
import { sessionMiddleware } from './features/auth/auth.middleware.ts';
import { registerDashboard } from './features/dashboard/dashboard.index.ts';
import { registerFinance } from './features/finance/finance.index.ts';
import { registerCatalogue } from './features/catalogue/catalogue.index.ts';
import { registerReceipts } from './features/receipts/receipts.index.ts';
import { registerDevices } from './features/devices/devices.index.ts';
import { registerSync } from './features/sync/sync.index.ts';
import { registerPrinting } from './features/printing/printing.index.ts';
import { registerDocuments } from './features/documents/documents.index.ts';
import { registerLoyalty } from './features/loyalty/loyalty.index.ts';
import { registerExpenses } from './features/expenses/expenses.index.ts';
import { registerInventory } from './features/inventory/inventory.index.ts';
import { registerTransfers } from './features/transfers/transfers.index.ts';
import { registerStockTakes } from './features/stocktakes/stocktakes.index.ts';
import { registerSuppliers } from './features/suppliers/suppliers.index.ts';
import { registerCustomers } from './features/customers/customers.index.ts';
import { registerPurchasing } from './features/purchasing/purchasing.index.ts';
import { registerPayables } from './features/payables/payables.index.ts';
import { registerSalesOrders } from './features/sales-orders/sales-orders.index.ts';
import { registerReceivables } from './features/receivables/receivables.index.ts';
import { registerSalesTargets } from './features/sales-targets/sales-targets.index.ts';
import { registerHealth } from './features/health/health.index.ts';
import { registerOrg } from './features/org/org.index.ts';
import { registerSetup } from './features/setup/setup.index.ts';
import { setupState } from './features/setup/setup-state.ts';
import { defaultConfig, systemClock, type AppConfig, type AppEnv, type Clock } from './http/context.ts';
import { errorBody, fromZodError } from './http/errors.ts';
import { onError } from './http/on-error.ts';

export interface CreateAppOptions {
  db: Db;
  driver: 'pglite' | 'postgres';
  clock?: Clock;
  config?: Partial<AppConfig>;
}

/** Paths that answer before the first-run setup is done. */
const OPEN_BEFORE_SETUP = new Set(['/api/health', '/api/setup', '/api/setup/status', '/api/openapi.json']);

export function createApp(options: CreateAppOptions) {
  const deps = { db: options.db, clock: options.clock ?? systemClock, config: { ...defaultConfig, ...options.config } };
  const setup = setupState();
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) return c.json(fromZodError(result.error), 400);
    },
  });

  app.use('*', secureHeaders({ xFrameOptions: 'DENY', referrerPolicy: 'same-origin' }));
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  app.use('/api/*', async (c, next) => {
    if (OPEN_BEFORE_SETUP.has(c.req.path) || (await setup.isDone(deps.db))) return next();
    return c.json(errorBody('setup_required', 'finish the first-run setup first'), 409);
  });
  app.use('/api/*', sessionMiddleware());

  registerHealth(app, options.driver, setup);
  registerSetup(app, setup);
  registerAuth(app);
  registerOrg(app);
  registerDashboard(app);
  registerFinance(app);
  registerAudit(app);
  registerCatalogue(app);
  registerInventory(app);
  registerTransfers(app);
  registerStockTakes(app);
  registerReceipts(app);
  registerSuppliers(app);
  registerCustomers(app);
  registerPurchasing(app);
  registerPayables(app);
  registerSalesOrders(app);
  registerReceivables(app);
  registerSalesTargets(app);
  registerDevices(app);
  registerSync(app);
  registerPrinting(app);
  registerDocuments(app);
  registerLoyalty(app);
  registerExpenses(app);

  app.openAPIRegistry.registerComponent('securitySchemes', 'session', { type: 'apiKey', in: 'cookie', name: 'sb_session' });
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Shopbook API', version: '0.1.0', description: 'Point of sale and back office. Money is integer minor units.' },
  });

  app.notFound((c) => c.json(errorBody('not_found', `no route ${c.req.method} ${c.req.path}`), 404));
  app.onError(onError);
  return app;
}

export type App = ReturnType<typeof createApp>;
