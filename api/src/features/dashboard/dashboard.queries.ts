import { count, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { rows } from '../../db/rows.ts';
import { categories, customers, products, stores, suppliers, users, warehouses } from '../../db/schema/index.ts';
import { expiringBatches, lowStock } from '../inventory/reports.queries.ts';
import { getCompanyRow } from '../org/org.queries.ts';

async function countOf(db: DbOrTx, table: Parameters<ReturnType<DbOrTx['select']>['from']>[0]) {
  const [row] = await db.select({ n: count() }).from(table);
  return row?.n ?? 0;
}

/** Products counted under their top-level category (the root of their category path). */
async function productsByTopCategory(db: DbOrTx) {
  const result = await rows<{ category: string; count: string | number }>(
    db,
    sql`WITH RECURSIVE tree AS (
          SELECT id, id AS root_id, name AS root_name FROM categories WHERE parent_id IS NULL
          UNION ALL
          SELECT c.id, t.root_id, t.root_name FROM categories c JOIN tree t ON c.parent_id = t.id
        )
        SELECT coalesce(t.root_name, '—') AS category, count(*) AS count
          FROM products p LEFT JOIN tree t ON t.id = p.category_id
         WHERE p.status = 'active'
         GROUP BY 1 ORDER BY 2 DESC, 1`,
  );
  return result.map((r) => ({ category: r.category, count: Number(r.count) }));
}

export async function dashboardSummary(db: DbOrTx, today: string) {
  const low = await lowStock(db);
  const expiring = await expiringBatches(db, { days: 30 }, today);
  return {
    company: await getCompanyRow(db),
    counts: {
      products: await countOf(db, products),
      categories: await countOf(db, categories),
      customers: await countOf(db, customers),
      suppliers: await countOf(db, suppliers),
      stores: await countOf(db, stores),
      warehouses: (await db.select({ n: count() }).from(warehouses).where(ne(warehouses.kind, 'transit')))[0]?.n ?? 0,
      users: await countOf(db, users),
    },
    productsByCategory: await productsByTopCategory(db),
    alerts: { lowStock: low.filter((l) => !l.negative).length, negativeStock: low.filter((l) => l.negative).length, expiringSoon: expiring.length },
  };
}
