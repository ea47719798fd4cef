import type { SalesDashboard } from '@shopbook/shared';
import { asc, eq, like } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEachDriver } from '../../../test/databases.ts';
import { useApp } from '../../../test/harness.ts';
import { registerTill, saleEvent } from '../../../test/till.ts';
import { products, users } from '../../db/schema/index.ts';
import { body } from '../purchasing/test-support.ts';

describeEachDriver('sales dashboard', (driver) => {
  const t = useApp(driver);

  it('compares today and the month with last year, and shows the margin, top products and hours in the shop’s time zone', async () => {
    const db = t.database.db;
    const till = await registerTill(t);
    const [cashier] = await db.select().from(users).where(eq(users.username, 'cashier'));
    const [a, b] = await db.select().from(products).where(like(products.sku, 'SNK-CHIPS-%')).orderBy(asc(products.sku)).limit(2);
    let seq = 0;
    // Every line 11.30 with 13 % tax: 10.00 net.
    const sale = (at: string, lines: { productId: string; qty: string }[]) => {
      const e = saleEvent(till, ++seq, cashier!.id, lines.map((l) => ({ ...l, unitPrice: 1130, taxRateBp: 1300 })));
      return { ...e, occurredAt: at };
    };
    const events = [
      sale('2026-03-02T02:30:00Z', [{ productId: a!.id, qty: '2' }]), // Monday 10:30 in Shanghai: 20.00
      sale('2026-03-02T02:45:00Z', [{ productId: b!.id, qty: '1' }]), // 10.00
      sale('2026-03-01T08:00:00Z', [{ productId: b!.id, qty: '1' }]), // Sunday 16:00, this month: 10.00
      sale('2025-03-02T03:00:00Z', [{ productId: a!.id, qty: '1' }]), // a year before: 10.00
      sale('2025-02-27T03:00:00Z', [{ productId: a!.id, qty: '5' }]), // last February: not in any range
    ];
    const pushed = await body<{ results: { status: string }[] }>(t.call('POST', '/api/sync/push', { token: till.token, body: { events } }));
    expect(pushed.results.map((r) => r.status)).toEqual(Array(5).fill('applied'));

    const manager = await t.login('manager');
    const d = await body<SalesDashboard>(t.call('GET', '/api/dashboard/sales?date=2026-03-02&tz=Asia/Shanghai', { token: manager }));
    expect(d.today).toEqual({ from: '2026-03-02', to: '2026-03-02', net: 3000, lastYear: 1000 });
    expect(d.monthToDate).toEqual({ from: '2026-03-01', to: '2026-03-02', net: 4000, lastYear: 1000 });
    // Equal sales order by SKU.
    expect(d.topProducts.map((p) => [p.productId, p.qty, p.net])).toEqual([[a!.id, '2', 2000], [b!.id, '2', 2000]]);
    expect(d.byHour).toEqual(expect.arrayContaining([{ weekday: 1, hour: 10, net: 3000 }, { weekday: 0, hour: 16, net: 1000 }]));
    expect(d.byHour.reduce((s, h) => s + h.net, 0)).toBe(4000);
    expect(d.marginTrend).toHaveLength(30);
    const day = d.marginTrend.find((m) => m.date === '2026-03-02')!;
    expect(day.revenue).toBe(3000);
    expect(day.marginBp).toBe(Math.round(((day.revenue - day.cost) * 10_000) / day.revenue));
    expect(d.marginTrend[0]).toMatchObject({ date: '2026-02-01', revenue: 0, marginBp: null });
    expect([d.receivablesDue, d.payablesDue]).toEqual([0, 0]);
  });

  it('refuses a bad date or time zone naming the field, and is not for cashiers', async () => {
    const manager = await t.login('manager');
    for (const [q, field] of [['date=2026-02-30', 'date'], ['tz=Mars/Olympus', 'tz']] as const) {
      const res = await t.call('GET', `/api/dashboard/sales?${q}`, { token: manager });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { field: string } }).error.field).toBe(field);
    }
    expect((await t.call('GET', '/api/dashboard/sales', { token: await t.login('cashier') })).status).toBe(403);
  });
});
