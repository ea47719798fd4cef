import { type LogoRaster, type PullPage, type StoreReceiptSettings, bytesToBase64 } from '@shopbook/shared';
import { and, asc, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/index.ts';
import { describeEachDriver } from '../../../test/databases.ts';
import { useApp } from '../../../test/harness.ts';
import { registerTill } from '../../../test/till.ts';

/** A 16×2 logo: a black bar over a white one. */
const logo: LogoRaster = { width: 16, height: 2, data: bytesToBase64(Uint8Array.from([0xff, 0xff, 0, 0])) };

describeEachDriver('store receipt settings', (driver) => {
  const t = useApp(driver);
  let manager = '';
  let storeId = '';
  let till: Awaited<ReturnType<typeof registerTill>>;

  beforeAll(async () => {
    till = await registerTill(t);
    storeId = till.storeId;
    manager = await t.login('manager');
  });

  const pullStore = async (since: number) =>
    (await (await t.call('GET', `/api/sync/pull/store?since=${since}`, { token: till.token })).json()) as PullPage;
  const settings = async () => (await (await t.call('GET', `/api/org/stores/${storeId}/receipt`, { token: manager })).json()) as StoreReceiptSettings;

  it('saves header, footer and logo, and the store’s tills pull them', async () => {
    const first = await pullStore(0);
    expect(first.rows).toHaveLength(1);
    expect((first.rows[0] as { receiptLogo: unknown }).receiptLogo).toBeNull();

    const body = { receiptHeader: '  欢迎光临 Welcome ', receiptFooter: '谢谢惠顾', receiptLogo: logo };
    const res = await t.call('PUT', `/api/org/stores/${storeId}/receipt`, { token: manager, body });
    expect(res.status).toBe(200);
    expect(await settings()).toEqual({ receiptHeader: '欢迎光临 Welcome', receiptFooter: '谢谢惠顾', receiptLogo: logo });

    const next = await pullStore(first.cursor);
    expect(next.rows).toHaveLength(1);
    expect(next.rows[0]).toMatchObject({ receiptHeader: '欢迎光临 Welcome', receiptFooter: '谢谢惠顾', receiptLogo: logo });

    const [entry] = await t.database.db
      .select({ before: auditLog.before, after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'store'), eq(auditLog.entityId, storeId)))
      .orderBy(asc(auditLog.id));
    expect(entry?.after).toEqual({ receiptHeader: '欢迎光临 Welcome', receiptFooter: '谢谢惠顾', receiptLogo: { width: 16, height: 2 } });

    // Removing the logo is a change the tills pull too.
    const cleared = await t.call('PUT', `/api/org/stores/${storeId}/receipt`, { token: manager, body: { ...body, receiptLogo: null } });
    expect(cleared.status).toBe(200);
    const after = await pullStore(next.cursor);
    expect((after.rows[0] as { receiptLogo: unknown }).receiptLogo).toBeNull();
  });

  it('refuses a bad logo or text naming the field, and changes nothing', async () => {
    const before = await settings();
    const cursor = (await pullStore(0)).cursor;
    const cases: [unknown, string][] = [
      [{ ...before, receiptLogo: { ...logo, width: 12 } }, 'receiptLogo.width'],
      [{ ...before, receiptLogo: { ...logo, width: 392 } }, 'receiptLogo.width'],
      [{ ...before, receiptLogo: { ...logo, height: 3 } }, 'receiptLogo.data'],
      [{ ...before, receiptLogo: { ...logo, data: '%%%%' } }, 'receiptLogo.data'],
      [{ ...before, receiptHeader: 'x'.repeat(501) }, 'receiptHeader'],
      [{ receiptHeader: 'a', receiptLogo: null }, 'receiptFooter'],
    ];
    for (const [body, field] of cases) {
      const res = await t.call('PUT', `/api/org/stores/${storeId}/receipt`, { token: manager, body });
      expect(res.status, field).toBe(400);
      expect(((await res.json()) as { error: { field: string } }).error.field).toBe(field);
    }
    expect(await settings()).toEqual(before);
    expect((await pullStore(cursor)).rows).toHaveLength(0);
  });

  it('answers 404 for an unknown store and 403 for a cashier', async () => {
    const unknown = '0190f5e8-0000-7000-8000-00000000dead';
    const body = { receiptHeader: '', receiptFooter: '', receiptLogo: null };
    expect((await t.call('PUT', `/api/org/stores/${unknown}/receipt`, { token: manager, body })).status).toBe(404);
    expect((await t.call('GET', `/api/org/stores/${unknown}/receipt`, { token: manager })).status).toBe(404);
    const cashier = await t.login('cashier');
    expect((await t.call('PUT', `/api/org/stores/${storeId}/receipt`, { token: cashier, body })).status).toBe(403);
  });
});
