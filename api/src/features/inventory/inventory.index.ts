import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/context.ts';
import { recordAudit } from '../audit/record.ts';
import { createAdjustment, getAdjustment, listAdjustments, postAdjustment } from './adjustments.queries.ts';
import {
  createAdjustmentRoute, expiringRoute, lowStockRoute, setRulesRoute, stockAsOfRoute, getAdjustmentRoute, ledgerCheckRoute, listAdjustmentsRoute, listLevels, postAdjustmentRoute, productMoves,
  listSerialsRoute, getSerialRoute,
} from './inventory.routes.ts';
import { ledgerCheck, productLedger, stockLevels } from './levels.queries.ts';
import { findSerials, serialDetail } from './serials.queries.ts';
import { expiringBatches, lowStock, setStockRules, stockAsOf } from './reports.queries.ts';

export function registerInventory(app: OpenAPIHono<AppEnv>) {
  app.openapi(listLevels, async (c) => c.json(await stockLevels(c.var.deps.db, c.req.valid('query')), 200));
  app.openapi(productMoves, async (c) =>
    c.json({ items: await productLedger(c.var.deps.db, c.req.valid('param').id, c.req.valid('query').warehouseId) }, 200),
  );
  app.openapi(listAdjustmentsRoute, async (c) => c.json({ items: await listAdjustments(c.var.deps.db) }, 200));
  app.openapi(getAdjustmentRoute, async (c) => c.json(await getAdjustment(c.var.deps.db, c.req.valid('param').id), 200));
  app.openapi(createAdjustmentRoute, async (c) => {
    const { db, clock } = c.var.deps;
    const body = c.req.valid('json');
    const doc = await db.transaction((tx) => createAdjustment(tx, body, c.var.user!, clock.now()));
    return c.json(doc, 201);
  });
  app.openapi(postAdjustmentRoute, async (c) => {
    const { db, clock } = c.var.deps;
    const doc = await db.transaction((tx) => postAdjustment(tx, c.req.valid('param').id, c.var.user!, clock.now()));
    return c.json(doc, 200);
  });
  app.openapi(ledgerCheckRoute, async (c) => c.json(await ledgerCheck(c.var.deps.db), 200));
  app.openapi(lowStockRoute, async (c) => c.json({ items: await lowStock(c.var.deps.db, c.req.valid('query').warehouseId) }, 200));
  app.openapi(setRulesRoute, async (c) => {
    const { db, clock } = c.var.deps;
    const { rules } = c.req.valid('json');
    await db.transaction(async (tx) => {
      await setStockRules(tx, rules);
      await recordAudit(tx, { user: c.var.user!, action: 'set_rules', entity: 'stock_rule', after: rules, at: clock.now() });
    });
    return c.json({ updated: rules.length }, 200);
  });
  app.openapi(expiringRoute, async (c) =>
    c.json({ items: await expiringBatches(c.var.deps.db, c.req.valid('query'), c.var.deps.clock.now().toISOString().slice(0, 10)) }, 200),
  );
  app.openapi(listSerialsRoute, async (c) => c.json({ items: await findSerials(c.var.deps.db, c.req.valid('query')) }, 200));
  app.openapi(getSerialRoute, async (c) => c.json(await serialDetail(c.var.deps.db, c.req.valid('param').id), 200));
  app.openapi(stockAsOfRoute, async (c) => c.json({ items: await stockAsOf(c.var.deps.db, c.req.valid('query')) }, 200));
}
