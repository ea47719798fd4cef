import { newId, type Category, type SessionUser } from '@shopbook/shared';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { rows } from '../../db/rows.ts';
import { categories } from '../../db/schema/index.ts';
import { DomainError } from '../../http/errors.ts';
import { recordAudit } from '../audit/record.ts';

export async function listCategoryRows(db: DbOrTx): Promise<Category[]> {
  const rows = await db
    .select({
      id: categories.id, parentId: categories.parentId, code: categories.code, name: categories.name,
      productCount: sql<number>`(SELECT count(*) FROM products p WHERE p.category_id = "categories"."id" AND p.status = 'active')::int`,
    })
    .from(categories)
    .where(eq(categories.active, true))
    .orderBy(asc(categories.code));
  return rows.map((r) => ({ ...r, productCount: Number(r.productCount) }));
}

export async function addCategory(db: DbOrTx, input: { code: string; name: string; parentId: string | null }, user: SessionUser, now: Date) {
  if (input.parentId) {
    const [parent] = await db.select({ id: categories.id }).from(categories).where(and(eq(categories.id, input.parentId), eq(categories.active, true)));
    if (!parent) throw new DomainError('unprocessable', 'no such parent category', 'parentId');
  }
  const code = input.code.toUpperCase();
  const [clash] = await db.select({ id: categories.id }).from(categories).where(eq(categories.code, code));
  if (clash) throw new DomainError('conflict', `category code ${code} is already used`, 'code');
  const id = newId();
  await db.insert(categories).values({ id, code, name: input.name, parentId: input.parentId });
  await recordAudit(db, { user, action: 'create', entity: 'category', entityId: id, after: { ...input, code }, at: now });
  return { id, code, name: input.name, parentId: input.parentId, productCount: 0 };
}

async function activeCategory(db: DbOrTx, id: string) {
  const [row] = await db.select().from(categories).where(and(eq(categories.id, id), eq(categories.active, true)));
  if (!row) throw new DomainError('not_found', 'no such category', 'id');
  return row;
}

/** New code and name; the revision moves so tills pick the new name up on their next pull. */
export async function renameCategory(db: DbOrTx, id: string, input: { code: string; name: string }, user: SessionUser, now: Date): Promise<Category> {
  const before = await activeCategory(db, id);
  const code = input.code.toUpperCase();
  const [clash] = await db.select({ id: categories.id }).from(categories).where(and(eq(categories.code, code), sql`${categories.id} <> ${id}`));
  if (clash) throw new DomainError('conflict', `category code ${code} is already used`, 'code');
  await db.update(categories).set({ code, name: input.name, revision: sql`nextval('catalogue_revision')` }).where(eq(categories.id, id));
  await recordAudit(db, { user, action: 'update', entity: 'category', entityId: id, before: { code: before.code, name: before.name }, after: { code, name: input.name }, at: now });
  const [row] = (await listCategoryRows(db)).filter((c) => c.id === id);
  return row!;
}

/**
 * Deletes by archiving: products, stock-takes and old documents keep pointing at the row,
 * and tills get a tombstone. Only an empty category goes, so no product is left in one the
 * back office no longer lists.
 */
export async function deleteCategory(db: DbOrTx, id: string, user: SessionUser, now: Date): Promise<void> {
  const before = await activeCategory(db, id);
  const [use] = await rows<{ products: number; children: number }>(
    db,
    sql`SELECT (SELECT count(*) FROM products WHERE category_id = ${id} AND status = 'active')::int AS products,
               (SELECT count(*) FROM categories WHERE parent_id = ${id} AND active)::int AS children`,
  );
  if (Number(use?.products) > 0) throw new DomainError('conflict', `category ${before.code} still has ${use!.products} product(s)`, 'id');
  if (Number(use?.children) > 0) throw new DomainError('conflict', `category ${before.code} still has subcategories`, 'id');
  await db.update(categories).set({ active: false, revision: sql`nextval('catalogue_revision')` }).where(eq(categories.id, id));
  await recordAudit(db, { user, action: 'delete', entity: 'category', entityId: id, before: { code: before.code, name: before.name }, at: now });
}
