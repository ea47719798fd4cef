import type { OpenAPIHono } from '@hono/zod-openapi';
import { and, count, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { sales } from '../../db/schema/index.ts';
import type { AppEnv } from '../../http/context.ts';
import { listConflicts, resolveConflict } from './conflicts.ts';
import { ingestPush } from './ingest.ts';
import { pullPage } from './pull.ts';
import { listConflictsRoute, listSalesRoute, pullRoute, pushRoute, resolveConflictRoute } from './sync.routes.ts';

export function registerSync(app: OpenAPIHono<AppEnv>) {
  app.openapi(pullRoute, async (c) => {
    const { since, limit } = c.req.valid('query');
    return c.json(await pullPage(c.var.deps.db, c.var.device!, c.req.valid('param').entity, since, limit), 200);
  });

  app.openapi(pushRoute, async (c) => {
    const { db, clock } = c.var.deps;
    const device = c.var.device!;
    // In order: a till's return may follow the sale it refunds within the same batch.
    return c.json({ results: await ingestPush(db, device, c.req.valid('json').events, clock.now()) }, 200);
  });

  app.openapi(listConflictsRoute, async (c) => c.json({ items: await listConflicts(c.var.deps.db, c.req.valid('query').status) }, 200));
  app.openapi(resolveConflictRoute, async (c) => {
    const { db, clock } = c.var.deps;
    const body = c.req.valid('json');
    const result = await db.transaction((tx) => resolveConflict(tx, c.req.valid('param').id, body.action, body.payload, body.note, c.var.user!, clock.now()));
    return c.json(result, 200);
  });

  app.openapi(listSalesRoute, async (c) => {
    const q = c.req.valid('query');
    const db = c.var.deps.db;
    const where: SQL[] = [];
    if (q.storeId) where.push(eq(sales.storeId, q.storeId));
    if (q.from) where.push(gte(sales.occurredAt, new Date(`${q.from}T00:00:00Z`)));
    if (q.to) where.push(lt(sales.occurredAt, new Date(new Date(`${q.to}T00:00:00Z`).getTime() + 86_400_000)));
    const filter = where.length ? and(...where) : undefined;
    const [total] = await db.select({ n: count() }).from(sales).where(filter);
    const items = await db
      .select({
        id: sales.id, receiptNo: sales.receiptNo, storeId: sales.storeId, deviceId: sales.deviceId, cashierId: sales.cashierId, occurredAt: sales.occurredAt,
        net: sales.net, tax: sales.tax, gross: sales.gross, discount: sales.discount, cost: sales.cost, flag: sales.flag,
        lineCount: sql<number>`(SELECT count(*) FROM sale_lines l WHERE l.sale_id = ${sales.id})::int`,
      })
      .from(sales)
      .where(filter)
      .orderBy(desc(sales.occurredAt))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize);
    return c.json({ total: total?.n ?? 0, items: items.map((i) => ({ ...i, occurredAt: i.occurredAt.toISOString(), lineCount: Number(i.lineCount) })) }, 200);
  });
}
