import type { OpenAPIHono } from '@hono/zod-openapi';
import { asc } from 'drizzle-orm';
import { accounts } from '../../db/schema/index.ts';
import type { AppEnv } from '../../http/context.ts';
import { DomainError } from '../../http/errors.ts';
import { recordAudit } from '../audit/record.ts';
import { CONTROL_ACCOUNTS } from './chart.ts';
import { closePeriod, createJournalEntry, getPeriods, getTrialBalance, listAccounts, reopenPeriod } from './finance.routes.ts';
import { changePeriod, periodStatus } from './periods.queries.ts';
import { postJournalEntry } from './post-entry.ts';
import { trialBalance } from './trial-balance.ts';
import { getAccountLines, getBalanceSheet, getProfitAndLoss } from './finance.routes.ts';
import { accountLines, balanceSheetReport, profitAndLossReport } from './statements.queries.ts';
import { getTaxReport } from './finance.routes.ts';
import { taxReport } from './tax-report.queries.ts';

export function registerFinance(app: OpenAPIHono<AppEnv>) {
  app.openapi(listAccounts, async (c) => {
    const items = await c.var.deps.db.select().from(accounts).orderBy(asc(accounts.code));
    return c.json({ items: items.map(({ system: _system, ...a }) => a) }, 200);
  });

  app.openapi(getTrialBalance, async (c) => c.json(await trialBalance(c.var.deps.db, c.req.valid('query').asOf), 200));

  app.openapi(getProfitAndLoss, async (c) => c.json(await profitAndLossReport(c.var.deps.db, c.req.valid('query')), 200));
  app.openapi(getBalanceSheet, async (c) => c.json(await balanceSheetReport(c.var.deps.db, c.req.valid('query').asOf), 200));
  app.openapi(getAccountLines, async (c) => c.json(await accountLines(c.var.deps.db, { ...c.req.valid('query'), code: c.req.valid('param').code }), 200));
  app.openapi(getTaxReport, async (c) => c.json(await taxReport(c.var.deps.db, c.req.valid('query')), 200));

  app.openapi(createJournalEntry, async (c) => {
    const body = c.req.valid('json');
    const { db, clock } = c.var.deps;
    const user = c.var.user!;
    const now = clock.now();
    const control = body.lines.findIndex((l) => CONTROL_ACCOUNTS.includes(l.accountCode));
    if (control >= 0) {
      throw new DomainError('unprocessable', `account ${body.lines[control]!.accountCode} is a control account, posted only by its documents`, `lines.${control}.accountCode`);
    }
    const id = await db.transaction(async (tx) => {
      const entryId = await postJournalEntry(tx, {
        date: body.date,
        sourceType: 'manual',
        memo: body.memo,
        lines: body.lines,
        userId: user.id,
        postedAt: now,
      });
      await recordAudit(tx, { user, action: 'post', entity: 'journal_entry', entityId: entryId, after: body, at: now });
      return entryId;
    });
    return c.json({ id }, 201);
  });

  app.openapi(getPeriods, async (c) => {
    const { db, clock } = c.var.deps;
    return c.json(await periodStatus(db, clock.now().toISOString().slice(0, 10)), 200);
  });

  // Closing and reopening: one month at a time, audited with the month and the note.
  for (const [route, action] of [[closePeriod, 'close'], [reopenPeriod, 'reopen']] as const) {
    app.openapi(route, async (c) => {
      const body = c.req.valid('json');
      const { db, clock } = c.var.deps;
      const user = c.var.user!;
      const now = clock.now();
      await db.transaction(async (tx) => {
        const done = await changePeriod(tx, { action, month: body.month, note: body.note, user, now });
        await recordAudit(tx, {
          user, action, entity: 'period', entityId: done.id, before: { closedThrough: done.previous },
          after: { month: body.month, closedThrough: done.closedThrough, note: body.note }, at: now,
        });
      });
      return c.json(await periodStatus(db, now.toISOString().slice(0, 10)), 200);
    });
  }
}
