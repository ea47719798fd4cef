import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/context.ts';
import { signIn, signOut } from './auth.handlers.ts';
import { eq, sql } from 'drizzle-orm';
import { users } from '../../db/schema/index.ts';
import { DomainError } from '../../http/errors.ts';
import { recordAudit } from '../audit/record.ts';
import { verifyPassword } from './password.ts';
import { hashPin } from './pin.ts';
import { login, logout, me, setPin } from './auth.routes.ts';

export function registerAuth(app: OpenAPIHono<AppEnv>) {
  app.openapi(login, async (c) => c.json(await signIn(c, c.req.valid('json')), 200));
  app.openapi(logout, async (c) => {
    await signOut(c);
    return c.json({ ok: true as const }, 200);
  });
  app.openapi(me, (c) => c.json({ user: c.var.user! }, 200));
  app.openapi(setPin, async (c) => {
    const { db, clock } = c.var.deps;
    const body = c.req.valid('json');
    const user = c.var.user!;
    const [row] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, user.id));
    if (!row || !(await verifyPassword(body.password, row.hash))) throw new DomainError('unprocessable', 'wrong password', 'password');
    const pinHash = await hashPin(body.pin);
    await db.transaction(async (tx) => {
      // The revision bump sends the new PIN to the store's tills on their next pull.
      await tx.update(users).set({ pinHash, revision: sql`nextval('catalogue_revision')` }).where(eq(users.id, user.id));
      await recordAudit(tx, { user, action: 'set_pin', entity: 'user', entityId: user.id, at: clock.now() });
    });
    return c.json({ ok: true as const }, 200);
  });
}
