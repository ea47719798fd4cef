import { permissionsOf, type Salesperson, type SessionUser } from '@shopbook/shared';
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { users } from '../../db/schema/index.ts';
import { DomainError } from '../../http/errors.ts';

/** Who sees every customer and order; everyone else sees only the ones assigned to them. */
export const SEE_ALL_SALES = 'sales.all';

/**
 * The salesperson a user's customers and orders are limited to: themselves when they sell
 * on order (sales.write) without sales.all, else null (everything). Records outside the
 * scope answer 404, so their ids do not leak. Cashiers sell to anyone at the till and
 * hold no sales.write, so they keep looking customers up across the company.
 */
export function ownScope(user: SessionUser): string | null {
  return user.permissions.includes(SEE_ALL_SALES) || !user.permissions.includes('sales.write') ? null : user.id;
}

/** Active users who can sell on order (sales.write): the ones customers and orders can be assigned to. */
export async function listSalespeople(db: DbOrTx): Promise<Salesperson[]> {
  const all = await db.select().from(users).where(eq(users.active, true)).orderBy(asc(users.username));
  return all.filter((u) => permissionsOf(u.roles).includes('sales.write')).map((u) => ({ id: u.id, username: u.username, displayName: u.displayName }));
}

async function checkSalesperson(db: DbOrTx, id: string): Promise<void> {
  const [u] = await db.select().from(users).where(eq(users.id, id));
  if (!u || !u.active || !permissionsOf(u.roles).includes('sales.write')) {
    throw new DomainError('unprocessable', 'no such active user who can sell on order', 'salespersonId');
  }
}

/**
 * Whom a record goes to. `requested` undefined keeps `current` (an update) or, for a new
 * record (`current` undefined), gives it to the creator when they see only their own. A
 * user without sales.all may assign only to themselves.
 */
export async function assignSalesperson(
  db: DbOrTx, requested: string | null | undefined, user: SessionUser, current: string | null | undefined,
): Promise<string | null> {
  const own = ownScope(user);
  if (requested === undefined) return current !== undefined ? current : own;
  if (own && requested !== own) throw new DomainError('forbidden', 'only someone who sees every customer and order may assign them to another salesperson', 'salespersonId');
  if (requested !== null) await checkSalesperson(db, requested);
  return requested;
}
