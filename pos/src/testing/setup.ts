import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { createMemoryHistory, type Router } from 'vue-router';
import { getDb } from '../db/index.ts';
import { createPosI18n } from '../i18n/index.ts';
import type { Locale } from '../i18n/locale.ts';
import { createPosRouter } from '../router/index.ts';

/** Empties the app's database between component tests (fake-indexeddb, in memory). */
export async function resetDb(): Promise<void> {
  const db = getDb();
  await Promise.all(db.tables.map((t) => t.clear()));
}

export interface TestApp {
  pinia: Pinia;
  i18n: ReturnType<typeof createPosI18n>;
  router: Router;
  plugins: [Pinia, ReturnType<typeof createPosI18n>, Router];
}

/** Pinia, i18n and a memory-history router, as main.ts wires them. */
export function createTestApp(locale: Locale = 'en'): TestApp {
  const pinia = createPinia();
  setActivePinia(pinia);
  const i18n = createPosI18n(locale);
  const router = createPosRouter(pinia, createMemoryHistory());
  return { pinia, i18n, router, plugins: [pinia, i18n, router] };
}

export function flush(ms = 0): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls until `check` stops throwing (liveQuery answers asynchronously). */
export async function eventually(check: () => void, timeoutMs = 2000): Promise<void> {
  const start = Date.now();
  for (;;) {
    try {
      check();
      return;
    } catch (e) {
      if (Date.now() - start > timeoutMs) throw e;
      await flush(10);
    }
  }
}

/**
 * A registered till with cashiers and products, the given cashier signed in (and a shift
 * open unless `shift: false`), mounted at '/'. Stop the sync store after the test.
 */
export async function mountTillApp(opts: { locale?: Locale; cashier?: 'cashier' | 'manager'; shift?: boolean } = {}) {
  const { mount, flushPromises } = await import('@vue/test-utils');
  const { default: App } = await import('../App.vue');
  const { seedTill } = await import('./fixtures.ts');
  const { setMeta, openShift } = await import('../db/index.ts');
  const { useDeviceStore } = await import('../stores/device.ts');
  const { useSessionStore } = await import('../stores/session.ts');
  const { useSyncStore } = await import('../stores/sync.ts');
  const db = getDb();
  const { cashiers } = await seedTill(db);
  const who = cashiers.find((c) => c.username === (opts.cashier ?? 'cashier'))!;
  await setMeta(db, 'activeCashier', { v: 1, cashierId: who.id, signedInAt: new Date().toISOString() });
  if (opts.shift !== false) {
    const { DEVICE } = await import('./fixtures.ts');
    await openShift(db, { storeId: DEVICE.storeId, cashierId: who.id, cashierName: who.displayName, openingFloat: 10000 });
  }
  const app = createTestApp(opts.locale ?? 'en');
  await useDeviceStore(app.pinia).restore();
  await useSessionStore(app.pinia).restore();
  const sync = useSyncStore(app.pinia);
  sync.start(db);
  await app.router.push('/');
  await app.router.isReady();
  const wrapper = mount(App, { global: { plugins: app.plugins }, attachTo: document.body });
  await flushPromises();
  const { useShiftStore } = await import('../stores/shift.ts');
  const shift = useShiftStore(app.pinia);
  await eventually(() => {
    if (!shift.loaded || (opts.shift !== false) !== (shift.current !== null)) throw new Error('shift not loaded yet');
  });
  return { wrapper, sync, db, cashiers, who, ...app };
}

/** An element anywhere in the document (dialogs are teleported to <body>). */
export function byTestId(id: string): HTMLElement | null {
  return document.querySelector(`[data-testid="${id}"]`);
}

/** Pinia and i18n with a registered till, `cashier` signed in and a shift open: for component tests. */
export async function tillStores(opts: { cashier?: 'cashier' | 'manager'; locale?: Locale } = {}) {
  const { seedTill, DEVICE } = await import('./fixtures.ts');
  const { setMeta, openShift, getDb: db } = await import('../db/index.ts');
  const { useDeviceStore } = await import('../stores/device.ts');
  const { useSessionStore } = await import('../stores/session.ts');
  const { useShiftStore } = await import('../stores/shift.ts');
  const { cashiers } = await seedTill(db());
  const who = cashiers.find((c) => c.username === (opts.cashier ?? 'cashier'))!;
  await setMeta(db(), 'activeCashier', { v: 1, cashierId: who.id, signedInAt: new Date().toISOString() });
  const shift = await openShift(db(), { storeId: DEVICE.storeId, cashierId: who.id, cashierName: who.displayName, openingFloat: 10000 });
  const app = createTestApp(opts.locale ?? 'en');
  await useDeviceStore(app.pinia).restore();
  await useSessionStore(app.pinia).restore();
  useShiftStore(app.pinia).current = shift;
  return { ...app, cashiers, who, shift };
}
