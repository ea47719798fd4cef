import { expect, it } from 'vitest';
import { count, eq, sql } from 'drizzle-orm';
import { newId } from '@shopbook/shared';
import { describeEachDriver } from '../../../test/databases.ts';
import { useApp } from '../../../test/harness.ts';
import { auditLog, journalEntries, journalLines } from '../../db/schema/index.ts';
import { ACCOUNTS } from './chart.ts';
import { postJournalEntry } from './post-entry.ts';

type TB = { rows: { accountCode: string; debit: number; credit: number; balance: number }[]; totals: { debit: number; credit: number } };

describeEachDriver('journal and trial balance', (driver) => {
  const t = useApp(driver);
  const entriesCount = async () => (await t.database.db.select({ n: count() }).from(journalEntries))[0]!.n;

  it('posts a balanced manual entry and shows it in the trial balance', async () => {
    const token = await t.login('accountant');
    const res = await t.call('POST', '/api/finance/journal-entries', {
      token,
      body: {
        date: '2026-03-01',
        memo: 'Opening capital',
        lines: [
          { accountCode: ACCOUNTS.bank.code, debit: 10_000_000 },
          { accountCode: ACCOUNTS.cash.code, debit: 2_500_050 },
          { accountCode: ACCOUNTS.equity.code, credit: 12_500_050 },
        ],
      },
    });
    expect(res.status).toBe(201);
    const tb = (await (await t.call('GET', '/api/finance/trial-balance', { token })).json()) as TB;
    expect(tb.totals).toEqual({ debit: 12_500_050, credit: 12_500_050 });
    expect(tb.rows.find((r) => r.accountCode === ACCOUNTS.equity.code)?.balance).toBe(-12_500_050);
    const before = (await (await t.call('GET', '/api/finance/trial-balance?asOf=2026-02-28', { token })).json()) as TB;
    expect(before.totals.debit).toBe(0);
  });

  it('refuses an unbalanced entry, an unknown account and bad amounts, changing nothing', async () => {
    const token = await t.login('accountant');
    const before = await entriesCount();
    const post = (lines: unknown[]) => t.call('POST', '/api/finance/journal-entries', { token, body: { date: '2026-03-02', lines } });

    const unbalanced = await post([{ accountCode: '1001', debit: 100 }, { accountCode: '6001', credit: 99 }]);
    expect(unbalanced.status).toBe(422);
    expect(((await unbalanced.json()) as { error: { message: string } }).error.message).toMatch(/unbalanced|debit/i);

    const unknown = await post([{ accountCode: '1001', debit: 100 }, { accountCode: '9999', credit: 100 }]);
    expect(unknown.status).toBe(422);
    expect(((await unknown.json()) as { error: { field: string } }).error.field).toBe('lines.1.accountCode');

    const control = await post([{ accountCode: ACCOUNTS.inventory.code, debit: 100 }, { accountCode: ACCOUNTS.equity.code, credit: 100 }]);
    expect(control.status).toBe(422);
    expect(((await control.json()) as { error: { field: string } }).error.field).toBe('lines.0.accountCode');

    const fractional = await post([{ accountCode: '1001', debit: 1.5 }, { accountCode: '6001', credit: 1.5 }]);
    expect(fractional.status).toBe(400);
    expect(((await fractional.json()) as { error: { field: string } }).error.field).toBe('lines.0.debit');

    const badDate = await t.call('POST', '/api/finance/journal-entries', { token, body: { date: '2026-02-30x', lines: [] } });
    expect(badDate.status).toBe(400);
    expect(((await badDate.json()) as { error: { field: string } }).error.field).toBe('date');

    expect(await entriesCount()).toBe(before);
  });

  it('keeps the books whole when a document fails half-way through its transaction', async () => {
    const before = await entriesCount();
    await expect(
      t.database.db.transaction(async (tx) => {
        await postJournalEntry(tx, {
          date: '2026-03-03',
          sourceType: 'test',
          lines: [{ accountCode: '1001', debit: 500, credit: 0 }, { accountCode: '6001', debit: 0, credit: 500 }],
          postedAt: t.clock.now(),
        });
        throw new Error('crash after posting');
      }),
    ).rejects.toThrow('crash after posting');
    expect(await entriesCount()).toBe(before);
  });

  it('has the database itself refuse unbalanced lines and edits of posted lines', async () => {
    const db = t.database.db;
    const entryId = newId();
    await expect(
      db.transaction(async (tx) => {
        await tx.insert(journalEntries).values({ id: entryId, entryDate: '2026-03-04', postedAt: t.clock.now(), sourceType: 'raw' });
        await tx.insert(journalLines).values([
          { id: newId(), entryId, lineNo: 1, accountCode: '1001', debit: 100, credit: 0 },
          { id: newId(), entryId, lineNo: 2, accountCode: '6001', debit: 0, credit: 90 },
        ]);
      }),
    ).rejects.toThrow();
    expect((await db.select({ n: count() }).from(journalEntries).where(eq(journalEntries.id, entryId)))[0]!.n).toBe(0);
    await expect(db.execute(sql`UPDATE journal_lines SET debit = debit + 1`)).rejects.toThrow();
    await expect(db.execute(sql`DELETE FROM journal_entries`)).rejects.toThrow();
  });

  it('keeps the audit log append-only', async () => {
    const db = t.database.db;
    expect((await db.select({ n: count() }).from(auditLog))[0]!.n).toBeGreaterThan(0);
    await expect(db.execute(sql`UPDATE audit_log SET action = 'edited'`)).rejects.toThrow();
    await expect(db.execute(sql`DELETE FROM audit_log`)).rejects.toThrow();
    const token = await t.login('accountant');
    const page = (await (await t.call('GET', '/api/audit?entity=journal_entry', { token })).json()) as { items: { action: string }[] };
    expect(page.items.map((i) => i.action)).toEqual(['post']);
  });

  it('validates audit filters', async () => {
    const token = await t.login('owner');
    const res = await t.call('GET', '/api/audit?pageSize=1000', { token });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { field: string } }).error.field).toBe('pageSize');
  });
});
