import { DEFAULT_ROLE_PERMISSIONS, ROLES } from '@shopbook/shared';
import { expect, it } from 'vitest';
import { routeTable } from '../src/http/route.ts';
import { describeEachDriver } from './databases.ts';
import { useApp } from './harness.ts';

const SAMPLE_ID = '0190f5e8-3b2a-7c41-9d2e-5f6a7b8c9d0e';
const concrete = (path: string) => path.replace(/\{[^}]+\}/g, SAMPLE_ID);

describeEachDriver('every route checks access', (driver) => {
  const t = useApp(driver);

  it('has routes to walk, each declaring its access', () => {
    expect(routeTable.length).toBeGreaterThanOrEqual(10);
    for (const r of routeTable) expect(r.access).toBeTruthy();
  });

  it('answers 401 without a session on every non-public route', async () => {
    for (const r of routeTable.filter((r) => r.access !== 'public')) {
      const res = await t.call(r.method, concrete(r.path), { body: r.method === 'GET' ? undefined : {} });
      expect(res.status, `${r.method} ${r.path}`).toBe(401);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unauthenticated');
    }
  });

  it('answers 403 to every role without the permission, and lets the ones with it through', async () => {
    const tokens = Object.fromEntries(await Promise.all(ROLES.map(async (role) => [role, await t.login(role === 'clerk' ? 'clerk' : role)])));
    for (const r of routeTable.filter((r) => !['public', 'authenticated', 'device'].includes(r.access))) {
      for (const role of ROLES) {
        const allowed = (DEFAULT_ROLE_PERMISSIONS[role] as readonly string[]).includes(r.access);
        // A GET proves access fully; a write is sent an empty body so nothing changes.
        const res = await t.call(r.method, concrete(r.path), { token: tokens[role], body: r.method === 'GET' ? undefined : {} });
        if (allowed) expect([401, 403], `${role} ${r.method} ${r.path}`).not.toContain(res.status);
        else expect(res.status, `${role} ${r.method} ${r.path}`).toBe(403);
      }
    }
  });

  it('lets only registered tills call the till routes, not signed-in users', async () => {
    const owner = await t.login('owner');
    const tillRoutes = routeTable.filter((r) => r.access === 'device');
    expect(tillRoutes.length).toBeGreaterThan(0);
    for (const r of tillRoutes) {
      const res = await t.call(r.method, concrete(r.path).replace(SAMPLE_ID, 'products'), { token: owner, body: r.method === 'GET' ? undefined : {} });
      expect(res.status, `${r.method} ${r.path}`).toBe(401);
    }
  });

  it('lists every route in the OpenAPI document', async () => {
    const doc = (await (await t.call('GET', '/api/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    for (const r of routeTable) expect(doc.paths[r.path]?.[r.method.toLowerCase()], `${r.method} ${r.path}`).toBeDefined();
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const res = await t.call('GET', '/api/nothing-here');
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });
});
