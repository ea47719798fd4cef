import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { getDb, setMeta, type StoredSession } from '../db/index.ts';
import { resetDb } from '../testing/setup.ts';
import { useSessionStore } from './session.ts';

const SESSION: StoredSession = {
  v: 1,
  token: 'tok',
  expiresAt: '2000-01-01T00:00:00.000Z',
  signedInAt: '2000-01-01T00:00:00.000Z',
  user: { id: 'u1', username: 'cashier', displayName: 'Li Na', roles: ['cashier'], permissions: [], storeIds: [] },
};

beforeEach(async () => {
  await resetDb();
  setActivePinia(createPinia());
});

describe('session store restore', () => {
  it('restores a saved session, even an expired one (the till may be offline)', async () => {
    await setMeta(getDb(), 'session', SESSION);
    const s = useSessionStore();
    await s.restore();
    expect(s.signedIn).toBe(true);
    expect(s.user?.displayName).toBe('Li Na');
  });

  it('treats a record it cannot read as signed out', async () => {
    await setMeta(getDb(), 'session', { ...SESSION, user: { id: 'u1' } } as unknown as StoredSession);
    const s = useSessionStore();
    await s.restore();
    expect(s.signedIn).toBe(false);
  });

  it('is signed out on a fresh till', async () => {
    const s = useSessionStore();
    await s.restore();
    expect(s.signedIn).toBe(false);
  });
});
