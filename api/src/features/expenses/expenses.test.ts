import type { ExpenseDocument, ProfitAndLoss } from '@shopbook/shared';
import { count, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEachDriver } from '../../../test/databases.ts';
import { useApp } from '../../../test/harness.ts';
import { rows } from '../../db/rows.ts';
import { auditLog, expenseDocuments, journalEntries } from '../../db/schema/index.ts';
import { body } from '../purchasing/test-support.ts';

describeEachDriver('expense documents', (driver) => {
  const t = useApp(driver);
  const balance = async (code: string) => {
    const [r] = await rows<{ b: string | null }>(t.database.db, sql`SELECT sum(debit - credit)::text AS b FROM journal_lines WHERE account_code = ${code}`);
    return Number(r?.b ?? 0);
  };

  it('books rent with its input VAT against the bank, and a rebate as other income, into the profit and loss', async () => {
    const accountant = await t.login('accountant');
    const rent = await body<ExpenseDocument>(t.call('POST', '/api/expenses', {
      token: accountant,
      body: { kind: 'expense', documentDate: '2026-04-05', accountCode: '6602', description: 'April rent', amount: 545_000, tax: 45_000, method: 'bank', reference: 'Lease 12' },
    }));
    expect(rent).toMatchObject({ number: 'EX-2026-000001', amount: 545_000, tax: 45_000 });
    const rebate = await body<ExpenseDocument>(t.call('POST', '/api/expenses', {
      token: accountant, body: { kind: 'income', documentDate: '2026-04-06', accountCode: '6051', description: 'Supplier display rebate', amount: 20_000, method: 'cash' },
    }));
    expect(rebate.number).toBe('EX-2026-000002');
    // Rent 5,000.00 net + 450.00 VAT paid from the bank; 200.00 received in cash.
    expect([await balance('6602'), await balance('222102'), await balance('1002'), await balance('1001'), await balance('6051')]).toEqual([
      500_000, 45_000, -545_000, 20_000, -20_000,
    ]);
    const pl = await body<ProfitAndLoss>(t.call('GET', '/api/finance/profit-and-loss?from=2026-04-01&to=2026-04-30', { token: accountant }));
    expect(pl.revenue.total).toBe(0);
    expect(pl.otherExpenses.lines.map((l) => [l.code, l.amount])).toEqual([['6051', -20_000], ['6602', 500_000]]);
    expect(pl.netProfit).toBe(-480_000);
    const list = await body<{ items: ExpenseDocument[] }>(t.call('GET', '/api/expenses?from=2026-04-01&to=2026-04-30', { token: accountant }));
    expect(list.items.map((d) => d.number)).toEqual(['EX-2026-000002', 'EX-2026-000001']);
    expect((await body<ExpenseDocument>(t.call('GET', `/api/expenses/${rent.id}`, { token: accountant }))).description).toBe('April rent');
  });

  it('refuses bad input naming the field, and changes nothing', async () => {
    const accountant = await t.login('accountant');
    const cashier = await t.login('cashier');
    const n = async () => ({
      docs: (await t.database.db.select({ n: count() }).from(expenseDocuments))[0]!.n,
      entries: (await t.database.db.select({ n: count() }).from(journalEntries))[0]!.n,
      audit: (await t.database.db.select({ n: count() }).from(auditLog))[0]!.n,
    });
    const before = await n();
    const ok = { kind: 'expense', documentDate: '2026-04-07', accountCode: '6601', description: 'Flyers', amount: 10_000, method: 'cash' };
    const cases: [object, string][] = [
      [{ ...ok, amount: 0 }, 'amount'],
      [{ ...ok, amount: 10.5 }, 'amount'],
      [{ ...ok, tax: 10_000 }, 'tax'],
      [{ ...ok, accountCode: '1405' }, 'accountCode'],
      [{ ...ok, kind: 'income' }, 'accountCode'],
      [{ ...ok, kind: 'income', accountCode: '6051', tax: 100 }, 'tax'],
      [{ ...ok, documentDate: '2026-02-30' }, 'documentDate'],
      [{ ...ok, description: ' ' }, 'description'],
      [{ ...ok, method: 'card' }, 'method'],
      [{ ...ok, storeId: '0190f5e8-0000-7000-8000-00000000dead' }, 'storeId'],
    ];
    for (const [input, field] of cases) {
      const res = await t.call('POST', '/api/expenses', { token: accountant, body: input });
      expect([400, 422], field).toContain(res.status);
      expect(((await res.json()) as { error: { field: string } }).error.field, JSON.stringify(input)).toBe(field);
    }
    expect((await t.call('POST', '/api/expenses', { token: cashier, body: ok })).status).toBe(403);
    expect((await t.call('GET', '/api/expenses/0190f5e8-0000-7000-8000-00000000dead', { token: accountant })).status).toBe(404);
    expect(await n()).toEqual(before);
  });
});
