import { newId, type Category, type SessionUser } from '@shopbook/shared';
import { asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
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
    .orderBy(asc(categories.code));
  return rows.map((r) => ({ ...r, productCount: Number(r.productCount) }));
}

export async function addCategory(db: DbOrTx, input: { code: string; name: string; parentId: string | null }, user: SessionUser, now: Date) {
  if (input.parentId) {
    const [parent] = await db.select({ id: categories.id }).from(categories).where(eq(categories.id, input.parentId));
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
