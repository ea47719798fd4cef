import type { OpenAPIHono } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import type { AppEnv } from '../../http/context.ts';
import { DomainError } from '../../http/errors.ts';
import { recordAudit } from '../audit/record.ts';
import { installCompany } from './install.ts';
import type { SetupState } from './setup-state.ts';
import { getSetupStatus, runSetup } from './setup.routes.ts';

const SETUP_LOCK = 7_246_001;

export function registerSetup(app: OpenAPIHono<AppEnv>, state: SetupState) {
  app.openapi(getSetupStatus, async (c) => c.json({ required: !(await state.isDone(c.var.deps.db)) }, 200));

  app.openapi(runSetup, async (c) => {
    const body = c.req.valid('json');
    const { db, clock } = c.var.deps;
    const now = clock.now();
    await db.transaction(async (tx) => {
      // Two wizards submitted at once: the second waits here, then sees the company.
      await tx.execute(sql`SELECT pg_advisory_xact_lock(${SETUP_LOCK})`);
      if (await state.isDone(tx)) throw new DomainError('setup_done', 'setup has already been done');
      const { ownerId } = await installCompany(tx, body, now);
      const { password: _password, ...owner } = body.owner;
      await recordAudit(tx, {
        user: { id: ownerId, username: body.owner.username.toLowerCase() },
        action: 'setup',
        entity: 'company',
        after: { ...body, owner },
        at: now,
      });
    });
    return c.json({ ok: true as const }, 201);
  });
}
