import { expect, it } from 'vitest';
import { count, eq, like, sql } from 'drizzle-orm';
import { newId, type PeriodStatus, type PushResult } from '@shopbook/shared';
import { describeEachDriver } from '../../../test/databases.ts';
import { useApp } from '../../../test/harness.ts';
import { registerTill, saleEvent } from '../../../test/till.ts';
import { rows } from '../../db/rows.ts';
import { customers, journalEntries, journalLines, products, sales, users } from '../../db/schema/index.ts';
import { ACCOUNTS } from './chart.ts';

type ErrorBody = { error: { code: string; message: string; field?: string } };
type TB = { rows: { accountCode: string; balance: number }[]; totals: { debit: number; credit: number } };

/**
 * Period close (clock: 2 March 2026): the accountant closes February; people can no
 * longer post into it (422 on the date field, nothing written), the database refuses it
 * too, and a till's February sale that syncs late is still applied, booked on 1 March
 * with its own date in the memo, alone or in a run of sales (the set-based path).
 * Only the owner reopens, saying why.
 */
describeEachDriver('period close', (driver) => {
  const t = useApp(driver);
  const json = async <T>(res: Response | Promise<Response>) => (await (await res).json()) as T;
  const status = async (token: string) => json<PeriodStatus>(t.call('GET', '/api/finance/periods', { token }));
  const counts = async () => {
    const db = t.database.db;
    return {
      entries: (await db.select({ n: count() }).from(journalEntries))[0]!.n,
      lines: (await db.select({ n: count() }).from(journalLines))[0]!.n,
      sales: (await db.select({ n: count() }).from(sales))[0]!.n,
    };
  };
  const trialBalance = async () => json<TB>(t.call('GET', '/api/finance/trial-balance', { token: await t.login('owner') }));
  const manualEntry = (token: string, date: string) =>
    t.call('POST', '/api/finance/journal-entries', {
      token, body: { date, memo: 'owner tops up the till', lines: [{ accountCode: ACCOUNTS.cash.code, debit: 10_000 }, { accountCode: ACCOUNTS.equity.code, credit: 10_000 }] },
    });
  const saleEntries = async (saleIds: string[]) =>
    rows<{ entry_date: string; memo: string }>(
      t.database.db,
      sql`SELECT entry_date::text AS entry_date, memo FROM journal_entries
           WHERE source_type = 'sale' AND source_id IN (${sql.join(saleIds.map((id) => sql`${id}`), sql`, `)}) ORDER BY memo`,
    );

  it('closes last month: only past months, in order, and only with finance.close', async () => {
    const accountant = await t.login('accountant');
    expect((await manualEntry(accountant, '2026-02-10')).status).toBe(201);
    const open = await status(accountant);
    expect(open).toMatchObject({ closedThrough: null, firstOpenDay: null, nextToClose: '2026-02', canCloseNext: true, history: [] });

    for (const who of ['cashier', 'clerk', 'manager']) {
      const res = await t.call('POST', '/api/finance/periods/close', { token: await t.login(who), body: { month: '2026-02' } });
      expect(res.status).toBe(403);
    }
    for (const month of ['2026-03', '2026-04']) {
      const res = await t.call('POST', '/api/finance/periods/close', { token: accountant, body: { month } });
      expect(res.status).toBe(422);
      const err = await json<ErrorBody>(res);
      expect(err.error).toMatchObject({ field: 'month', message: expect.stringMatching(/has not ended/) });
    }
    const early = await t.call('POST', '/api/finance/periods/close', { token: accountant, body: { month: '2026-01' } });
    expect(early.status).toBe(422);
    expect((await json<ErrorBody>(early)).error.field).toBe('month');
    const malformed = await t.call('POST', '/api/finance/periods/close', { token: accountant, body: { month: '2026-2' } });
    expect(malformed.status).toBe(400);
    expect((await json<ErrorBody>(malformed)).error.field).toBe('month');

    const closed = await json<PeriodStatus>(t.call('POST', '/api/finance/periods/close', { token: accountant, body: { month: '2026-02', note: 'February reconciled' } }));
    expect(closed).toMatchObject({ closedThrough: '2026-02-28', firstOpenDay: '2026-03-01', nextToClose: '2026-03', canCloseNext: false });
    expect(closed.history).toEqual([expect.objectContaining({ action: 'close', month: '2026-02', closedThrough: '2026-02-28', note: 'February reconciled', userName: expect.any(String) })]);
    const again = await t.call('POST', '/api/finance/periods/close', { token: accountant, body: { month: '2026-02' } });
    expect(again.status).toBe(422);
    expect((await json<ErrorBody>(again)).error.message).toMatch(/already closed/);
  });

  it('refuses what people post into the closed month, naming the date field, and changes nothing', async () => {
    const accountant = await t.login('accountant');
    const before = { counts: await counts(), tb: await trialBalance() };

    const entry = await manualEntry(accountant, '2026-02-15');
    expect(entry.status).toBe(422);
    expect((await json<ErrorBody>(entry)).error).toEqual({ code: 'unprocessable', field: 'date', message: 'February 2026 is closed; post into the open period' });

    const [customer] = await t.database.db.select().from(customers).limit(1);
    const payment = await t.call('POST', '/api/receivables/payments', {
      token: accountant, body: { customerId: customer!.id, paymentDate: '2026-02-27', method: 'bank', amount: 5000 },
    });
    expect(payment.status).toBe(422);
    expect((await json<ErrorBody>(payment)).error).toMatchObject({ field: 'paymentDate', message: 'February 2026 is closed; post into the open period' });

    expect(await counts()).toEqual(before.counts);
    expect(await trialBalance()).toEqual(before.tb);
    // The open period takes postings as before.
    expect((await manualEntry(accountant, '2026-03-01')).status).toBe(201);

    // And the database refuses an entry in the closed month whatever code writes it.
    await expect(
      t.database.db.transaction(async (tx) => {
        const id = newId();
        await tx.insert(journalEntries).values({ id, entryDate: '2026-02-01', postedAt: t.clock.now(), sourceType: 'raw' });
      }),
    ).rejects.toThrow();
    await expect(t.database.db.execute(sql`DELETE FROM period_closes`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`UPDATE period_closes SET closed_through = NULL`)).rejects.toThrow();
  });

  it('applies a till’s February sales that sync late, booked on the first open day, alone or in a run', async () => {
    const db = t.database.db;
    const till = await registerTill(t);
    const [cashier] = await db.select().from(users).where(eq(users.username, 'cashier'));
    const [a] = await db.select().from(products).where(like(products.sku, 'SNK-CHIPS-%')).orderBy(products.sku).limit(1);
    const late = (seq: number, day: string) => ({
      ...saleEvent(till, seq, cashier!.id, [{ productId: a!.id, qty: '1', unitPrice: 450, taxRateBp: 1300 }]),
      occurredAt: `${day}T18:30:00.000Z`,
    });

    const single = late(1, '2026-02-20');
    const before = await counts();
    const one = await json<{ results: PushResult[] }>(t.call('POST', '/api/sync/push', { token: till.token, body: { events: [single] } }));
    expect(one.results[0]).toMatchObject({ id: single.id, status: 'applied' });
    expect(await saleEntries([single.id])).toEqual([{ entry_date: '2026-03-01', memo: 'T-1 (dated 2026-02-20, booked in the open period)' }]);

    const run = [late(2, '2026-02-25'), late(3, '2026-02-28'), late(4, '2026-03-02')];
    const many = await json<{ results: PushResult[] }>(t.call('POST', '/api/sync/push', { token: till.token, body: { events: run } }));
    expect(many.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
    expect(await saleEntries(run.map((e) => e.id))).toEqual([
      { entry_date: '2026-03-01', memo: 'T-2 (dated 2026-02-25, booked in the open period)' },
      { entry_date: '2026-03-01', memo: 'T-3 (dated 2026-02-28, booked in the open period)' },
      { entry_date: '2026-03-02', memo: 'T-4' },
    ]);
    // The run went the set-based way: its moves were written in one statement.
    const [stamps] = await rows<{ n: string | number }>(db, sql`SELECT count(DISTINCT recorded_at) AS n FROM stock_moves WHERE doc_type = 'sale' AND doc_id IN (${sql.join(run.map((e) => sql`${e.id}::uuid`), sql`, `)})`);
    expect(Number(stamps!.n)).toBe(1);

    const after = await counts();
    expect([after.sales - before.sales, after.entries - before.entries]).toEqual([4, 4]);
    // The sale itself keeps when it happened; only its entry moved.
    const [sold] = await db.select().from(sales).where(eq(sales.id, single.id));
    expect(sold!.occurredAt.toISOString()).toBe('2026-02-20T18:30:00.000Z');
    const tb = await trialBalance();
    expect(tb.totals.debit).toBe(tb.totals.credit);
    const asOfFebruary = await json<TB>(t.call('GET', '/api/finance/trial-balance?asOf=2026-02-28', { token: await t.login('owner') }));
    const closedCash = asOfFebruary.rows.find((r) => r.accountCode === ACCOUNTS.cash.code)!.balance;
    expect(closedCash).toBe(10_000); // February as closed: the manual entry of the 10th and nothing since
  });

  it('lets only the owner reopen the last closed month, with a note, and audits both', async () => {
    const accountant = await t.login('accountant');
    const owner = await t.login('owner');
    expect((await t.call('POST', '/api/finance/periods/reopen', { token: accountant, body: { month: '2026-02', note: 'correction' } })).status).toBe(403);
    const noNote = await t.call('POST', '/api/finance/periods/reopen', { token: owner, body: { month: '2026-02', note: ' ' } });
    expect(noNote.status).toBe(400);
    expect((await json<ErrorBody>(noNote)).error.field).toBe('note');
    const wrong = await t.call('POST', '/api/finance/periods/reopen', { token: owner, body: { month: '2026-01', note: 'correction' } });
    expect(wrong.status).toBe(422);
    expect((await json<ErrorBody>(wrong)).error.field).toBe('month');

    const reopened = await json<PeriodStatus>(t.call('POST', '/api/finance/periods/reopen', { token: owner, body: { month: '2026-02', note: 'supplier credit note arrived late' } }));
    expect(reopened).toMatchObject({ closedThrough: '2026-01-31', nextToClose: '2026-02', canCloseNext: true });
    expect(reopened.history.map((h) => [h.action, h.month, h.closedThrough, h.note])).toEqual([
      ['reopen', '2026-02', '2026-01-31', 'supplier credit note arrived late'],
      ['close', '2026-02', '2026-02-28', 'February reconciled'],
    ]);
    expect((await manualEntry(accountant, '2026-02-15')).status).toBe(201);

    const audit = await json<{ items: { action: string; entity: string }[] }>(t.call('GET', '/api/audit?entity=period', { token: owner }));
    expect(audit.items.map((i) => i.action).sort()).toEqual(['close', 'reopen']);
  });
});
