import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/context.ts';
import { signIn, signOut } from './auth.handlers.ts';
import { login, logout, me } from './auth.routes.ts';

export function registerAuth(app: OpenAPIHono<AppEnv>) {
  app.openapi(login, async (c) => c.json(await signIn(c, c.req.valid('json')), 200));
  app.openapi(logout, async (c) => {
    await signOut(c);
    return c.json({ ok: true as const }, 200);
  });
  app.openapi(me, (c) => c.json({ user: c.var.user! }, 200));
}
