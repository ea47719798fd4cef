import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { getDb, getMeta, setMeta } from '../db/index.ts';
import { seedTill } from '../testing/fixtures.ts';
import { resetDb } from '../testing/setup.ts';
import { useSessionStore } from './session.ts';
import { useTillStore } from './till.ts';

beforeEach(async () => {
  await resetDb();
  setActivePinia(createPinia());
});

describe('cashier session', () => {
  it('unlocks with the right PIN, offline, and survives a restore', async () => {
    const { cashiers } = await seedTill(getDb());
    const s = useSessionStore();
    expect(await s.unlock(cashiers[0]!, '0000')).toMatchObject({ ok: false, reason: 'wrong' });
    expect(s.signedIn).toBe(false);
    expect(await s.unlock(cashiers[0]!, '1234')).toEqual({ ok: true });
    expect(s.cashier?.displayName).toBe('陈收银');
    setActivePinia(createPinia());
    const again = useSessionStore();
    await again.restore();
    expect(again.cashier?.id).toBe(cashiers[0]!.id);
    expect(again.can('pos.sell')).toBe(true);
    expect(again.can('pos.discount.override')).toBe(false);
  });

  it('signs out a cashier the pull removed', async () => {
    const { cashiers } = await seedTill(getDb());
    await setMeta(getDb(), 'activeCashier', { v: 1, cashierId: cashiers[0]!.id, signedInAt: '' });
    await getDb().cashiers.delete(cashiers[0]!.id);
    const s = useSessionStore();
    await s.restore();
    expect(s.signedIn).toBe(false);
  });

  it('refuses to sign out during a sale', async () => {
    const { cashiers } = await seedTill(getDb());
    const s = useSessionStore();
    await s.unlock(cashiers[0]!, '1234');
    useTillStore().saleInProgress = true;
    expect(await s.signOut()).toEqual({ kind: 'sale' });
    expect(s.signedIn).toBe(true);
    useTillStore().saleInProgress = false;
    expect(await s.signOut()).toBeNull();
    expect(await getMeta(getDb(), 'activeCashier')).toBeUndefined();
  });
});
