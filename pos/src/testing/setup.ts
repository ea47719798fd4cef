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
