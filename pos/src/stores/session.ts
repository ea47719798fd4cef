import { loginResponseSchema, type SessionUser, type Store } from '@shopbook/shared';
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { fetchStores, requestLogin, requestLogout, type LoginFailure } from '../auth/api.ts';
import { deleteMeta, getDb, getMeta, pendingCount, setMeta, type StoredSession } from '../db/index.ts';
import { requestPersistentStorage } from '../storage/quota.ts';
import { signOutBlockReason, type BlockReason } from './guards.ts';
import { useTillStore } from './till.ts';

/**
 * Who is at the till. The session lives in Dexie `meta`, not only in memory, so a reload
 * while offline finds the cashier still signed in and opens the till shell straight away.
 * The token is not checked for expiry here: the server refuses an expired token when sync
 * pushes, and selling offline must not depend on a clock the till cannot verify.
 */
export const useSessionStore = defineStore('session', () => {
  const session = ref<StoredSession | null>(null);
  const store = ref<Store | null>(null);
  const user = computed<SessionUser | null>(() => session.value?.user ?? null);
  const signedIn = computed(() => session.value !== null);

  /** Loads the saved session; a record this version cannot read counts as signed out. */
  async function restore(db = getDb()): Promise<void> {
    const stored = await getMeta(db, 'session');
    const parsed = stored?.v === 1 ? loginResponseSchema.safeParse(stored) : undefined;
    session.value = parsed?.success && stored ? stored : null;
    store.value = session.value ? ((await getMeta(db, 'store')) ?? null) : null;
  }

  async function signIn(username: string, password: string, db = getDb()): Promise<LoginFailure | null> {
    const result = await requestLogin({ username, password });
    if (!result.ok) return result.failure;
    const next: StoredSession = { v: 1, ...result.response, signedInAt: new Date().toISOString() };
    await setMeta(db, 'session', next);
    session.value = next;
    await loadStore(next, db);
    // Once per sign-in: ask the browser to keep IndexedDB under storage pressure. Not
    // awaited for the UI; a refusal or a missing API changes nothing.
    void requestPersistentStorage();
    return null;
  }

  /** The cashier's store (their first), kept in meta for the header when offline. */
  async function loadStore(s: StoredSession, db = getDb()): Promise<void> {
    const stores = await fetchStores(s.token);
    const mine = stores?.find((st) => st.id === s.user.storeIds[0]) ?? stores?.[0];
    if (!mine) return;
    await setMeta(db, 'store', mine);
    store.value = mine;
  }

  /**
   * Refused while the outbox holds events the server has not acknowledged (or a sale is
   * open). Counts the outbox afresh rather than trusting the live counter, which may lag
   * a write by a tick.
   */
  async function signOut(db = getDb()): Promise<BlockReason | null> {
    const till = useTillStore();
    const blocked = signOutBlockReason({ pending: await pendingCount(db), saleInProgress: till.saleInProgress });
    if (blocked) return blocked;
    const token = session.value?.token;
    await db.transaction('rw', db.meta, async () => {
      await deleteMeta(db, 'session');
      await deleteMeta(db, 'store');
    });
    session.value = null;
    store.value = null;
    // Best effort: end the server session and its httpOnly cookie. The local session is
    // gone either way; offline the token simply expires on the server.
    if (token) void requestLogout(token);
    return null;
  }

  return { session, store, user, signedIn, restore, signIn, signOut };
});
