import { type Customer, type CustomerPoints, type LoyaltyEntry, type LoyaltyProblem, newId, type PullPage, type PushResult, type SaleV1 } from '@shopbook/shared';
import { count, eq, like, sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDriver } from '../../../test/databases.ts';
import { useApp } from '../../../test/harness.ts';
import { registerTill, saleEvent } from '../../../test/till.ts';
import { rows } from '../../db/rows.ts';
import { auditLog, loyaltyEntries, products, users } from '../../db/schema/index.ts';
import { fullCustomer } from '../customers/test-support.ts';
import { body } from '../purchasing/test-support.ts';

type Push = { results: PushResult[] };
const program = { enabled: true, earnPerAmount: 100, pointValue: 1, minRedeem: 100 };

describeEachDriver('loyalty points', (driver) => {
  const t = useApp(driver);
  let manager = '';
  let cashierId = '';
  let productId = '';
  let till: Awaited<ReturnType<typeof registerTill>>;
  let seq = 500;

  beforeAll(async () => {
    manager = await t.login('manager');
    till = await registerTill(t);
    const db = t.database.db;
    cashierId = (await db.select().from(users).where(eq(users.username, 'cashier')))[0]!.id;
    productId = (await db.select().from(products).where(like(products.sku, 'SNK-CHIPS-%')).orderBy(products.sku).limit(1))[0]!.id;
  });

  const newCustomer = async () =>
    body<Customer>(t.call('POST', '/api/customers', { token: manager, body: { ...fullCustomer, code: `C-L-${newId().slice(-6)}` } }));
  const points = async (customerId: string) => body<CustomerPoints>(t.call('GET', `/api/loyalty/customers/${customerId}`, { token: manager }));
  /** A sale of `gross` (one line at 13 % tax) to the customer, paid by the given tenders. */
  const sale = (customerId: string | null, gross: number, pay: (g: number) => SaleV1['payments']) => {
    const e = saleEvent(till, ++seq, cashierId, [{ productId, qty: '1', unitPrice: gross, taxRateBp: 1300 }], { payments: pay });
    return { ...e, payload: { ...e.payload, customerId } };
  };
  const push = (events: unknown[]) => body<Push>(t.call('POST', '/api/sync/push', { token: till.token, body: { events } }));
  const trialBalance = async () => {
    const tb = await body<{ rows: { accountCode: string; debit: number; credit: number }[]; totals: { debit: number; credit: number } }>(
      t.call('GET', '/api/finance/trial-balance', { token: await t.login('owner') }),
    );
    const net = (code: string) => tb.rows.filter((r) => r.accountCode === code).reduce((s, r) => s + r.credit - r.debit, 0);
    return { liability: net('220302'), expense: -net('660105'), totals: tb.totals };
  };
  /** The points liability in the books equals the value of every customer's points. */
  const liabilityMatchesLedger = async () => {
    const [ledger] = await rows<{ value: string | null }>(t.database.db, sql`SELECT sum(value)::text AS value FROM loyalty_entries`);
    const tb = await trialBalance();
    expect(tb.liability).toBe(Number(ledger?.value ?? 0));
    expect(tb.totals.debit).toBe(tb.totals.credit);
  };

  it('sets the programme, refusing a bad figure by name, and sends it to the tills with their store', async () => {
    const before = await body<PullPage>(t.call('GET', '/api/sync/pull/store', { token: till.token }));
    const bad = await t.call('PUT', '/api/loyalty/program', { token: manager, body: { ...program, earnPerAmount: 0 } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { field: string } }).error.field).toBe('earnPerAmount');
    expect((await t.call('PUT', '/api/loyalty/program', { token: await t.login('cashier'), body: program })).status).toBe(403);
    expect(await body(t.call('GET', '/api/loyalty/program', { token: manager }))).toMatchObject({ enabled: false });

    expect((await t.call('PUT', '/api/loyalty/program', { token: manager, body: program })).status).toBe(200);
    const after = await body<PullPage>(t.call('GET', `/api/sync/pull/store?since=${before.cursor}`, { token: till.token }));
    expect(after.rows[0]).toMatchObject({ loyalty: program });
  });

  it('earns on what the customer paid with money, books the points as a liability, and the till hears of them', async () => {
    const customer = await newCustomer();
    const before = await body<PullPage>(t.call('GET', '/api/sync/pull/customers?limit=5000', { token: till.token }));
    const tb0 = await trialBalance();
    const result = await push([sale(customer.id, 12_345, (g) => [{ tender: 'cash', amount: g, tendered: g, reference: null }])]);
    expect(result.results[0]).toMatchObject({ status: 'applied' });
    const p = await points(customer.id);
    expect(p.points).toBe(123);
    expect(p.entries.map((e) => [e.kind, e.points, e.value])).toEqual([['earn', 123, 123]]);
    expect(p.entries[0]!.receiptNo).toBe(`T-${seq}`);
    const tb1 = await trialBalance();
    expect(tb1.liability - tb0.liability).toBe(123);
    expect(tb1.expense - tb0.expense).toBe(123);
    const delta = await body<PullPage>(t.call('GET', `/api/sync/pull/customers?since=${before.cursor}`, { token: till.token }));
    expect(delta.rows).toContainEqual(expect.objectContaining({ id: customer.id, points: 123 }));
    // A sale without a customer earns nothing; pushing the same sale again earns nothing more.
    await push([sale(null, 5_000, (g) => [{ tender: 'cash', amount: g, tendered: g, reference: null }])]);
    await liabilityMatchesLedger();
  });

  it('flags points spent twice at offline tills, keeps both sales, and lets a manager resolve it', async () => {
    const customer = await newCustomer();
    const adjust = await t.call('POST', `/api/loyalty/customers/${customer.id}/adjustments`, { token: manager, body: { points: 500, reason: 'Welcome gift' } });
    expect(adjust.status).toBe(201);
    expect(await points(customer.id)).toMatchObject({ points: 500, value: 500 });

    // Two tills, both offline, both let the customer spend 400 of their 500 points on a 10.00 bill.
    const spend = () =>
      sale(customer.id, 1_000, (g) => [
        { tender: 'points', amount: 400, tendered: null, reference: null, points: 400 },
        { tender: 'cash', amount: g - 400, tendered: g - 400, reference: null },
      ]);
    const first = spend();
    const second = spend();
    const pushed = await push([first, second]);
    // Both stand (the chips have no stock here, so both are flagged for that too); only the second overdrew.
    expect(pushed.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    const flagOf = async (id: string) => (await rows<{ flag: string | null }>(t.database.db, sql`SELECT flag FROM sales WHERE id = ${id}::uuid`))[0]?.flag ?? '';
    // 500 − 400 + 6 (earned on the 6.00 paid in cash) − 400 + 6
    const p = await points(customer.id);
    expect(p.points).toBe(-288);
    expect(p.entries.filter((e) => e.flag === 'overdrawn').map((e) => e.points)).toEqual([-400]);
    expect(await flagOf(first.id)).not.toContain('points_overdrawn');
    expect((await flagOf(second.id)).split(',')).toContain('points_overdrawn');

    // Pushing both again changes nothing.
    const again = await push([first, second]);
    expect(again.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
    expect((await points(customer.id)).points).toBe(-288);

    const problems = await body<{ items: LoyaltyProblem[] }>(t.call('GET', '/api/loyalty/problems', { token: manager }));
    const problem = problems.items.find((x) => x.customerId === customer.id)!;
    expect(problem).toMatchObject({ kind: 'redeem', points: -400, customerPoints: -288, receiptNo: second.payload.receiptNo, customerCode: customer.code });
    expect((await t.call('POST', `/api/loyalty/problems/${problem.id}/resolve`, { token: manager, body: { note: ' ' } })).status).toBe(400);
    const resolved = await body<LoyaltyEntry>(t.call('POST', `/api/loyalty/problems/${problem.id}/resolve`, { token: manager, body: { note: 'Customer told; points owed back' } }));
    expect(resolved.resolvedAt).not.toBeNull();
    expect(resolved.resolvedByName).toBeTruthy();
    expect((await t.call('POST', `/api/loyalty/problems/${problem.id}/resolve`, { token: manager, body: { note: 'again' } })).status).toBe(409);
    const left = await body<{ items: LoyaltyProblem[] }>(t.call('GET', '/api/loyalty/problems', { token: manager }));
    expect(left.items.find((x) => x.id === problem.id)).toBeUndefined();
    await liabilityMatchesLedger();

    // The first sale comes back whole: its 400 points are refunded as points, the 6 it earned are taken back.
    const line = first.payload.lines[0]!;
    const returnId = newId();
    const ret = {
      id: returnId, deviceId: till.deviceId, seq: ++seq, type: 'return' as const, occurredAt: new Date('2026-03-03T10:00:00Z').toISOString(),
      payload: {
        v: 1, returnId, receiptNo: `R-${seq}`, originalSaleId: first.id, storeId: till.storeId, warehouseId: till.warehouseId, cashierId, shiftId: null, reason: 'changed mind',
        approvedBy: null, lines: [{ lineId: newId(), originalLineId: line.lineId, productId, qty: '1', serials: [], taxRateBp: 1300, net: line.net, tax: line.tax, gross: line.gross }],
        totals: { net: line.net, tax: line.tax, gross: line.gross },
        refunds: [
          { tender: 'points', amount: 400, tendered: null, reference: null, points: 400 },
          { tender: 'cash', amount: 600, tendered: null, reference: null },
        ],
      },
    };
    expect((await push([ret])).results[0]).toMatchObject({ status: 'applied' });
    const back = await points(customer.id);
    expect(back.points).toBe(-288 + 400 - 6);
    expect(back.entries.filter((e) => e.sourceId === returnId).map((e) => [e.kind, e.points]).sort()).toEqual([['refund', 400], ['reverse', -6]]);
    await liabilityMatchesLedger();
  });

  it('refuses bad points and changes nothing', async () => {
    const customer = await newCustomer();
    const entries = async () => (await t.database.db.select({ n: count() }).from(loyaltyEntries))[0]!.n;
    const audits = async () => (await t.database.db.select({ n: count() }).from(auditLog))[0]!.n;
    const cashier = await t.login('cashier');
    const [n0, a0] = [await entries(), await audits()];
    const cases: [unknown, string][] = [
      [{ points: 0, reason: 'x' }, 'points'],
      [{ points: 1.5, reason: 'x' }, 'points'],
      [{ points: 10 }, 'reason'],
      [{ points: 10, reason: '   ' }, 'reason'],
    ];
    for (const [input, field] of cases) {
      const res = await t.call('POST', `/api/loyalty/customers/${customer.id}/adjustments`, { token: manager, body: input });
      expect(res.status, field).toBe(400);
      expect(((await res.json()) as { error: { field: string } }).error.field).toBe(field);
    }
    expect((await t.call('POST', `/api/loyalty/customers/${newId()}/adjustments`, { token: manager, body: { points: 5, reason: 'x' } })).status).toBe(404);
    expect((await t.call('POST', `/api/loyalty/customers/${customer.id}/adjustments`, { token: cashier, body: { points: 5, reason: 'x' } })).status).toBe(403);
    expect((await t.call('POST', `/api/loyalty/problems/${newId()}/resolve`, { token: manager, body: { note: 'x' } })).status).toBe(404);

    // A points payment without a customer, or without its count of points, is refused and kept for review.
    const anonymous = sale(null, 1_000, () => [{ tender: 'points', amount: 1_000, tendered: null, reference: null, points: 1_000 }]);
    const uncounted = sale(customer.id, 1_000, () => [{ tender: 'points', amount: 1_000, tendered: null, reference: null }]);
    const results = (await push([anonymous, uncounted])).results;
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(await entries()).toBe(n0);
    expect(await audits()).toBe(a0);
    expect((await points(customer.id)).points).toBe(0);
  });
});
