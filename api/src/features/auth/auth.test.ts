import { describe, expect, it } from 'vitest';
import { describeEachDriver } from '../../../test/databases.ts';
import { useApp } from '../../../test/harness.ts';

describeEachDriver('auth', (driver) => {
  const t = useApp(driver, { config: { maxFailuresPerAccount: 5, maxFailuresPerAddress: 50 } });

  it('signs in with a session cookie and a bearer token', async () => {
    const res = await t.call('POST', '/api/auth/login', { body: { username: 'Owner', password: 'demo1234' } });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^sb_session=[^;]+/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const body = (await res.json()) as { token: string; user: { username: string; permissions: string[] } };
    expect(body.user.username).toBe('owner');
    expect(body.user.permissions).toContain('users.write');

    const viaBearer = await t.call('GET', '/api/auth/me', { token: body.token });
    expect(viaBearer.status).toBe(200);
    const viaCookie = await t.call('GET', '/api/auth/me', { headers: { cookie: cookie.split(';')[0]! } });
    expect(viaCookie.status).toBe(200);
  });

  it('refuses a wrong password and an unknown user alike, naming no account', async () => {
    for (const body of [{ username: 'cashier', password: 'wrong-one' }, { username: 'nobody', password: 'demo1234' }]) {
      const res = await t.call('POST', '/api/auth/login', { body });
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: { code: 'unauthenticated', message: 'wrong username or password', field: 'password' } });
    }
  });

  it('answers bad input with 400 naming the field', async () => {
    const missing = await t.call('POST', '/api/auth/login', { body: { username: 'owner' } });
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { error: { field: string } }).error.field).toBe('password');
    const malformed = await t.call('POST', '/api/auth/login', { body: '{"username": ' });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { error: { code: string } }).error.code).toBe('validation_failed');
  });

  it('ends the session on logout', async () => {
    const token = await t.login('manager');
    expect((await t.call('POST', '/api/auth/logout', { token })).status).toBe(200);
    expect((await t.call('GET', '/api/auth/me', { token })).status).toBe(401);
  });

  it('ends a session after 30 idle minutes and after 12 hours in any case', async () => {
    const token = await t.login('accountant');
    t.clock.advance(29 * 60_000);
    expect((await t.call('GET', '/api/auth/me', { token })).status).toBe(200);
    t.clock.advance(31 * 60_000);
    expect((await t.call('GET', '/api/auth/me', { token })).status).toBe(401);

    const busy = await t.login('accountant');
    for (let i = 0; i < 25; i++) {
      t.clock.advance(29 * 60_000);
      await t.call('GET', '/api/auth/me', { token: busy });
    }
    expect((await t.call('GET', '/api/auth/me', { token: busy })).status).toBe(401);
  });

  it('throttles an account after repeated failures, even for the right password, then lets it in again', async () => {
    for (let i = 0; i < 5; i++) {
      expect((await t.call('POST', '/api/auth/login', { body: { username: 'clerk', password: `guess${i}` } })).status).toBe(401);
    }
    const throttled = await t.call('POST', '/api/auth/login', { body: { username: 'clerk', password: 'demo1234' } });
    expect(throttled.status).toBe(429);
    // Another account from the same address is not locked out by the first.
    expect((await t.call('POST', '/api/auth/login', { body: { username: 'purchaser', password: 'demo1234' } })).status).toBe(200);
    t.clock.advance(16 * 60_000);
    expect((await t.call('POST', '/api/auth/login', { body: { username: 'clerk', password: 'demo1234' } })).status).toBe(200);
  });

  it('records sign-ins and failures in the audit log', async () => {
    const token = await t.login('owner');
    const res = await t.call('GET', '/api/audit?entity=session&pageSize=200', { token });
    const page = (await res.json()) as { items: { action: string; entityId: string }[] };
    expect(page.items.some((i) => i.action === 'login_failed' && i.entityId === 'clerk')).toBe(true);
    expect(page.items.some((i) => i.action === 'login')).toBe(true);
  });
});

describe('auth per address', () => {
  describeEachDriver('address throttle', (driver) => {
    const t = useApp(driver, { config: { maxFailuresPerAccount: 100, maxFailuresPerAddress: 3, trustProxy: true } });
    it('throttles one address guessing across many accounts, not others', async () => {
      const from = (ip: string) => ({ 'x-forwarded-for': ip });
      for (const u of ['a1', 'a2', 'a3']) {
        await t.call('POST', '/api/auth/login', { body: { username: u, password: 'x' }, headers: from('10.9.9.9') });
      }
      const blocked = await t.call('POST', '/api/auth/login', { body: { username: 'owner', password: 'demo1234' }, headers: from('10.9.9.9') });
      expect(blocked.status).toBe(429);
      const other = await t.call('POST', '/api/auth/login', { body: { username: 'owner', password: 'demo1234' }, headers: from('10.1.1.1') });
      expect(other.status).toBe(200);
    });
  });
});
